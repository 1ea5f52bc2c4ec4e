package cn.nianbao.template;

import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A template with numbers typed into its input cells and its formulas computed, as Excel saves a filled one. */
public final class FilledTemplate {
    private FilledTemplate() {
    }

    /**
     * A new template for the filing's agency, year and format with its input numbers typed in
     * (blank and invalid cells stay blank): how an imported report or a round's total is written.
     * {@code kind} marks it as that output ({@link cn.nianbao.model.Identity#IMPORTED},
     * {@link cn.nianbao.model.Identity#ROUND_TOTAL}), with a fingerprint of the numbers written.
     */
    public static XSSFWorkbook of(cn.nianbao.model.Filing f, String kind) {
        Map<String, BigDecimal> numbers = new java.util.LinkedHashMap<>();
        for (cn.nianbao.spec.CellDef c : f.spec().inputCells()) {
            BigDecimal v = f.value(c.key()).number();
            if (v != null) {
                numbers.put(c.key(), v);
            }
        }
        XSSFWorkbook wb = new TemplateWriter().build(TemplateRequest.of(f.spec(), f.year(), f.agency(), f.identity().code()));
        fill(wb, f.spec(), numbers);
        keepPrintedTotals(wb, f);
        IdentitySheet.mark(wb, kind, cn.nianbao.model.ValuesDigest.ofNumbers(f.spec(), numbers));
        return wb;
    }

    /**
     * A total the source printed (a published report's （七）总计) that is not the sum of the parts
     * as read stays as printed: the formula is kept and its stored result is the printed number, the
     * way a workbook saved before its parts were changed holds it. Reading the template back then
     * finds what the import found (R1–R4 compare the stored total with its parts) instead of a
     * total made up from parts that disagree with it or that were left blank.
     */
    private static void keepPrintedTotals(XSSFWorkbook wb, cn.nianbao.model.Filing f) {
        TemplateLayout layout = f.spec().layout();
        for (cn.nianbao.spec.CellDef c : f.spec().cells()) {
            if (!c.isTotal()) {
                continue;
            }
            BigDecimal printed = f.asFiled(c.key()).number();
            BigDecimal summed = f.value(c.key()).number();
            if (printed != null && (summed == null || printed.compareTo(summed) != 0)) {
                TemplateLayout.Pos p = layout.pos(c.key());
                org.apache.poi.ss.usermodel.Cell cell = Cells.cell(wb.getSheet(p.sheet()), p.row(), p.col());
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    cell.setCellValue(printed.doubleValue()); // a formula cell keeps its formula; this is its stored result
                }
            }
        }
    }

    /** Types {@code values} (input cell key to number; keys not given stay blank) and recalculates. */
    public static void fill(XSSFWorkbook wb, FormatSpec spec, Map<String, BigDecimal> values) {
        TemplateLayout layout = spec.layout();
        values.forEach((key, v) -> {
            if (!spec.cell(key).isTotal()) {
                TemplateLayout.Pos p = layout.pos(key);
                Cells.cell(wb.getSheet(p.sheet()), p.row(), p.col()).setCellValue(v.doubleValue());
            }
        });
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    }
}
