package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Severity;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook a supervisor acts on: 汇总 (one row per input file), 问题清单 (one row per finding,
 * sorted, filtered, each cell a HYPERLINK into the source file) and, when years were reconciled,
 * 跨年核对 (last year's 四 beside this year's 二). Written with POI's streaming writer, so a
 * province's findings fit in memory. Every text cell is a string cell: nothing echoed from a
 * clerk's file can become a formula.
 */
public final class DiscrepancyWorkbook {
    public static final String SUMMARY = "汇总";
    public static final String FINDINGS = "问题清单";
    public static final String ACROSS_YEARS = "跨年核对";
    public static final List<String> FINDING_HEADER = List.of(
            "单位", "统一社会信用代码", "年度", "表", "行", "列", "单元格", "规则", "级别", "说明", "应为", "实为", "差额", "文件");
    public static final List<String> SUMMARY_HEADER = List.of(
            "文件", "单位", "统一社会信用代码", "年度", "表格格式", "状态", "错误", "警告", "提示", "说明");

    private DiscrepancyWorkbook() {
    }

    /** Writes the workbook to {@code out} whole, or not at all. {@code reconciled} may be null. */
    public static void write(Path out, List<FileReport> files, Reconciler.Result reconciled) throws IOException {
        write(out, null, files, reconciled, (wb, st) -> { });
    }

    /** Adds sheets of its own after the discrepancy sheets, through the same streaming workbook and styles. */
    @FunctionalInterface
    public interface MoreSheets {
        void write(SXSSFWorkbook wb, Styles styles) throws IOException;
    }

