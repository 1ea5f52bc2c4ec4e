package cn.nianbao.template;

import static cn.nianbao.template.Cells.cell;
import static cn.nianbao.template.Cells.fill;

import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Kind;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.spec.TemplateLayout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * One national table's sheet of a template: the labels as in the national format, white input
 * cells with their data validation (counts, signed counts, money), blue totals as formulas that
 * stay blank while their inputs are, yellow carried-over values with a note, and every rule over
 * the table as a live red mark (conditional format).
 */
final class TableSheet {
    private TableSheet() {
    }

    static void write(XSSFSheet sheet, TemplateLayout.SheetLayout sl, TemplateRequest req, Styles st) {
        FormatSpec spec = req.spec();
        for (int c = 0; c < sl.colWidths().length; c++) {
            sheet.setColumnWidth(c, sl.colWidths()[c] * 256);
        }
        for (TemplateLayout.Label l : sl.labels()) {
            String text = l.role() == TemplateLayout.Role.HINT ? hint(req) : l.text();
            CellStyle style = switch (l.role()) {
                case TITLE -> st.title;
                case HINT -> st.hint;
                case BLOCK -> st.block;
                case HEADER -> st.header;
                case ROW_LABEL -> st.rowLabel;
            };
            fill(sheet, l.row(), l.col(), l.lastRow(), l.lastCol(), style);
            cell(sheet, l.row(), l.col()).setCellValue(text);
            if (l.merged()) {
                sheet.addMergedRegion(new CellRangeAddress(l.row(), l.lastRow(), l.col(), l.lastCol()));
            }
        }
        List<CellRangeAddress> counts = new ArrayList<>();
        List<CellRangeAddress> signed = new ArrayList<>();
        List<TemplateLayout.Pos> money = new ArrayList<>();
        for (Map.Entry<String, TemplateLayout.Pos> e : sl.cells().entrySet()) {
            CellDef def = spec.cell(e.getKey());
            TemplateLayout.Pos p = e.getValue();
            BigDecimal carried = req.carriedOver().get(def.key());
            CellStyle style = def.isTotal() ? st.total(def.kind()) : carried != null ? st.prefilled : st.input(def.kind());
            fill(sheet, p.row(), p.col(), p.row(), p.lastCol(), style);
            Cell cell = cell(sheet, p.row(), p.col());
            if (p.lastCol() > p.col()) {
                sheet.addMergedRegion(new CellRangeAddress(p.row(), p.row(), p.col(), p.lastCol()));
            }
            if (def.isTotal()) {
                // Blank while every input it sums is blank: blank is not zero.
                TemplateLayout layout = spec.layout();
                cell.setCellFormula("IF(COUNT(" + Formulas.refs(spec.inputsOf(List.of(def.key())), layout, null)
                        + ")=0,\"\"," + Formulas.sum(spec.definingInstance(def.key()).right(), layout, null) + ")");
            } else if (carried != null) {
                cell.setCellValue(carried.doubleValue());
            } else {
                switch (def.kind()) {
                    case COUNT -> counts.add(new CellRangeAddress(p.row(), p.row(), p.col(), p.col()));
                    case SIGNED -> signed.add(new CellRangeAddress(p.row(), p.row(), p.col(), p.col()));
                    case MONEY -> money.add(p);
                }
            }
        }
        validations(sheet, counts, signed, money);
        liveChecks(sheet, sl, spec);
        if (!req.carriedOver().isEmpty()) {
            noteCarriedOver(sheet, sl, req);
        }
        sl.rowHeights().forEach((r, h) -> cell(sheet, r, 0).getRow().setHeightInPoints(h));
        sheet.getPrintSetup().setLandscape(sl.width() > 4);
    }

    private static String hint(TemplateRequest req) {
        return "单位：" + req.agency() + "　年度：" + req.year() + "年　白色单元格填写数字；没有发生的请填0，空白不等于0。"
                + "蓝色为自动计算的总计" + (req.carriedOver().isEmpty() ? "" : "，黄色为上年结转（已预填并锁定）") + "。";
    }

