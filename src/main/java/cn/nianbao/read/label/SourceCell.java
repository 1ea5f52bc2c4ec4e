package cn.nianbao.read.label;

/**
 * One cell of a table-bearing source: a workbook cell, an HTML table cell, or a piece of a
 * text line. {@code row}/{@code col} are its grid position (for text: line and piece number);
 * {@code sheet}/{@code where} say where a user finds it (sheet and A1, or 文本 and 第N行).
 */
public record SourceCell(String text, int row, int col, String sheet, String where) {
}
