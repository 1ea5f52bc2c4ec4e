package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import java.io.PrintWriter;
import java.util.List;

/** The short human summary of a read: one paragraph per file, then the totals line. */
public final class TextSummary {
    private TextSummary() {
    }

    /** Counts over a run; {@code found = read + unreadable + skipped}. */
    public record Counts(int found, int read, int unreadable, int skipped, long errors, long warnings, long infos) {
        /** Whether a file could not be read or an error was found (exit code 1). */
        public boolean failed() {
            return unreadable > 0 || errors > 0;
        }

        /**
         * What to say when no workbook was found at all — an empty folder, or one holding only
         * other files, is no clean result (exit code 1); null when there was one.
         */
        public String noWorkbook() {
            return read + unreadable > 0 ? null : "没有找到任何工作簿（.xlsx/.xls）：" + (found == 0 ? "输入中没有文件"
                    : "输入中的文件都不是报表，已跳过") + "。请检查输入的文件夹是否正确。";
        }
    }

    public static Counts print(PrintWriter out, List<ReadResult> results, List<InputFiles.Skipped> skipped,
                               java.util.function.Function<ReadResult, List<Finding>> findingsOf) {
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        long explained = 0;
        int unreadable = 0;
        int skippedRead = 0;
        int i = 0;
        int total = results.size() + skipped.size();
        for (ReadResult r : results) {
            i++;
            if (r.skipped()) {
                skippedRead++;
                out.printf("[%d/%d] 跳过  %s%n  原因：%s%n", i, total, r.file(), r.reason());
                continue;
            }
            List<Finding> findings = findingsOf.apply(r);
            long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long explainedHere = findings.stream().filter(f -> f.severity() == Severity.WARNING && !f.open()).count();
            errors += e;
            warnings += w;
            explained += explainedHere;
            infos += findings.size() - e - w;
            if (!r.readable()) {
                unreadable++;
                out.printf("[%d/%d] 无法读取  %s%n  原因：%s%n", i, total, r.file(), r.reason());
                continue;
            }
            Filing f = r.filing();
            String status = cn.nianbao.model.FileStatus.of(false, true, e, w - explainedHere).chinese();
            out.printf("[%d/%d] %s  %s%n", i, total, status, r.file());
            out.printf("  %s（统一社会信用代码：%s）%d年，%s%n", f.agency(),
                    f.identity().code().isEmpty() ? "未提供" : f.identity().code(), f.year(), f.spec().title());
            int numbers = 0;
            int blanks = 0;
            int invalid = 0;
            for (CellDef c : f.spec().inputCells()) {
                CellValue v = f.value(c.key());
                if (v instanceof CellValue.Num) {
                    numbers++;
                } else if (v.isBlank()) {
                    blanks++;
                } else {
                    invalid++;
                }
            }
            out.printf("  填写单元格 %d 个：数字 %d，空白 %d，无效 %d（空白不按0计）；总计已按分项重新计算%n",
                    numbers + blanks + invalid, numbers, blanks, invalid);
            if (!f.explanations().cover().isEmpty()) {
                out.printf("  填报说明：%s%n", f.explanations().cover());
            }
            for (Finding x : findings) {
                out.printf("  [%s] %s %s%s：%s%s%n", x.severity().chinese(), x.ruleId(),
                        x.table() == null ? "" : "表" + x.table() + " ",
                        x.sheet() == null ? "" : x.sheet() + (x.cell() == null ? "" : "!" + x.cell()) + cellNamed(x), x.message(),
                        x.explanation() == null ? "" : "（已说明：" + x.explanation()
                                + (x.severity() == Severity.ERROR ? "；错误仍须改正" : "") + "）");
            }
        }
        for (InputFiles.Skipped s : skipped) {
            i++;
            out.printf("[%d/%d] 跳过  %s%n  原因：%s%n", i, total, s.file(), s.reason());
        }
        Counts c = new Counts(total, results.size() - unreadable - skippedRead, unreadable, skipped.size() + skippedRead,
                errors, warnings, infos);
        out.printf("合计：找到文件 %d 个 = 读取 %d + 无法读取 %d + 跳过 %d；错误 %d 条，警告 %d 条%s，提示 %d 条。%n",
                c.found(), c.read(), c.unreadable(), c.skipped(), c.errors(), c.warnings(),
                explained == 0 ? "" : "（其中已说明 " + explained + " 条，未处理 " + (c.warnings() - explained) + " 条）",
                c.infos());
        return c;
    }

    /** A spreadsheet cell's address ("D7"), which names its cell alone. */
    private static final java.util.regex.Pattern A1 = java.util.regex.Pattern.compile("[A-Z]{1,3}[0-9]{1,7}");

    /**
     * The cell's row and column when the place names only a line ("文本!第37行" of a published text,
     * "PDF第3页!第12行"): else a row's seven blank cells would read as seven identical lines.
     */
    private static String cellNamed(Finding x) {
        if (x.column() == null || x.cell() == null || A1.matcher(x.cell()).matches()) {
            return "";
        }
        return "（" + (x.row() == null ? "" : x.row() + "，") + x.column() + "）";
    }
}
