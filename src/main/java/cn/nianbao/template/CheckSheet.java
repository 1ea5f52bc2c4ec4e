package cn.nianbao.template;

import static cn.nianbao.template.Cells.cell;

import cn.nianbao.spec.CompiledRule;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Kind;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.spec.TemplateLayout;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The 校验 sheet of a template: one row per rule instance (R1 per column, R2 per row …) with its
 * left side, right side, difference and a live result (通过 / 不通过 / 未填写 / 通过（有空白）),
 * and the count of failing checks at the top, which the cover shows. Above them, the warning-level
 * rules across years (C2), which need last year's filing and are not computed here. Beside every
 * warning-level line an unlocked, wrapped 单位说明 cell where the clerk explains why it does not hold
 * ({@link TemplateLayout#checkLines()} places the lines; the reader takes the 说明 from there).
 */
final class CheckSheet {
    /** The cell (on this sheet) that counts the failing checks. */
    static final String FAILING = "D2";

    private CheckSheet() {
    }

    /** Writes the rows; returns the number of rule instances. */
    static int write(XSSFSheet sheet, TemplateLayout layout, Styles st) {
        FormatSpec spec = layout.spec();
        String[] head = {"规则", "级别", "表", "说明", "左边", "右边", "差额", "结果", "单位说明（警告确有合理原因的，写在这里）"};
        int[] widths = {6, 6, 6, 90, 10, 10, 8, 16, 40};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        cell(sheet, 0, 0).setCellValue("勾稽关系校验（随填写实时计算；报送前请确保没有“不通过”）");
        cell(sheet, 0, 0).setCellStyle(st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, head.length - 1));
        int first = layout.firstFilingCheckRow();
        int last = first + spec.filingPlan().size() - 1;
        cell(sheet, 1, 0).setCellValue("不通过条数");
        cell(sheet, 1, 0).setCellStyle(st.rowLabel);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
        Cell count = cell(sheet, 1, 3);
        count.setCellFormula("COUNTIF(H" + (first + 1) + ":H" + (last + 1) + ",\"不通过\")");
        count.setCellStyle(st.totalCount);
        for (int c = 0; c < head.length; c++) {
            cell(sheet, TemplateLayout.CHECK_FIRST_ROW - 1, c).setCellValue(head[c]);
            cell(sheet, TemplateLayout.CHECK_FIRST_ROW - 1, c).setCellStyle(st.header);
        }
        for (TemplateLayout.CheckLine line : layout.checkLines()) {
            CompiledRule rule = line.rule();
            RuleInstance ri = rule.instance();
            int r = line.row();
            List<String> cells = ri.cells();
            String table = spec.cell(cells.get(0)).table().number();
            cell(sheet, r, 0).setCellValue(rule.rule().id());
            cell(sheet, r, 1).setCellValue(rule.rule().severity().chinese());
            cell(sheet, r, 2).setCellValue(table);
            cell(sheet, r, 3).setCellValue(ri.message());
            if (ri.acrossYears()) {
                cell(sheet, r, 7).setCellValue("跨年核对：要用上年报表，由汇总单位核对");
            } else {
                var inputs = spec.inputsOf(cells);
                String sheetName = layout.pos(cells.get(0)).sheet();
                String n = Integer.toString(r + 1);
                cell(sheet, r, 4).setCellFormula(Formulas.sum(ri.left(), layout, sheetName));
                cell(sheet, r, 5).setCellFormula(Formulas.sum(ri.right(), layout, sheetName));
                cell(sheet, r, 6).setCellFormula("E" + n + "-F" + n);
                String countRef = "COUNT(" + Formulas.refs(inputs, layout, sheetName) + ")";
                cell(sheet, r, 7).setCellFormula("IF(" + countRef + "=0,\"未填写\",IF(ROUND(G" + n + ","
                        + Kind.MONEY_DECIMALS + ")<>0,\"不通过\",IF(" + countRef + "<" + inputs.size()
                        + ",\"通过（有空白）\",\"通过\")))");
            }
            for (int c = 0; c < head.length; c++) {
                cell(sheet, r, c).setCellStyle(c == 3 ? st.text : c == TemplateLayout.CHECK_NOTE_COL
                        ? (line.explainable() ? st.explain : st.text) : c >= 4 ? st.totalCount : st.centered);
            }
            int lines = (int) Math.ceil(cn.nianbao.util.TextWidth.of(ri.message()) / (double) (widths[3] - 2));
            sheet.getRow(r).setHeightInPoints(Math.max(line.explainable() ? 3 : 1, lines) * 15f + 3);
        }
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] results = {new CellRangeAddress(first, last, 7, 7)};
        ConditionalFormattingRule bad = cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"不通过\"");
        bad.createPatternFormatting().setFillBackgroundColor(IndexedColors.ROSE.getIndex());
        bad.getPatternFormatting().setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        cf.addConditionalFormatting(results, bad);
        ConditionalFormattingRule none = cf.createConditionalFormattingRule(ComparisonOperator.GT, "0");
        none.createPatternFormatting().setFillBackgroundColor(IndexedColors.ROSE.getIndex());
        none.getPatternFormatting().setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, 1, 3, 3)}, none);
        sheet.createFreezePane(0, TemplateLayout.CHECK_FIRST_ROW);
        return spec.filingPlan().size();
    }
}
