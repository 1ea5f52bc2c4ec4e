package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.Severity;
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
 * 跨年核对 (last year's 四 beside this year's 二). Streamed row by row ({@link XlsxLists}; POI's
 * streaming writer when the collection workbook puts a chart sheet first), so a province's
 * findings fit in memory. Every text cell is a string cell: nothing echoed from a clerk's file
 * can become a formula.
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
        Path base = out.toAbsolutePath().getParent();
        XlsxLists.write(out, OutputGuard.Kind.DISCREPANCY.id(), book -> sheets(book, files, reconciled, base));
    }

    /** Adds list sheets of its own after the discrepancy sheets. */
    @FunctionalInterface
    public interface MoreSheets {
        void write(ListSheet.Book book) throws IOException;
    }

    /**
     * The discrepancy sheets after the sheets {@code first} already holds (its rows are kept in
     * memory, so small ones only, e.g. a sheet with a chart), then {@code more}; written with
     * POI's streaming writer, which can carry {@code first}'s chart.
     */
    public static void write(Path out, org.apache.poi.xssf.usermodel.XSSFWorkbook first, List<FileReport> files,
                             Reconciler.Result reconciled, MoreSheets more) throws IOException {
        write(out, first, files, reconciled, more, OutputGuard.Kind.DISCREPANCY);
    }

    /** As above, marked as this tool's output of {@code kind} (report.OutputGuard). */
    public static void write(Path out, org.apache.poi.xssf.usermodel.XSSFWorkbook first, List<FileReport> files,
                             Reconciler.Result reconciled, MoreSheets more, OutputGuard.Kind kind) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        first.getProperties().getCustomProperties().addProperty(XlsxLists.OUTPUT_PROPERTY, kind.id());
        try (SXSSFWorkbook wb = new FastZip(first)) {
            Styles st = new Styles(wb);
            ListSheet.Book book = (name, header) -> new Sheet(wb, name, header, st);
            sheets(book, files, reconciled, base);
            more.write(book);
            wb.setForceFormulaRecalculation(true); // the links' display text is computed on open
            AtomicFiles.write(out, wb::write);
        }
    }

    private static void sheets(ListSheet.Book book, List<FileReport> files, Reconciler.Result reconciled, Path base)
            throws IOException {
        summary(book, files);
        findings(book, files, base);
        if (reconciled != null) {
            acrossYears(book, reconciled);
        }
    }

    /**
     * A streaming workbook for a province's lists (tens of megabytes of repetitive XML): zipped at
     * the fastest deflate level, which compresses them barely worse than the default but several
     * times faster, and with text escaped a run at a time instead of a code point at a time.
     */
    private static final class FastZip extends SXSSFWorkbook {
        FastZip(org.apache.poi.xssf.usermodel.XSSFWorkbook first) {
            super(first, 200);
        }

        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.SheetDataWriter(getSharedStringSource()) {
                @Override
                protected void outputEscapedString(String s) throws IOException {
                    XlsxLists.escape(s, _out);
                }
            };
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                java.io.OutputStream stream) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** The cell styles every sheet of a POI-written list workbook shares. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle bad;
        final CellStyle link;
        /** The same three in a column of long free text, wrapped. */
        final CellStyle wrap;
        final CellStyle badWrap;
        final CellStyle linkWrap;

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
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            badWrap = wb.createCellStyle();
            badWrap.cloneStyleFrom(bad);
            badWrap.setWrapText(true);
            linkWrap = wb.createCellStyle();
            linkWrap.cloneStyleFrom(link);
            linkWrap.setWrapText(true);
        }
    }

    /** A list sheet through POI's streaming writer; tracks column widths as rows are written. */
    private static final class Sheet implements ListSheet {
        final SXSSFSheet sheet;
        final Styles st;
        final int[] widths;
        final List<String> header;
        final boolean[] wrap;
        Row row;
        int next;
        int lines;

        Sheet(SXSSFWorkbook wb, String name, List<String> header, Styles st) {
            this.sheet = wb.createSheet(name);
            this.st = st;
            this.widths = new int[header.size()];
            this.header = List.copyOf(header);
            this.wrap = new boolean[header.size()];
            for (int c = 0; c < header.size(); c++) {
                wrap[c] = ListSheet.wraps(header.get(c));
            }
            row();
            for (int c = 0; c < header.size(); c++) {
                text(c, header.get(c), false);
                row.getCell(c).setCellStyle(st.header);
            }
            sheet.createFreezePane(0, 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        }

        @Override
        public void row() {
            row = sheet.createRow(next++);
            lines = 1;
        }

        /** Makes the row tall enough for a wrapped text (the raw writer does the same). */
        private void fit(int c, String v, int w) {
            int n = ListSheet.lines(header.get(c), v, w);
            if (n > lines) {
                lines = n;
                row.setHeightInPoints(n * ListSheet.LINE_HEIGHT);
            }
        }

        @Override
        public void text(int c, String v, boolean bad) {
            if (v != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(v); // a string cell, never a formula, whatever the text starts with
                int w = cn.nianbao.util.TextWidth.of(v);
                widths[c] = Math.max(widths[c], w);
                if (bad || wrap[c]) {
                    cell.setCellStyle(bad ? wrap[c] ? st.badWrap : st.bad : st.wrap);
                }
                if (wrap[c]) {
                    fit(c, v, w);
                }
            }
        }

        @Override
        public void number(int c, BigDecimal v, boolean bad) {
            if (v != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(v.doubleValue());
                widths[c] = Math.max(widths[c], v.toPlainString().length());
                if (bad || wrap[c]) {
                    cell.setCellStyle(bad ? wrap[c] ? st.badWrap : st.bad : st.wrap);
                }
            }
        }

        @Override
        public void link(int c, String target, String shown) {
            text(c, shown, false);
            String formula = ListSheet.hyperlink(target, shown);
            if (formula != null) {
                row.getCell(c).setCellFormula(formula);
                row.getCell(c).setCellStyle(wrap[c] ? st.linkWrap : st.link);
            }
        }

        @Override
        public void finish(boolean filter) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, ListSheet.width(header.get(c), widths[c]) * 256);
                if (wrap[c]) {
                    sheet.setDefaultColumnStyle(c, st.wrap);
                }
            }
            if (filter && next > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, next - 1, 0, widths.length - 1));
            }
        }
    }

    private static void summary(ListSheet.Book book, List<FileReport> files) throws IOException {
        ListSheet s = book.sheet(SUMMARY, SUMMARY_HEADER);
        List<FileReport> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(f -> f.read().file()));
        for (FileReport f : sorted) {
            s.row();
            Filing filing = f.read().filing();
            s.text(0, f.read().file());
            if (filing != null) {
                s.text(1, filing.agency());
                s.text(2, filing.identity().code());
                s.number(3, BigDecimal.valueOf(filing.year()));
                s.text(4, filing.spec().id());
            }
            s.text(5, f.status().chinese(), f.status().bad() || f.status() == cn.nianbao.model.FileStatus.SKIPPED);
            s.number(6, BigDecimal.valueOf(f.count(Severity.ERROR)));
            s.number(7, BigDecimal.valueOf(f.count(Severity.WARNING)));
            s.number(8, BigDecimal.valueOf(f.count(Severity.INFO)));
            s.text(9, f.read().readable() ? "" : f.read().reason());
        }
        s.finish(true);
    }

    private static void findings(ListSheet.Book book, List<FileReport> files, Path base) throws IOException {
        ListSheet s = book.sheet(FINDINGS, FINDING_HEADER);
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
            s.row();
            Filing filing = byFile.get(x.file());
            if (filing != null) {
                s.text(0, filing.agency());
                s.text(1, filing.identity().code());
                s.number(2, BigDecimal.valueOf(filing.year()));
            }
            s.text(3, x.table());
            s.text(4, x.row());
            s.text(5, x.column());
            if (x.cell() != null) {
                s.link(6, link(base, x.file()) + "#'" + x.sheet().replace("'", "''") + "'!" + x.cell(),
                        x.sheet() + "!" + x.cell());
            }
            s.text(7, x.ruleId());
            s.text(8, x.severity().chinese(), x.severity() == Severity.ERROR);
            s.text(9, x.message());
            s.number(10, x.required());
            s.number(11, x.held());
            s.number(12, x.difference());
            s.text(13, x.file());
        }
        s.finish(true);
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

    private static void acrossYears(ListSheet.Book book, Reconciler.Result rec) throws IOException {
        List<String> header = new ArrayList<>(List.of("单位", "统一社会信用代码", "匹配方式", "本年文件", "上年文件"));
        // The carried-over pairs of this year's format (rule C1 pairs the same cells of table 三 in every national format).
        cn.nianbao.spec.FormatSpec spec = java.util.stream.Stream.concat(rec.matches().stream().map(Reconciler.Match::current),
                java.util.stream.Stream.concat(rec.onlyCurrent().stream(), rec.onlyPrevious().stream()))
                .map(Filing::spec).findFirst().orElse(null);
        List<Map.Entry<String, String>> pairs = spec == null ? List.of() : spec.carriedOverPairs();
        for (Map.Entry<String, String> pair : pairs) {
            String label = spec.cell(pair.getKey()).colLabel();
            header.add(label + " 上年四");
            header.add(label + " 本年二");
            header.add(label + " 差额");
        }
        header.add("说明");
        int note = header.size() - 1;
        ListSheet s = book.sheet(ACROSS_YEARS, header);
        List<Reconciler.Match> matches = new ArrayList<>(rec.matches());
        matches.sort(Comparator.comparing((Reconciler.Match m) -> m.current().agency()).thenComparing(m -> m.current().file()));
        for (Reconciler.Match m : matches) {
            s.row();
            s.text(0, m.current().agency());
            s.text(1, m.current().identity().code());
            s.text(2, m.by());
            s.text(3, m.current().file());
            s.text(4, m.previous().file());
            int c = 5;
            int mismatches = 0;
            for (Map.Entry<String, String> pair : pairs) {
                CellValue last = m.previous().asFiled(pair.getValue());
                CellValue now = m.current().asFiled(pair.getKey());
                s.number(c, last.number());
                s.number(c + 1, now.number());
                if (last.number() != null && now.number() != null) {
                    BigDecimal d = now.number().subtract(last.number());
                    s.number(c + 2, d, d.signum() != 0);
                    mismatches += d.signum() != 0 ? 1 : 0;
                } else {
                    s.text(c + 2, "空白");
                }
                c += 3;
            }
            s.text(note, mismatches == 0 ? "一致" : mismatches + "列不一致");
        }
        for (Filing f : sorted(rec.onlyCurrent())) {
            unmatched(s, note, f, "上年没有该单位的报表", true);
        }
        for (Filing f : sorted(rec.onlyPrevious())) {
            unmatched(s, note, f, "本年没有收到该单位的报表", false);
        }
        s.finish(true);
    }

    private static List<Filing> sorted(List<Filing> filings) {
        List<Filing> l = new ArrayList<>(filings);
        l.sort(Comparator.comparing(Filing::agency).thenComparing(Filing::file));
        return l;
    }

    private static void unmatched(ListSheet s, int note, Filing f, String text, boolean current) throws IOException {
        s.row();
        s.text(0, f.agency());
        s.text(1, f.identity().code());
        s.text(current ? 3 : 4, f.file());
        s.text(note, text);
    }
}
