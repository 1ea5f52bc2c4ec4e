package cn.nianbao.read.source;

import cn.nianbao.util.Decoding;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A web page as a browser saves it (.html, .htm; .mhtml/.mht, the page and its parts in one MIME
 * message), as a {@link Source}: every innermost {@code <table>} a grid, rowspan/colspan expanded
 * (the value in the top-left cell, the covered cells empty), and the page text kept for the title,
 * the narrative and the tables that are not in a {@code <table>}. The charset is the page's own
 * ({@code <meta charset>}, {@code http-equiv}, the XML declaration, the MIME part's charset: GBK,
 * GB2312, UTF-8…), else UTF-8 when the bytes are valid UTF-8, else GB18030. jsoup builds the tree
 * as browsers do (unclosed cells, a table outside its {@code <div>}, Word's {@code <o:p>} and
 * spans) and caps how deep elements nest.
 */
public final class HtmlDocument {
    /** More tables than any report page has: a page with more is no report, and its grids are not built. */
    static final int MAX_TABLES = 500;
    static final int MAX_CELLS = 200_000;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)|<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_\\-:.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Session SESSION = Session.getInstance(new Properties());

    private HtmlDocument() {
    }

    /** Whether text looks like HTML (by content, whatever its name). */
    public static boolean isHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body");
    }

    /** A saved page's bytes decoded by its own charset (see the class comment). */
    public static String decode(byte[] bytes) {
        Charset declared = declaredCharset(bytes);
        if (declared != null) {
            return stripBom(new String(bytes, declared));
        }
        return Decoding.decode(bytes);
    }

    private static String stripBom(String s) {
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    /** The charset a page declares in its first 4 KB, GBK and GB2312 read as GB18030 (their superset); null if none or unknown. */
    static Charset declaredCharset(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            return null; // a UTF-16 byte-order mark says more than any meta tag
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        return charset(m.group(1) != null ? m.group(1) : m.group(2));
    }

    static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("gbk") || n.equals("gb2312") || n.equals("gb_2312-80") || n.equals("x-gbk") || n.equals("cp936")
                || n.equals("euc-cn") || n.equals("x-euc-cn")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A page's bytes as a source (an .html or .htm file). */
    public static Source of(String file, byte[] bytes) {
        return parse(file, decode(bytes));
    }

    /**
     * A saved .mhtml/.mht: its first text/html part (quoted-printable or base64, in its own
     * charset) as a page; the pictures and styles beside it are not needed.
     */
    public static Source ofMhtml(String file, byte[] bytes) throws UnreadableDocument {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
            HtmlPart html = firstHtml(m, 0);
            if (html == null) {
                throw new UnreadableDocument("网页存档（.mhtml）中没有找到网页部分（text/html）");
            }
            Charset declared = declaredCharset(html.bytes());
            Charset c = declared != null ? declared : charset(html.charset());
            return parse(file, c != null ? stripBom(new String(html.bytes(), c)) : Decoding.decode(html.bytes()));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableDocument("网页存档（.mhtml）已损坏，无法解开");
        }
    }

    private record HtmlPart(byte[] bytes, String charset) {
    }

    private static HtmlPart firstHtml(Part p, int depth) throws MessagingException, IOException {
        if (depth > 5) {
            return null;
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount() && i < 1000; i++) {
                BodyPart b = mp.getBodyPart(i);
                HtmlPart found = firstHtml(b, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (p.isMimeType("text/html")) {
            try (InputStream in = p.getInputStream()) {
                String charset = null;
                try {
                    charset = new ContentType(p.getContentType()).getParameter("charset");
                } catch (MessagingException e) {
                    // no charset said: told by the bytes
                }
                return new HtmlPart(in.readNBytes(Documents.MAX_TEXT_BYTES), charset);
            }
        }
        return null;
    }

    static Source parse(String file, String html) {
        Document doc = Jsoup.parse(html);
        List<List<SourceCell>> rows = new ArrayList<>();
        int n = 0;
        List<Element> tables = doc.select("table");
        if (tables.size() <= MAX_TABLES) {
            for (Element table : tables) {
                if (table.getElementsByTag("table").size() > 1) {
                    continue; // a layout table around the real one: only the innermost tables carry cells
                }
                n++;
                rows.addAll(grid(table, "网页表格" + n, rows.size()));
                if (rows.size() > MAX_CELLS) {
                    break;
                }
            }
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
        String text = page.toString();
        if (n == 0) {
            // A page without <table>: its text lines are the source, as for a .txt.
            return new Source(file, TextDocument.lines(text), false, text);
        }
        return new Source(file, rows, true, text);
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
                int rs = span(td.attr("rowspan"), 500);
                int cs = span(td.attr("colspan"), 100);
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
                row.add(new SourceCell(t, firstRow + i, c, name, org.apache.poi.ss.util.CellReference.convertNumToColString(c) + (i + 1)));
            }
            out.add(row);
        }
        return out;
    }

    private static String cellText(Element td) {
        return td.wholeText().replace('\u00a0', ' ').strip();
    }

    private static int span(String attr, int max) {
        try {
            int v = Integer.parseInt(attr.strip());
            return Math.max(1, Math.min(v, max));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
