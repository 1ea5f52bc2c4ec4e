package cn.nianbao.round;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Identity;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.report.CsvExport;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.template.FilledTemplate;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Version;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The round added up, as a county sums its departments: every input cell is the sum of the
 * current submissions included (by default those without errors), totals recomputed from them.
 * A cell every included filing left blank stays blank; a cell some left blank is the sum of the
 * others, and the workbook lists which agencies left it blank. Written as a filled national-format
 * workbook (with a sheet 汇总范围 naming the agencies included and left out) and as CSV.
 */
public final class RoundTotal {
    public static final String SCOPE_SHEET = "汇总范围";

    /** One roster agency: counted in the total or not, and why; {@code file} is where its current submission came from. */
    public record Entry(Agency agency, RoundStatus status, boolean included, String why, String file) {
    }

    /** {@code blanks}: input cell key to the agencies (included) that left it blank or invalid. */
    public record Result(Filing total, List<Entry> entries, Map<String, List<String>> blanks) {
        public long included() {
            return entries.stream().filter(Entry::included).count();
        }
    }

    private RoundTotal() {
    }

    /** Adds up {@code round}; {@code name} names the total (e.g. the collecting office). */
    public static Result of(Collector.Round round, boolean includeErrors, String name) {
        FormatSpec spec = round.spec();
        List<Entry> entries = new ArrayList<>();
        List<Filing> included = new ArrayList<>();
        for (Collector.AgencyStatus a : round.agencies()) {
            Filing f = a.current() != null && a.current().readable() ? a.current().report().read().filing() : null;
            String why;
            boolean in = false;
            switch (a.status()) {
                case MISSING -> why = "未提交";
                case UNREADABLE -> why = "报送的文件无法读取";
                default -> {
                    if (f.year() != round.year() || !f.spec().id().equals(spec.id())) {
                        why = "报表年度或格式与本轮不符（" + f.year() + "年，" + f.spec().title() + "），不能相加";
                    } else if (a.status() == RoundStatus.ERRORS && !includeErrors) {
                        why = "有错误，未计入（改正后重新报送，或用 --include-errors 计入）";
                    } else {
                        in = true;
                        why = a.status() == RoundStatus.ERRORS ? "有错误，按 --include-errors 计入" : "计入";
                    }
                }
            }
            if (in) {
                included.add(f);
            }
            entries.add(new Entry(a.agency(), a.status(), in, why, a.current() == null ? "" : a.current().item().origin()));
        }
        Map<String, CellValue> inputs = new LinkedHashMap<>();
        Map<String, List<String>> blanks = new LinkedHashMap<>();
        for (CellDef c : spec.inputCells()) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean any = false;
            for (Filing f : included) {
                BigDecimal v = f.value(c.key()).number();
                if (v == null) {
                    blanks.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(f.agency());
                } else {
                    sum = sum.add(v);
                    any = true;
                }
            }
            inputs.put(c.key(), any ? CellValue.Num.of(cn.nianbao.model.Numbers.normalize(sum), false) : CellValue.BLANK);
        }
        Identity id = new Identity(spec.id(), round.year(), name, "", "", Version.get(), "", "", Map.of());
        Filing total = Filing.of("", id, spec, inputs, Map.of(), Map.of(), List.of());
        return new Result(total, entries, blanks);
    }

    /** Writes the total as a filled template with its 汇总范围 sheet, and as CSV (as {@code read --csv} writes). */
    public static void write(Result r, Path xlsx, Path csv) throws IOException {
        Filing t = r.total();
        FormatSpec spec = t.spec();
        try (XSSFWorkbook wb = FilledTemplate.of(t, Identity.ROUND_TOTAL)) {
            scope(wb, r);
            AtomicFiles.write(xlsx, wb::write);
        }
        Filing named = new Filing(xlsx.toString(), t.identity(), spec, t.values(), Map.of(), Map.of(), List.of(), null);
        AtomicFiles.write(csv, out -> CsvExport.write(List.of(named), out));
    }

    private static void scope(XSSFWorkbook wb, Result r) {
        Sheet s = wb.createSheet(SCOPE_SHEET);
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        int row = 0;
        text(s.createRow(row++), 0, "本汇总计入 " + r.included() + " 个单位（共 " + r.entries().size() + " 个名册单位）", bold);
        row++;
        String[] header = {"序号", "单位名称", "统一社会信用代码", "状态", "是否计入", "说明", "报送的文件"};
        int[] widths = {6, 30, 22, 16, 10, 50, 60};
        Row h = s.createRow(row++);
        for (int c = 0; c < header.length; c++) {
            text(h, c, header[c], bold);
            s.setColumnWidth(c, widths[c] * 256);
        }
        int n = 1;
        for (Entry e : r.entries()) {
            Row x = s.createRow(row++);
            x.createCell(0).setCellValue(n++);
            text(x, 1, e.agency().name(), null);
            text(x, 2, e.agency().code(), null);
            text(x, 3, e.status().chinese(), null);
            text(x, 4, e.included() ? "计入" : "未计入", null);
            text(x, 5, e.why(), null);
            text(x, 6, e.file(), null);
        }
        if (!r.blanks().isEmpty()) {
            row++;
            text(s.createRow(row++), 0, "以下单元格有计入的单位未填写（空白或无效），合计只加了填写的单位：", bold);
            Row bh = s.createRow(row++);
            String[] bhText = {"表", "行", "列", "未填写的单位数", "单位"};
            for (int c = 0; c < bhText.length; c++) {
                text(bh, c, bhText[c], bold);
            }
            for (Map.Entry<String, List<String>> b : r.blanks().entrySet()) {
                CellDef def = r.total().spec().cell(b.getKey());
                Row x = s.createRow(row++);
                text(x, 0, def.table().number(), null);
                text(x, 1, def.rowLabel(), null);
                text(x, 2, def.colLabel(), null);
                x.createCell(3).setCellValue(b.getValue().size());
                text(x, 4, String.join("、", b.getValue()), null);
            }
        }
    }

    private static void text(Row r, int c, String v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v == null ? "" : v);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