    /**
     * The discrepancy sheets after the sheets {@code first} already holds (may be null; its rows
     * are kept in memory, so small ones only, e.g. a sheet with a chart), then {@code more}.
     */
    public static void write(Path out, org.apache.poi.xssf.usermodel.XSSFWorkbook first, List<FileReport> files,
                             Reconciler.Result reconciled, MoreSheets more) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        try (SXSSFWorkbook wb = first == null ? new FastZip(null) : new FastZip(first)) {
            Styles st = new Styles(wb);
            summary(wb, st, files);
            findings(wb, st, files, base);
            if (reconciled != null) {
                acrossYears(wb, st, reconciled);
            }
            more.write(wb, st);
            wb.setForceFormulaRecalculation(true); // the links' display text is computed on open
            AtomicFiles.write(out, wb::write);
        }
    }

    /**
     * A streaming workbook zipped at the fastest deflate level: a province's lists are tens of
     * megabytes of repetitive XML, which the default level compresses barely smaller but several
     * times slower.
     */
    private static final class FastZip extends SXSSFWorkbook {
        FastZip(org.apache.poi.xssf.usermodel.XSSFWorkbook first) {
            super(first, 200);
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                java.io.OutputStream stream) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** The cell styles every sheet of the workbook shares. */
    public static final class Styles {
        public final CellStyle header;
        public final CellStyle bad;
        public final CellStyle link;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            bad = wb.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            link = wb.createCellStyle();
            Font blue = wb.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            link.setFont(blue);
        }
    }

    /** A list sheet with a header row; tracks column widths as rows are written (streaming sheets cannot autosize). */
    public static final class Sheet {
        final SXSSFSheet sheet;
        final int[] widths;
        int next;

        public Sheet(SXSSFWorkbook wb, String name, List<String> header, Styles st) {
            sheet = wb.createSheet(name);
            widths = new int[header.size()];
            Row r = sheet.createRow(next++);
            for (int c = 0; c < header.size(); c++) {
                text(r, c, header.get(c)).setCellStyle(st.header);
            }
            sheet.createFreezePane(0, 1);
        }

        public Row row() {
            return sheet.createRow(next++);
        }

        /** A string cell, never a formula, whatever the text starts with. */
        public Cell text(Row r, int c, String v) {
            Cell cell = r.createCell(c);
            if (v != null) {
                cell.setCellValue(v); // a string cell, never a formula, whatever the text starts with
                widths[c] = Math.max(widths[c], cn.nianbao.util.TextWidth.of(v));
            }
            return cell;
        }

        public Cell number(Row r, int c, BigDecimal v) {
            Cell cell = r.createCell(c);
            if (v != null) {
                cell.setCellValue(v.doubleValue());
                widths[c] = Math.max(widths[c], v.toPlainString().length());
            }
            return cell;
        }

        /** Column widths, and an autofilter over the rows written when {@code filter}. */
        public void finish(boolean filter) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(80, Math.max(6, widths[c] + 2)) * 256);
            }
            if (filter && next > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, next - 1, 0, widths.length - 1));
            }
        }
    }

    private static void summary(SXSSFWorkbook wb, Styles st, List<FileReport> files) {
        Sheet s = new Sheet(wb, SUMMARY, SUMMARY_HEADER, st);
        List<FileReport> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(f -> f.read().file()));
        for (FileReport f : sorted) {
            Row r = s.row();
            Filing filing = f.read().filing();
            s.text(r, 0, f.read().file());
            if (filing != null) {
                s.text(r, 1, filing.agency());
                s.text(r, 2, filing.identity().code());
                s.number(r, 3, BigDecimal.valueOf(filing.year()));
                s.text(r, 4, filing.spec().id());
            }
            Cell status = s.text(r, 5, f.status());
            if (!f.status().equals("通过") && !f.status().equals("有警告")) {
                status.setCellStyle(st.bad);
            }
            s.number(r, 6, BigDecimal.valueOf(f.count(Severity.ERROR)));
            s.number(r, 7, BigDecimal.valueOf(f.count(Severity.WARNING)));
            s.number(r, 8, BigDecimal.valueOf(f.count(Severity.INFO)));
            s.text(r, 9, f.read().readable() ? "" : f.read().reason());
        }
        s.finish(true);
    }

    private static void findings(SXSSFWorkbook wb, Styles st, List<FileReport> files, Path base) {
        Sheet s = new Sheet(wb, FINDINGS, FINDING_HEADER, st);
        List<Finding> all = new ArrayList<>();
        Map<String, Filing> byFile = new HashMap<>();
        for (FileReport f : files) {
            all.addAll(f.findings());
            if (f.read().readable()) {
                byFile.put(f.read().file(), f.read().filing());
            }
        }
        all.sort(FindingOrder.ORDER);
        for (Finding x : all) {
            Row r = s.row();
            Filing filing = byFile.get(x.file());
            if (filing != null) {
                s.text(r, 0, filing.agency());
                s.text(r, 1, filing.identity().code());
                s.number(r, 2, BigDecimal.valueOf(filing.year()));
            }
            s.text(r, 3, x.table());
            s.text(r, 4, x.row());
            s.text(r, 5, x.column());
            if (x.cell() != null) {
                String shown = x.sheet() + "!" + x.cell();
                String target = link(base, x.file()) + "#'" + x.sheet().replace("'", "''") + "'!" + x.cell();
                Cell c = s.text(r, 6, shown);
                // A HYPERLINK formula streams; cell hyperlinks are held in memory to the end (and Excel
                // allows 65,530 per sheet). Both strings are quoted with " doubled, so no text from a
                // file name can leave the literal; a target past Excel's 255-character limit stays text.
                if (target.length() <= 255) {
                    c.setCellFormula("HYPERLINK(" + literal(target) + "," + literal(shown) + ")");
                    c.setCellStyle(st.link);
                }
            }
            s.text(r, 7, x.ruleId());
            Cell level = s.text(r, 8, x.severity().chinese());
            if (x.severity() == Severity.ERROR) {
                level.setCellStyle(st.bad);
            }
            s.text(r, 9, x.message());
            s.number(r, 10, x.expected());
            s.number(r, 11, x.actual());
            s.number(r, 12, x.difference());
            s.text(r, 13, x.file());
        }
        s.finish(true);
    }

    /** An Excel string literal. */
    static String literal(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A link from the workbook's folder to the source file, relative when it can be. */
    static String link(Path base, String file) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        String rel;
        try {
            rel = base.relativize(target).toString();
        } catch (IllegalArgumentException e) {
            rel = target.toString();
        }
        return rel.replace('\\', '/');
    }

    private static void acrossYears(SXSSFWorkbook wb, Styles st, Reconciler.Result rec) {
        List<String> header = new ArrayList<>(List.of("单位", "统一社会信用代码", "匹配方式", "本年文件", "上年文件"));
        cn.nianbao.spec.FormatSpec spec = cn.nianbao.spec.Specs.get("2021");
        List<Map.Entry<String, String>> pairs = spec.carriedOverPairs(); // the same cells in both formats
        for (Map.Entry<String, String> pair : pairs) {
            String label = spec.cell(pair.getKey()).colLabel();
            header.add(label + " 上年四");
            header.add(label + " 本年二");
            header.add(label + " 差额");
        }
        header.add("说明");
        Sheet s = new Sheet(wb, ACROSS_YEARS, header, st);
        List<Reconciler.Match> matches = new ArrayList<>(rec.matches());
        matches.sort(Comparator.comparing((Reconciler.Match m) -> m.current().agency()).thenComparing(m -> m.current().file()));
        for (Reconciler.Match m : matches) {
            Row r = s.row();
            s.text(r, 0, m.current().agency());
            s.text(r, 1, m.current().identity().code());
            s.text(r, 2, m.by());
            s.text(r, 3, m.current().file());
            s.text(r, 4, m.previous().file());
            int c = 5;
            int mismatches = 0;
            for (Map.Entry<String, String> pair : pairs) {
                CellValue last = m.previous().asFiled(pair.getValue());
                CellValue now = m.current().asFiled(pair.getKey());
                s.number(r, c, last.number());
                s.number(r, c + 1, now.number());
                if (last.number() != null && now.number() != null) {
                    BigDecimal d = now.number().subtract(last.number());
                    Cell diff = s.number(r, c + 2, d);
                    if (d.signum() != 0) {
                        diff.setCellStyle(st.bad);
                        mismatches++;
                    }
                } else {
                    s.text(r, c + 2, "空白");
                }
                c += 3;
            }
            s.text(r, c, mismatches == 0 ? "一致" : mismatches + "列不一致");
        }
        for (Filing f : sorted(rec.onlyCurrent())) {
            unmatched(s, f, "上年没有该单位的报表", true);
        }
        for (Filing f : sorted(rec.onlyPrevious())) {
            unmatched(s, f, "本年没有收到该单位的报表", false);
        }
        s.finish(true);
    }

    private static List<Filing> sorted(List<Filing> filings) {
        List<Filing> l = new ArrayList<>(filings);
        l.sort(Comparator.comparing(Filing::agency).thenComparing(Filing::file));
        return l;
    }

    private static void unmatched(Sheet s, Filing f, String note, boolean current) {
        Row r = s.row();
        s.text(r, 0, f.agency());
        s.text(r, 1, f.identity().code());
        s.text(r, current ? 3 : 4, f.file());
        s.text(r, s.widths.length - 1, note);
    }
}
