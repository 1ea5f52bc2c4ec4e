package cn.nianbao.read.source;

import java.util.List;

/**
 * A document as the label reader sees it: rows of cells in reading order, whether the cells sit
 * in a real grid (workbook, HTML or Word table: an empty cell between values is a blank value, and
 * header positions name the columns) or come from lines of text (a text file, a PDF's text layer,
 * a page without tables), and its plain text (title, 索引号, the narrative sentences the tables are
 * compared with; for a grid source also the lines the label reader falls back to when a table is
 * not among the grid's cells). {@code placed} says the cells carry their x positions (a PDF);
 * {@code wholeRows} that every table row lists its cells up to the table's right edge (a Word
 * table), so a row ending before a column of its header has lost cells and its values moved left.
 */
public record Source(String file, List<List<SourceCell>> rows, boolean grid, String text, boolean placed, boolean wholeRows) {
    public Source {
        rows = List.copyOf(rows);
    }

    public Source(String file, List<List<SourceCell>> rows, boolean grid, String text, boolean placed) {
        this(file, rows, grid, text, placed, false);
    }

    public Source(String file, List<List<SourceCell>> rows, boolean grid, String text) {
        this(file, rows, grid, text, false, false);
    }
}
