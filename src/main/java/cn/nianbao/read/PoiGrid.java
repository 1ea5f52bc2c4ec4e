package cn.nianbao.read;

import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;

/** A {@link Grid} over a POI workbook: used for .xls, and for workbooks callers already hold open. */
final class PoiGrid implements Grid {
    private final Workbook wb;

    PoiGrid(Workbook wb) {
        this.wb = wb;
    }

    @Override
    public boolean hasSheet(String name) {
        return wb.getSheet(name) != null;
    }

    @Override
    public RawCell cell(String sheetName, int r, int c) {
        Sheet sheet = wb.getSheet(sheetName);
        Row row = sheet == null ? null : sheet.getRow(r);
        return row == null ? RawCell.EMPTY : raw(row.getCell(c));
    }

    @Override
    public Sheet poiSheet(String name) {
        return wb.getSheet(name);
    }

    @Override
    public Map<String, String> identityEntries() {
        return IdentityReader.entries(wb);
    }

    static RawCell raw(Cell cell) {
        if (cell == null) {
            return RawCell.EMPTY;
        }
        boolean formula = cell.getCellType() == CellType.FORMULA;
        if (formula && cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
            return RawCell.uncachedFormula();
        }
        CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> RawCell.number(cell.getNumericCellValue(), formula);
            case STRING -> RawCell.text(RawCell.Type.STRING, cell.getStringCellValue(), formula);
            case BOOLEAN -> RawCell.text(RawCell.Type.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE", formula);
            case ERROR -> RawCell.text(RawCell.Type.ERROR, errorText(cell.getErrorCellValue()), formula);
            default -> formula ? RawCell.text(RawCell.Type.BLANK, null, true) : RawCell.EMPTY;
        };
    }

    static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }
}
