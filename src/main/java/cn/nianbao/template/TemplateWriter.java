package cn.nianbao.template;

import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.model.Identity;
import cn.nianbao.model.Numbers;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Kind;
import cn.nianbao.spec.RuleDef;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;

/**
 * Writes the locked template of a format: a cover, one sheet per national table, a live check
 * sheet (校验) and a very hidden identity sheet. Input cells are the only unlocked cells, each
 * with data validation; totals are formulas; every rule of the spec is a live check and a
 * conditional format. One writer serves a whole batch: the password is hashed once.
 */
public final class TemplateWriter {
    private final Protection protection;

    public TemplateWriter() {
        this(Protection.none());
    }

    public TemplateWriter(Protection protection) {
        this.protection = protection;
    }

    /** Writes the template to {@code out}, whole or not at all. */
    public void write(TemplateRequest req, Path out) throws IOException {
        try (XSSFWorkbook wb = build(req)) {
            AtomicFiles.write(out, wb::write);
        }
    }

    public void write(TemplateRequest req, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = build(req)) {
            wb.write(out);
        }
    }

    /** The template as a workbook, for callers that fill or inspect it before saving. */
    public XSSFWorkbook build(TemplateRequest req) {
        FormatSpec spec = req.spec();
        TemplateLayout layout = spec.layout();
        for (String key : req.carriedOver().keySet()) {
            if (!spec.hasCell(key) || spec.cell(key).isTotal()) {
                throw new IllegalArgumentException("carried-over value for " + key + " is not an input cell");
            }
        }
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        Identity identity = identity(req);

        XSSFSheet cover = wb.createSheet(TemplateLayout.COVER_SHEET);
        for (TemplateLayout.SheetLayout sl : layout.sheets()) {
            writeTable(wb.createSheet(sl.name()), sl, req, st);
        }
        XSSFSheet check = wb.createSheet(TemplateLayout.CHECK_SHEET);
        int failing = writeChecks(check, layout, st);
        writeCover(cover, req, identity, st, failing);
        IdentitySheet.write(wb, identity);

        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            protect(wb.getSheetAt(i));
            fitToPageWidth(wb.getSheetAt(i));
        }
        wb.lockStructure();
        protection.apply(wb.getCTWorkbook().getWorkbookProtection(), "workbook");
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);

        var props = wb.getProperties().getCoreProperties();
        props.setTitle(req.agency() + req.year() + "年政府信息公开工作年度报告统计表");
        props.setCreator("nianbao " + identity.toolVersion());
        props.setSubjectProperty("政府信息公开工作年度报告 " + spec.title());

        // Cached values as Excel would save them (totals 0, checks 未填写), and a recalculation
        // on open so every client shows live values.
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        wb.setForceFormulaRecalculation(true);
        return wb;
    }

    private static Identity identity(TemplateRequest req) {
        Map<String, String> prefilled = new TreeMap<>();
        req.carriedOver().forEach((k, v) -> prefilled.put(k, Numbers.normalize(v).toPlainString()));
        return new Identity(req.spec().id(), req.year(), req.agency(), req.code(),
                req.templateId() != null ? req.templateId() : UUID.randomUUID().toString(),
                Version.get(),
                req.issuedAt() != null ? req.issuedAt() : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                req.carriedOverSource(), prefilled);
    }

    private void protect(XSSFSheet sheet) {
        CTSheetProtection p = sheet.getCTWorksheet().isSetSheetProtection()
                ? sheet.getCTWorksheet().getSheetProtection() : sheet.getCTWorksheet().addNewSheetProtection();
        p.setSheet(true);
        p.setObjects(true);
        p.setScenarios(true);
        // Let clerks widen columns and rows; everything else stays locked.
        p.setFormatColumns(false);
        p.setFormatRows(false);
        protection.apply(p, "");
    }

    // ---- table sheets ----

    private void writeTable(XSSFSheet sheet, TemplateLayout.SheetLayout sl, TemplateRequest req, Styles st) {
        FormatSpec spec = req.spec();
        for (int c = 0; c < sl.colWidths().length; c++) {
            sheet.setColumnWidth(c, sl.colWidths()[c] * 256);
        }
        for (TemplateLayout.Label l : sl.labels()) {
            String text = l.role() == TemplateLayout.Role.HINT ? hint(sl, req) : l.text();
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
        liveChecks(sheet, sl, spec, st);
        if (!req.carriedOver().isEmpty()) {
            noteCarriedOver(sheet, sl, req);
        }
        sl.rowHeights().forEach((r, h) -> cell(sheet, r, 0).getRow().setHeightInPoints(h));
        sheet.getPrintSetup().setLandscape(sl.width() > 4);
    }

    /** Prints every sheet one page wide on A4, as a clerk expects. */
    private static void fitToPageWidth(XSSFSheet sheet) {
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static String hint(TemplateLayout.SheetLayout sl, TemplateRequest req) {
        return "单位：" + req.agency() + "　年度：" + req.year() + "年　白色单元格填写数字；没有发生的请填0，空白不等于0。"
                + "蓝色为自动计算的总计" + (req.carriedOver().isEmpty() ? "" : "，黄色为上年结转（已预填并锁定）") + "。";
    }

    private static Cell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        Cell cell = row.getCell(c);
        return cell != null ? cell : row.createCell(c);
    }

    /** Gives every cell of a merged region the style, so borders and locks cover the whole region. */
    private static void fill(XSSFSheet sheet, int r1, int c1, int r2, int c2, CellStyle style) {
        for (int r = r1; r <= r2; r++) {
            for (int c = c1; c <= c2; c++) {
                cell(sheet, r, c).setCellStyle(style);
            }
        }
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
    private static void liveChecks(XSSFSheet sheet, TemplateLayout.SheetLayout sl, FormatSpec spec, Styles st) {
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

    // ---- check sheet ----

    /** One row per rule instance with a live result; returns the number of instances. */
    private static int writeChecks(XSSFSheet sheet, TemplateLayout layout, Styles st) {
        FormatSpec spec = layout.spec();
        String[] head = {"规则", "级别", "表", "说明", "左边", "右边", "差额", "结果"};
        int[] widths = {6, 6, 6, 90, 10, 10, 8, 16};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        cell(sheet, 0, 0).setCellValue("勾稽关系校验（随填写实时计算；报送前请确保没有“不通过”）");
        cell(sheet, 0, 0).setCellStyle(st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, head.length - 1));
        int first = 4;
        int last = first + spec.ruleInstances().size() - 1;
        cell(sheet, 1, 0).setCellValue("不通过条数");
        cell(sheet, 1, 0).setCellStyle(st.rowLabel);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
        Cell count = cell(sheet, 1, 3);
        count.setCellFormula("COUNTIF(H" + (first + 1) + ":H" + (last + 1) + ",\"不通过\")");
        count.setCellStyle(st.totalCount);
        for (int c = 0; c < head.length; c++) {
            cell(sheet, 3, c).setCellValue(head[c]);
            cell(sheet, 3, c).setCellStyle(st.header);
        }
        int r = first;
        for (RuleDef rule : spec.filingRules()) {
            for (RuleInstance ri : rule.instances()) {
                List<String> cells = ri.cells();
                var inputs = spec.inputsOf(cells);
                String table = spec.cell(cells.get(0)).table().number();
                String sheetName = layout.pos(cells.get(0)).sheet();
                String n = Integer.toString(r + 1);
                cell(sheet, r, 0).setCellValue(rule.id());
                cell(sheet, r, 1).setCellValue(rule.severity().chinese());
                cell(sheet, r, 2).setCellValue(table);
                cell(sheet, r, 3).setCellValue(ri.message());
                cell(sheet, r, 4).setCellFormula(Formulas.sum(ri.left(), layout, sheetName));
                cell(sheet, r, 5).setCellFormula(Formulas.sum(ri.right(), layout, sheetName));
                cell(sheet, r, 6).setCellFormula("E" + n + "-F" + n);
                String countRef = "COUNT(" + Formulas.refs(inputs, layout, sheetName) + ")";
                cell(sheet, r, 7).setCellFormula("IF(" + countRef + "=0,\"未填写\",IF(ROUND(G" + n + ","
                        + Kind.MONEY_DECIMALS + ")<>0,\"不通过\",IF(" + countRef + "<" + inputs.size()
                        + ",\"通过（有空白）\",\"通过\")))");
                for (int c = 0; c < head.length; c++) {
                    cell(sheet, r, c).setCellStyle(c == 3 ? st.text : c >= 4 ? st.totalCount : st.centered);
                }
                int lines = (int) Math.ceil(cn.nianbao.util.TextWidth.of(ri.message()) / (double) (widths[3] - 2));
                sheet.getRow(r).setHeightInPoints(Math.max(1, lines) * 15f + 3);
                r++;
            }
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
        sheet.createFreezePane(0, first);
        return last - first + 1;
    }

    // ---- cover ----

    private static void writeCover(XSSFSheet sheet, TemplateRequest req, Identity id, Styles st, int checks) {
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        cell(sheet, 0, 0).setCellValue("政府信息公开工作年度报告统计表");
        cell(sheet, 0, 0).setCellStyle(st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("单位名称", req.agency());
        rows.put("统一社会信用代码", req.code().isEmpty() ? "（未提供）" : req.code());
        rows.put("报告年度", req.year() + "年");
        rows.put("表格格式", req.spec().title());
        rows.put("模板编号", id.templateId());
        rows.put("生成工具", "nianbao " + id.toolVersion() + "，" + id.issuedAt());
        if (!req.carriedOverSource().isEmpty()) {
            rows.put("上年结转来源", req.carriedOverSource());
        }
        int r = 2;
        for (Map.Entry<String, String> e : rows.entrySet()) {
            cell(sheet, r, 0).setCellValue(e.getKey());
            cell(sheet, r, 0).setCellStyle(st.rowLabel);
            cell(sheet, r, 1).setCellValue(e.getValue());
            cell(sheet, r, 1).setCellStyle(st.text);
            r++;
        }
        cell(sheet, r, 0).setCellValue("校验结果");
        cell(sheet, r, 0).setCellStyle(st.rowLabel);
        String failing = "'" + TemplateLayout.CHECK_SHEET + "'!D2";
        cell(sheet, r, 1).setCellFormula("IF(" + failing + "=0,\"目前没有不通过的校验（共" + checks + "条）\",\"有\"&"
                + failing + "&\"条校验不通过，请查看“校验”工作表\")");
        cell(sheet, r, 1).setCellStyle(st.text);
        r += 2;
        String[] notes = {
            "填报说明",
            "1. 只在白色单元格中填写数字。灰色为表格标签，蓝色为自动计算的总计" + (req.carriedOverSource().isEmpty() ? "" : "，黄色为上年结转（按上年报告预填并锁定）") + "。",
            "2. 没有发生的事项请填 0，不要留空：空白表示“未填写”，不等于 0。",
            "3. 件数填写大于或等于 0 的整数；“本年收费金额”的单位是万元，最多保留 6 位小数。",
            "4. 表三“四、结转下年度继续办理”需要手工填写。每一列都应满足：一 + 二 = 三（七）总计 + 四。",
            "5. “校验”工作表随填写实时显示每条勾稽关系的结果，不通过的单元格在表中标红，请在报送前改正。",
            "6. 请不要改动表格结构、标签和工作表名称；另存为 .xlsx 或 .xls 均可。",
            "7. 本模板专为上述单位和年度生成，请勿转给其他单位使用。",
        };
        for (int i = 0; i < notes.length; i++) {
            cell(sheet, r, 0).setCellValue(notes[i]);
            cell(sheet, r, 0).setCellStyle(i == 0 ? st.block : st.note);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
            r++;
        }
    }

    // ---- styles ----

    static final class Styles {
        final CellStyle title;
        final CellStyle hint;
        final CellStyle block;
        final CellStyle header;
        final CellStyle rowLabel;
        final CellStyle text;
        final CellStyle note;
        final CellStyle centered;
        final CellStyle inputCount;
        final CellStyle inputMoney;
        final CellStyle totalCount;
        final CellStyle totalMoney;
        final CellStyle prefilled;

        Styles(XSSFWorkbook wb) {
            Font normal = font(wb, false, 11);
            Font bold = font(wb, true, 11);
            Font big = font(wb, true, 14);
            Font small = font(wb, false, 9);
            small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            // Counts too are General, which shows what was typed: with "0", a mistyped 3.5 (V3)
            // would display as 4 while our message says 3.5. Data validation still asks for integers.
            short general = wb.createDataFormat().getFormat("General");
            title = style(wb, big, false, null, HorizontalAlignment.LEFT, true, general);
            title.setBorderBottom(BorderStyle.NONE);
            hint = style(wb, small, false, null, HorizontalAlignment.LEFT, true, general);
            block = style(wb, bold, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.LEFT, true, general);
            header = style(wb, normal, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.CENTER, true, general);
            rowLabel = style(wb, normal, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.LEFT, true, general);
            text = style(wb, normal, true, null, HorizontalAlignment.LEFT, true, general);
            note = style(wb, normal, false, null, HorizontalAlignment.LEFT, true, general);
            centered = style(wb, normal, true, null, HorizontalAlignment.CENTER, true, general);
            inputCount = style(wb, normal, true, null, HorizontalAlignment.RIGHT, false, general);
            inputMoney = style(wb, normal, true, null, HorizontalAlignment.RIGHT, false, general);
            totalCount = style(wb, normal, true, IndexedColors.PALE_BLUE, HorizontalAlignment.RIGHT, true, general);
            totalMoney = style(wb, normal, true, IndexedColors.PALE_BLUE, HorizontalAlignment.RIGHT, true, general);
            prefilled = style(wb, normal, true, IndexedColors.LIGHT_YELLOW, HorizontalAlignment.RIGHT, true, general);
        }

        CellStyle input(Kind k) {
            return k == Kind.MONEY ? inputMoney : inputCount;
        }

        CellStyle total(Kind k) {
            return k == Kind.MONEY ? totalMoney : totalCount;
        }

        private static Font font(XSSFWorkbook wb, boolean bold, int points) {
            Font f = wb.createFont();
            f.setFontName("宋体");
            f.setBold(bold);
            f.setFontHeightInPoints((short) points);
            return f;
        }

        private static CellStyle style(XSSFWorkbook wb, Font font, boolean border, IndexedColors fill,
                                       HorizontalAlignment align, boolean locked, short format) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            if (border) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            if (fill != null) {
                s.setFillForegroundColor(fill.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setLocked(locked);
            s.setDataFormat(format);
            return s;
        }
    }
}