    private static void validations(XSSFSheet sheet, List<CellRangeAddress> counts, List<CellRangeAddress> signed,
                                    List<TemplateLayout.Pos> money) {
        XSSFDataValidationHelper h = new XSSFDataValidationHelper(sheet);
        if (!counts.isEmpty()) {
            add(sheet, h, h.createNumericConstraint(DataValidationConstraint.ValidationType.INTEGER,
                            OperatorType.GREATER_OR_EQUAL, "0", null), counts,
                    "请填写件数", "这里只能填写大于或等于0的整数（件数）。没有发生的请填0。");
        }
        if (!signed.isEmpty()) {
            add(sheet, h, h.createNumericConstraint(DataValidationConstraint.ValidationType.INTEGER,
                            OperatorType.BETWEEN, "-999999999999", "999999999999"), signed,
                    "请填写整数", "这里只能填写整数，减少时填负数。");
        }
        for (TemplateLayout.Pos p : money) {
            String a1 = p.a1();
            add(sheet, h, h.createCustomConstraint("AND(ISNUMBER(" + a1 + ")," + a1 + ">=0,ROUND(" + a1 + ","
                            + Kind.MONEY_DECIMALS + ")=" + a1 + ")"),
                    List.of(new CellRangeAddress(p.row(), p.row(), p.col(), p.col())),
                    "请填写金额", "这里填写金额（单位：万元），大于或等于0，最多保留6位小数。");
        }
    }

    private static void add(XSSFSheet sheet, XSSFDataValidationHelper h, DataValidationConstraint c,
                            List<CellRangeAddress> ranges, String title, String text) {
        CellRangeAddressList list = new CellRangeAddressList();
        ranges.forEach(list::addCellRangeAddress);
        DataValidation dv = h.createValidation(c, list);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.setShowErrorBox(true);
        dv.createErrorBox(title, text);
        dv.setEmptyCellAllowed(true);
        sheet.addValidationData(dv);
    }

    /** Marks the cells of every broken rule of this table in red, live. */
    private static void liveChecks(XSSFSheet sheet, TemplateLayout.SheetLayout sl, FormatSpec spec) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        TemplateLayout layout = spec.layout();
        for (RuleInstance ri : spec.ruleInstances()) {
            List<String> cells = ri.cells();
            if (!sl.cells().containsKey(cells.get(0))) {
                continue;
            }
            String formula = "AND(COUNT(" + Formulas.refs(spec.inputsOf(cells), layout, null) + ")>0,"
                    + Formulas.broken(ri, layout, null) + ")";
            ConditionalFormattingRule rule = cf.createConditionalFormattingRule(formula);
            PatternFormatting fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
            fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
            rule.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
            CellRangeAddress[] regions = cells.stream().distinct().map(layout::pos)
                    .map(p -> new CellRangeAddress(p.row(), p.row(), p.col(), p.lastCol()))
                    .toArray(CellRangeAddress[]::new);
            cf.addConditionalFormatting(regions, rule);
        }
    }

    private static void noteCarriedOver(XSSFSheet sheet, TemplateLayout.SheetLayout sl, TemplateRequest req) {
        String first = sl.cells().keySet().stream().filter(req.carriedOver()::containsKey).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        TemplateLayout.Pos p = sl.cells().get(first);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(p.col());
        anchor.setCol2(p.col() + 5);
        anchor.setRow1(p.row());
        anchor.setRow2(p.row() + 4);
        Comment c = drawing.createCellComment(anchor);
        c.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(
                "二、上年结转已按上年报告的“四、结转下年度继续办理”预填并锁定。\n来源：" + req.carriedOverSource()
                        + "\n如有异议，请与政务公开办联系，不要自行改动。"));
        c.setAuthor("nianbao");
        cell(sheet, p.row(), p.col()).setCellComment(c);
    }
}
