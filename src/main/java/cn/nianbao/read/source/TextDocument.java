package cn.nianbao.read.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text as lines of cells: each line is a row, cut into cells at tabs, or at "|" when the line has
 * no tab (seed layouts 000, 001; one cell per line as in 003/004 needs no cutting; spaces are cut
 * by the label reader, which takes cell boundaries as hints only). A line that is nothing but a
 * page mark ("— 3 —", "第3页 共10页", "3/10", a form feed) is an empty row: a page break, not a row.
 */
public final class TextDocument {
    /** Page marks a PDF's text keeps inside a table: "— 3 —", "-3-", "第3页 共10页", "3/10", "Page 3 of 9". */
    public static final Pattern PAGE_LINE = Pattern.compile(
            "^\\s*(?:[-—–－]+\\s*\\d{1,4}\\s*[-—–－]+|第\\s*\\d{1,4}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|共\\s*\\d{1,4}\\s*页\\s*第\\s*\\d{1,4}\\s*页|\\d{1,4}\\s*/\\s*\\d{1,4}|[Pp]age\\s*\\d{1,4}(?:\\s*of\\s*\\d{1,4})?)\\s*$");

    private static final Pattern BARE_NUMBER = Pattern.compile("^[\\s\f]*[1-9]\\d{0,3}[\\s\f]*$");

    private TextDocument() {
    }

    /** {@code text} as a source of lines (no grid): the text itself is its plain text. */
    public static Source of(String file, String text) {
        return new Source(file, lines(text), false, text);
    }

    /** Each line of {@code text} as a row of cells (see the class comment). */
    public static List<List<SourceCell>> lines(String text) {
        List<List<SourceCell>> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // pdftotext ends a page with a form feed: a bare number beside one is that page's number.
            // But a page has one number: a bare number opening a page whose end already bore its mark
            // ("—2—", then "\f577") is the new page's first value.
            boolean besidePageBreak = (line.indexOf('\f') >= 0 && !(line.substring(0, line.indexOf('\f')).isBlank() && markedBefore(lines, i)))
                    || i + 1 < lines.length && lines[i + 1].startsWith("\f");
            if (PAGE_LINE.matcher(line).matches() || besidePageBreak && BARE_NUMBER.matcher(line).matches()) {
                rows.add(List.of()); // a page break inside a table, not a row
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
        return rows;
    }

    /** Whether the last non-blank line before line {@code i} is a page mark ("— 2 —", "第2页"). */
    private static boolean markedBefore(String[] lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!lines[j].isBlank()) {
                return PAGE_LINE.matcher(lines[j]).matches();
            }
        }
        return false;
    }
}
