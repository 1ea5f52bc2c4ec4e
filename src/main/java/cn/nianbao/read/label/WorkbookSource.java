package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.model.Numbers;
import cn.nianbao.spec.TemplateLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * A workbook that is not our template, as a grid {@link Source}: every sheet in order, every
 * cell as its shown text (a formula by its cached result; a merged area's value sits in its
 * top-left cell and the rest are empty, as Excel stores it). The sheet and A1 address of each
 * cell go with it, so findings point at the cell.
 */
final class WorkbookSource {
    /** Sheets beyond this many rows are read only this far: the national tables fit in a few hundred. */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLS = 200;

    private WorkbookSource() {
    }

    static Source of(String file, Workbook wb) {
        List<List<SourceCell>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int base = 0;
        for (Sheet sheet : wb) {
            if (!sheet.getSheetName().equals(TemplateLayout.ID_SHEET) && !isFindingList(sheet)) {
                base = add(sheet, base, rows, text);
            }
        }
        return new Source(file, rows, true, text.toString());
    }

    /** One sheet alone: a table sheet of our template whose rows or columns were moved. */
    static Source of(String file, Sheet sheet) {
        List<List<SourceCell>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        add(sheet, 0, rows, text);
        return new Source(file, rows, true, text.toString());
    }

    /** Appends a sheet's rows (numbered from {@code base}); returns the base of the next sheet. */
    private static int add(Sheet sheet, int base, List<List<SourceCell>> rows, StringBuilder text) {
        int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            List<SourceCell> cells = new ArrayList<>();
            if (row != null) {
                int lastCol = Math.min(row.getLastCellNum(), MAX_COLS);
                for (int c = 0; c < lastCol; c++) {
                    String t = shown(row.getCell(c));
                    cells.add(new SourceCell(t, base + r, c, sheet.getSheetName(), CellReference.convertNumToColString(c) + (r + 1)));
                    if (!t.isBlank()) {
                        text.append(t).append(c + 1 < lastCol ? '\t' : ' ');
                    }
                }
            }
            text.append('\n');
            rows.add(cells);
        }
        return base + last + 2;
    }

    /**
     * The 问题清单 sheet an annotated return copy carries first (report.ReturnCopies): our list of
     * findings, whose labels and numbers are no table to read.
     */
    private static boolean isFindingList(Sheet sheet) {
        if (!sheet.getSheetName().startsWith("问题清单")) {
            return false;
        }
        Row first = sheet.getRow(0);
        return first != null && "规则".equals(shown(first.getCell(0))) && "级别".equals(shown(first.getCell(1)));
    }

    private static String shown(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> Double.isFinite(cell.getNumericCellValue())
                    ? Numbers.fromDouble(cell.getNumericCellValue()).toPlainString() : "#错误值"; // NaN, beyond range
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "#错误值";
            default -> "";
        };
    }
}
