package cn.nianbao.report;

import cn.nianbao.model.History;
import cn.nianbao.model.Reconciliation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook a supervisor acts on: 汇总 (one row per input file, {@link SummarySheet}), 问题清单
 * (one row per finding, sorted, filtered, each cell a HYPERLINK into the source file,
 * {@link FindingsSheet}) and, when years were reconciled, 跨年核对 (last year's 四 beside this
 * year's 二, {@link AcrossYearsSheet}). Streamed row by row ({@link XlsxLists}; POI's streaming
 * writer, {@link PoiLists}, when the collection workbook puts a chart sheet first), so a
 * province's findings fit in memory. Every text cell is a string cell: nothing echoed from a
 * clerk's file can become a formula.
 */
public final class DiscrepancyWorkbook {
    public static final String SUMMARY = "汇总";
    public static final String FINDINGS = "问题清单";
    public static final String ACROSS_YEARS = "跨年核对";
    /** reconcile over several years: one row per agency per year (TrendSheet's totals come first). */
    public static final String YEARS = "历年";
    public static final String TREND = "历年趋势";
    public static final List<String> FINDING_HEADER = List.of(
            "单位", "统一社会信用代码", "年度", "表", "行", "列", "单元格", "规则", "级别", "说明", "应为", "实为", "差额", "文件",
            Decisions.EXPLANATION, Decisions.CHOICE, Decisions.NOTE);
    public static final List<String> SUMMARY_HEADER = List.of(
            "文件", "单位", "统一社会信用代码", "年度", "表格格式", "状态", "错误", "警告", "提示", "说明");

    private DiscrepancyWorkbook() {
    }

    /** Writes the workbook to {@code out} whole, or not at all. {@code reconciled} may be null. */
    public static void write(Path out, List<FileReport> files, Reconciliation reconciled) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        XlsxLists.write(out, OutputGuard.Kind.DISCREPANCY.id(), book -> sheets(book, files, reconciled, base));
    }

    /**
     * The workbook of a reconciliation over several years: 历年趋势 (the totals per year and their
     * chart, {@link TrendSheet}), 汇总, 问题清单, 跨年核对 (every two consecutive years of every agency)
     * and 历年 (every agency every year, {@link YearsSheet}); streamed like the lists of check, the
     * chart's parts drawn by POI; whole, or not at all.
     */
    public static void writeYears(Path out, List<FileReport> files, History history) throws IOException {
        writeYears(out, files, history, book -> {
        });
    }

    /** As above, with sheets of the caller's after the others (已处理, {@link SettledSheet}). */
    public static void writeYears(Path out, List<FileReport> files, History history, MoreSheets more) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        TrendSheet trend = new TrendSheet(history, files);
        XlsxLists.write(out, OutputGuard.Kind.DISCREPANCY.id(), trend.chart(), book -> {
            trend.write(book);
            sheets(book, files, null, base);
            AcrossYearsSheet.write(book, history);
            YearsSheet.write(book, history, files);
            more.write(book);
        });
    }

    /** As above, with sheets of the caller's after the discrepancy sheets (已处理, {@link SettledSheet}). */
    public static void write(Path out, List<FileReport> files, Reconciliation reconciled, MoreSheets more) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        XlsxLists.write(out, OutputGuard.Kind.DISCREPANCY.id(), book -> {
            sheets(book, files, reconciled, base);
            more.write(book);
        });
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
    public static void write(Path out, XSSFWorkbook first, List<FileReport> files, Reconciliation reconciled,
                             MoreSheets more) throws IOException {
        write(out, first, files, reconciled, more, OutputGuard.Kind.DISCREPANCY);
    }

    /** As above, marked as this tool's output of {@code kind} (report.OutputGuard). */
    public static void write(Path out, XSSFWorkbook first, List<FileReport> files, Reconciliation reconciled,
                             MoreSheets more, OutputGuard.Kind kind) throws IOException {
        Path base = out.toAbsolutePath().getParent();
        PoiLists.write(out, first, kind.id(), book -> {
            sheets(book, files, reconciled, base);
            more.write(book);
        });
    }

    private static void sheets(ListSheet.Book book, List<FileReport> files, Reconciliation reconciled, Path base)
            throws IOException {
        SummarySheet.write(book, files);
        FindingsSheet.write(book, files, base);
        if (reconciled != null) {
            AcrossYearsSheet.write(book, reconciled);
        }
    }
}
