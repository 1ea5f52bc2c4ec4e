package cn.nianbao.read.label;

import java.util.List;

/**
 * A document as the label reader sees it: rows of cells in reading order, whether the cells sit
 * in a real grid (workbook, HTML table: an empty cell between values is a blank value, and header
 * positions name the columns) or come from split text lines, and its plain text (title, 索引号 and
 * the narrative sentences the tables are compared with).
 */
public record Source(String file, List<List<SourceCell>> rows, boolean grid, String text) {
    public Source {
        rows = List.copyOf(rows);
    }
}
