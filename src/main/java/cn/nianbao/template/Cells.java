package cn.nianbao.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The cell at a position of a sheet being written, made when it is not there yet. */
final class Cells {
    private Cells() {
    }

    static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        Cell cell = row.getCell(c);
        return cell != null ? cell : row.createCell(c);
    }

    /** Gives every cell of a merged region the style, so borders and locks cover the whole region. */
    static void fill(Sheet sheet, int r1, int c1, int r2, int c2, CellStyle style) {
        for (int r = r1; r <= r2; r++) {
            for (int c = c1; c <= c2; c++) {
                cell(sheet, r, c).setCellStyle(style);
            }
        }
    }
}
