package cn.nianbao.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * One list sheet being written, row after row: a bold header row with the header frozen, then
 * text, numbers and links; a cell marked {@code bad} is filled rose. Column widths follow what
 * was written (a streaming sheet cannot measure itself afterwards).
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
}
