package cn.nianbao.read.source;

/**
 * One cell of a table-bearing source: a workbook cell, an HTML or Word table cell, a piece of a
 * text line, a word of a PDF line. {@code row}/{@code col} are its grid position (for text: line and
 * piece number); {@code sheet}/{@code where} say where a user finds it (sheet and A1, 文本 and 第N行,
 * PDF第3页 and 第12行). {@code x0}/{@code x1} are its left and right edges on the page where the
 * source knows them (a PDF), NaN elsewhere; {@code page} is its page (1…), 0 where there are none.
 */
public record SourceCell(String text, int row, int col, String sheet, String where, int page, double x0, double x1) {
    /** A cell without a position on a page. */
    public SourceCell(String text, int row, int col, String sheet, String where) {
        this(text, row, col, sheet, where, 0, Double.NaN, Double.NaN);
    }

    /** Whether the source told where on the page the cell sits. */
    public boolean placed() {
        return !Double.isNaN(x0) && !Double.isNaN(x1);
    }
}
