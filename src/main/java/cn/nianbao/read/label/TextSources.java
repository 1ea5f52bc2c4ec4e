package cn.nianbao.read.label;

import cn.nianbao.util.Decoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Published reports as {@link Source}s. Plain text: each line is a row, cut into cells at tabs,
 * or at "|" when the line has no tab (seed layouts 000, 001; one cell per line as in 003/004
 * needs no cutting). HTML: every {@code <table>} becomes a grid with rowspan/colspan expanded
 * (the value in the top-left cell, the covered cells empty), and the page text is kept for the
 * title and the narrative. Text is decoded by {@link Decoding}.
 */
public final class TextSources {
    /** Page marks a PDF's text keeps inside a table: "— 3 —", "第3页 共10页", "3/10". */
    private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile(
            "^\\s*(?:[-—–－]+\\s*\\d+\\s*[-—–－]+|第\\s*\\d+\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+)\\s*$");

    private TextSources() {
    }

    /** Whether the file looks like HTML (by content, whatever its name). */
    static boolean isHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body");
    }

    public static Source read(Path file) throws IOException {
        String text = Decoding.decode(Files.readAllBytes(file));
        return isHtml(text) ? html(file.toString(), text) : plain(file.toString(), text);
    }

    static Source plain(String file, String text) {
        List<List<SourceCell>> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (PAGE_NUMBER.matcher(line).matches()) {
                rows.add(List.of()); // "— 3 —", "第3页 共10页": a page break inside a table, not a row
                continue;
            }
            String[] cells = line.indexOf('\t') >= 0 ? line.split("\t", -1)
                    : line.indexOf('|') >= 0 ? line.split("\\|", -1) : new String[] {line};
            // Empty cells at a line's ends are layout (merged labels, one cell per line after a tab);
            // only an empty cell between two filled ones on the same line stands for a blank value.
            int a = 0;
            int b = cells.length;
            while (a < b && cells[a].isBlank()) {
                a++;
            }
            while (b > a && cells[b - 1].isBlank()) {
                b--;
            }
            List<SourceCell> row = new ArrayList<>(b - a);
            for (int c = a; c < b; c++) {
                row.add(new SourceCell(cells[c], i, c, "文本", "第" + (i + 1) + "行"));
            }
            rows.add(row);
        }
        return new Source(file, rows, false, text);
    }

    static Source html(String file, String html) {
        Document doc = Jsoup.parse(html);
        List<List<SourceCell>> rows = new ArrayList<>();
        int n = 0;
        for (Element table : doc.select("table")) {
            if (table.select("table").size() > 1) {
                continue; // a layout table around the real one: only the innermost tables carry cells
            }
            n++;
            rows.addAll(grid(table, "网页表格" + n, rows.size()));
        }
        StringBuilder page = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    page.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.tagName().equals("br"))) {
                    page.append('\n');
                } else if (node instanceof Element e && (e.tagName().equals("td") || e.tagName().equals("th"))) {
                    page.append('\t');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    page.append('\n');
                }
            }
        }, doc.body());
        if (n == 0) {
            // A page without <table>: its text lines are the source, as for a .txt.
            Source text = plain(file, page.toString());
            return new Source(file, text.rows(), false, page.toString());
        }
        return new Source(file, rows, true, page.toString());
    }

    /** One HTML table as rows of cells, spans expanded. */
    private static List<List<SourceCell>> grid(Element table, String name, int firstRow) {
        List<List<String>> cells = new ArrayList<>();
        int r = 0;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            while (cells.size() <= r) {
                cells.add(new ArrayList<>());
            }
            List<String> row = cells.get(r);
            int c = 0;
            for (Element td : tr.children()) {
                if (!td.tagName().equals("td") && !td.tagName().equals("th")) {
                    continue;
                }
                while (c < row.size() && row.get(c) != null) {
                    c++;
                }
                int rs = span(td.attr("rowspan"));
                int cs = span(td.attr("colspan"));
                for (int dr = 0; dr < rs; dr++) {
                    while (cells.size() <= r + dr) {
                        cells.add(new ArrayList<>());
                    }
                    List<String> target = cells.get(r + dr);
                    for (int dc = 0; dc < cs; dc++) {
                        while (target.size() <= c + dc) {
                            target.add(null);
                        }
                        target.set(c + dc, dr == 0 && dc == 0 ? cellText(td) : "");
                    }
                }
                c += cs;
            }
            r++;
        }
        List<List<SourceCell>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<SourceCell> row = new ArrayList<>();
            List<String> src = cells.get(i);
            for (int c = 0; c < src.size(); c++) {
                String t = src.get(c) == null ? "" : src.get(c);
                row.add(new SourceCell(t, firstRow + i, c, name, TableParser.a1(i, c)));
            }
            out.add(row);
        }
        return out;
    }

    private static String cellText(Element td) {
        return td.wholeText().replace('\u00a0', ' ').strip();
    }

    private static int span(String attr) {
        try {
            int v = Integer.parseInt(attr.strip());
            return Math.max(1, Math.min(v, 1000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
