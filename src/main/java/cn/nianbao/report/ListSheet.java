package cn.nianbao.report;

import cn.nianbao.util.TextWidth;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One list sheet being written, row after row: a bold header row with the header frozen, then
 * text, numbers and links; a cell marked {@code bad} is filled rose. Column widths follow what
 * was written (a streaming sheet cannot measure itself afterwards); columns of long free text wrap
 * ({@link #WRAPPED}). Printed landscape, one page wide and as many tall as it takes, with the
 * header row repeated on every page.
 */
public interface ListSheet {
    /** A workbook that list sheets are added to, one after another. */
    @FunctionalInterface
    interface Book {
        ListSheet sheet(String name, List<String> header) throws IOException;
    }

    /** Starts the next row. */
    void row() throws IOException;

    /** A string cell — never a formula, whatever the text starts with; nothing when {@code v} is null. */
    default void text(int col, String v) throws IOException {
        text(col, v, false);
    }

    void text(int col, String v, boolean bad) throws IOException;

    /** A number cell; nothing when {@code v} is null. */
    default void number(int col, BigDecimal v) throws IOException {
        number(col, v, false);
    }

    void number(int col, BigDecimal v, boolean bad) throws IOException;

    /**
     * A cell showing {@code shown} that opens {@code target}: a HYPERLINK formula (it streams;
     * cell hyperlinks are held to the end, and Excel allows 65,530 per sheet). Both strings are
     * quoted with " doubled, so no text from a file name can leave the literal; a target past
     * Excel's 255-character limit for a literal stays plain text.
     */
    void link(int col, String target, String shown) throws IOException;

    /** A dropdown of {@code choices} on column {@code col} below the header (before {@link #finish}). */
    void dropdown(int col, List<String> choices) throws IOException;

    /** Ends the sheet: column widths, and an autofilter over the rows written when {@code filter}. */
    void finish(boolean filter) throws IOException;

    /** The longest a formula's string literal may be in Excel. */
    int MAX_LITERAL = 255;

    /** An Excel string literal. */
    static String literal(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The HYPERLINK formula for a link, or null when the target is too long for one. */
    static String hyperlink(String target, String shown) {
        return target.length() <= MAX_LITERAL ? "HYPERLINK(" + literal(target) + "," + literal(shown) + ")" : null;
    }

    /** Column width in characters for the widest text written in it: at least 6, at most 80. */
    static int width(int widest) {
        return Math.min(80, Math.max(6, widest + 2));
    }

    /**
     * The columns of long free text — messages, row labels, file paths, mail subjects — by header,
     * with the widest each may be: their cells wrap, so that a list printed one page wide (landscape)
     * keeps a legible scale and shows every column.
     */
    Map<String, Integer> WRAPPED = Map.ofEntries(Map.entry("说明", 50), Map.entry("行", 30), Map.entry("文件", 30),
            Map.entry("读取的文件", 30), Map.entry("收件箱文件", 30), Map.entry("附件或条目", 30), Map.entry("邮件主题", 30),
            Map.entry("被替代的报送", 30), Map.entry("替代它的报送（当前）", 30), Map.entry("单位说明", 30), Map.entry("备注", 40));

    /** Whether the column headed {@code header} wraps its text. */
    static boolean wraps(String header) {
        return WRAPPED.containsKey(header);
    }

    /** {@link #width(int)}, capped for a column that wraps. */
    static int width(String header, int widest) {
        return Math.min(WRAPPED.getOrDefault(header, 80), width(widest));
    }

    /** Points per line of text in a list row: Excel's default row height for its default font. */
    float LINE_HEIGHT = 15f;

    /** The most lines a row is made tall for: Excel's highest row is 409 points. */
    int MAX_LINES = 27;

    /**
     * How many lines {@code text}, {@code width} wide ({@link TextWidth}), takes in the wrapping
     * column headed {@code header}. Spreadsheets do not all grow a row for wrapped text when they
     * open a file (LibreOffice does not), so the writers make such a row tall enough themselves.
     * A text wider than the cap makes the column exactly the cap wide; a line holds a little less.
     */
    static int lines(String header, String text, int width) {
        int usable = WRAPPED.getOrDefault(header, 80) - 2;
        if (width <= usable && text.indexOf('\n') < 0) {
            return 1;
        }
        int n = 0;
        for (String part : text.split("\n", -1)) {
            n += Math.max(1, (TextWidth.of(part) + usable - 1) / usable);
        }
        return Math.min(n, MAX_LINES);
    }
}
