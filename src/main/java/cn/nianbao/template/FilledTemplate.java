package cn.nianbao.template;

import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A template with numbers typed into its input cells and its formulas computed, as Excel saves a filled one. */
public final class FilledTemplate {
    private FilledTemplate() {
    }

    /** Types {@code values} (input cell key to number; keys not given stay blank) and recalculates. */
    public static void fill(XSSFWorkbook wb, FormatSpec spec, Map<String, BigDecimal> values) {
        TemplateLayout layout = TemplateLayout.of(spec);
        values.forEach((key, v) -> {
            if (!spec.cell(key).isTotal()) {
                TemplateLayout.Pos p = layout.pos(key);
                cell(wb.getSheet(p.sheet()), p.row(), p.col()).setCellValue(v.doubleValue());
            }
        });
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        return row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
    }
}
