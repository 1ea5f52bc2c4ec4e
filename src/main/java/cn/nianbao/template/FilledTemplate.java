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
        IdentitySheet.mark(wb, kind, cn.nianbao.model.ValuesDigest.ofNumbers(f.spec(), numbers));
        return wb;
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
