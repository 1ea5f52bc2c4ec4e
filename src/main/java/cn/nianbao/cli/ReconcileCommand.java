package cn.nianbao.cli;

import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.reconcile.YearChains;
import cn.nianbao.report.Batch;
import cn.nianbao.report.CsvExport;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.RunSummary;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"跨年核对：本年“二、上年结转”应等于上年“四、结转下年度继续办理”，逐列核对，并检查每份报表本身。"
            + "给出任意多个文件或文件夹（年度不限）时做历年核对：按单位把历年报表连成一串，相邻两年逐对核对；"
            + "用 --previous/--current 时只核对两年。",
            "Reconciles every two consecutive years of every agency (C1, C2), or this year with last year, and checks each filing."})
final class ReconcileCommand implements Callable<Integer> {
    /** --years: 2019-2025, 2019–2025, 2021- (from 2021), -2025 (up to 2025), or one year. */
    private static final Pattern YEARS = Pattern.compile("^(\\d{4})?\\s*([-–—~～至到])?\\s*(\\d{4})?$");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR",
            description = "历年核对：历年的报表，任意多个文件或文件夹（递归查找），年度不限，两种表格格式都可以")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--previous", arity = "1..*", paramLabel = "FILE_OR_DIR", description = "两年核对：上年的报表（文件或文件夹）")
    List<Path> previous;

    @Option(names = "--current", arity = "1..*", paramLabel = "FILE_OR_DIR", description = "两年核对：本年的报表（文件或文件夹）")
    List<Path> current;

    @Option(names = "--year", description = "两年核对：本年的报告年度（默认取本年报表中最常见的年度）")
    Integer year;

    @Option(names = "--years", paramLabel = "FROM-TO",
            description = "历年核对：只核对这些年度，如 2019-2025（2021- 为 2021 年起，-2025 为到 2025 年）；范围外的报表列为“跳过”")
    String years;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "把核对的每份报表的每个单元格写成一行 CSV（列同 read --csv；UTF-8 带 BOM）")
    Path csv;

    @picocli.CommandLine.Mixin
    OutputOptions outputs = new OutputOptions();

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        boolean twoYears = previous != null || current != null;
        if (twoYears && !inputs.isEmpty()) {
            throw NianbaoException.usage("历年核对的输入（" + String.join("、", inputs.stream().map(Path::toString).toList())
                    + "）和两年核对的 --previous/--current 不能同时使用：历年核对只写文件或文件夹，两年核对只写 --previous 和 --current");
        }
        if (!twoYears && inputs.isEmpty()) {
            throw NianbaoException.usage("缺少要核对的报表：历年核对写 nianbao reconcile 文件夹…（年度不限），"
                    + "两年核对写 --previous 上年 --current 本年");
        }
        if (twoYears) {
            if (previous == null) {
                throw NianbaoException.usage("缺少必填选项 --previous（两年核对时上年的报表）");
            }
            if (current == null) {
                throw NianbaoException.usage("缺少必填选项 --current（两年核对时本年的报表）");
            }
            if (years != null) {
                throw NianbaoException.usage("--years 用于历年核对（直接给出文件或文件夹）；两年核对用 --year 指定本年");
            }
            return twoYears();
        }
        if (year != null) {
            throw NianbaoException.usage("--year 只用于两年核对（--previous/--current）；历年核对用 --years 限定年度，如 --years 2019-2025");
        }
        return severalYears();
    }

    /** This year's filings against last year's, as reconcile has always done. */
    private int twoYears() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(previous, "上年的报表（--previous）");
        Guard.inputsExist(current, "本年的报表（--current）");
        if (year != null) {
            Guard.year(year, "--year");
        }
        List<Path> all = new ArrayList<>(current);
        all.addAll(previous);
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, all);
        outputs.checkBeforeReading(all, guard);
        checkCsv(all, guard);
        Aliases names = Runs.aliases(outputs.aliases);
        List<FileReport> cur = Runs.readAll(formats, current, run, spec.commandLine().getErr(), "读取本年");
        List<FileReport> prev = Runs.readAll(formats, previous, run, spec.commandLine().getErr(), "读取上年");
        List<FileReport> both = new ArrayList<>(cur);
        both.addAll(prev);
        if (Runs.noWorkbook(out, both)) {
            return ExitCodes.FINDINGS;
        }
        Reconciliation rec = Reconciler.reconcile(Batch.filings(cur), Batch.filings(prev), names, year);
        cn.nianbao.report.Decisions.Applied applied = outputs.decisions.decisions().apply(Batch.merge(both, rec.findings()));
        List<FileReport> reports = applied.reports();
        List<String> lines = RunSummary.reconciled(rec);
        out.println(lines.get(0));
        int rc = Runs.summary(out, reports, names);
        out.println(lines.get(1));
        Outputs.write(out, outputs.output, outputs.returns, reports, reports.subList(0, cur.size()), rec, guard, outputs.decisions,
                applied);
        writeCsv(out, Batch.filings(reports));
        out.flush();
        return rc;
    }

    /**
     * Every year of every agency: all inputs read and checked once, grouped into one chain per
     * agency, every two consecutive years reconciled; the workbook with 历年 and 历年趋势.
     */
    private int severalYears() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(inputs, "输入");
        YearChains.Span span = span(years);
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, inputs);
        outputs.checkBeforeReading(inputs, guard);
        checkCsv(inputs, guard);
        Aliases names = Runs.aliases(outputs.aliases);
        List<FileReport> read = Runs.readAll(formats, inputs, run, spec.commandLine().getErr(), "读取");
        if (Runs.noWorkbook(out, read)) {
            return ExitCodes.FINDINGS;
        }
        int lastYear = LocalDate.now(cn.nianbao.round.Collector.ZONE).getYear() + 1;
        History history = YearChains.build(Batch.filings(read), names, span, lastYear);
        cn.nianbao.report.Decisions.Applied applied = outputs.decisions.decisions().apply(Batch.merge(Batch.skip(read,
                history.outside(), "报表年度不在 --years " + span.text() + " 的范围内，未参与历年核对"), history.findings()));
        List<FileReport> reports = applied.reports();
        RunSummary.years(history, span.text()).forEach(out::println);
        RunSummary s = RunSummary.of(reports, names).withAgencies(history.chains().size());
        s.lines().forEach(out::println);
        List<FileReport> taking = reports.stream().filter(r -> !r.skipped()).toList();
        Outputs.write(out, outputs.output, p -> DiscrepancyWorkbook.writeYears(p, reports, history,
                book -> cn.nianbao.report.SettledSheet.write(book, applied.settled())), outputs.returns, taking, guard,
                outputs.decisions, applied);
        List<Filing> filings = new ArrayList<>(Batch.filings(taking));
        // Of no year: listed in 汇总 and 问题清单 (Y2), not in the table of years.
        java.util.Set<Filing> undated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        undated.addAll(history.undated());
        filings.removeIf(undated::contains);
        filings.sort(Comparator.comparingInt(Filing::year).thenComparing(Filing::agency).thenComparing(Filing::file));
        writeCsv(out, filings);
        out.flush();
        return s.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void checkCsv(List<Path> inputs, Guard guard) {
        Guard.notAnInput(csv, "CSV（--csv）", inputs);
        guard.replaceable(OutputGuard.Kind.CSV, csv);
    }

    private void writeCsv(PrintWriter out, List<Filing> filings) {
        if (csv == null) {
            return;
        }
        try {
            AtomicFiles.write(csv, o -> CsvExport.write(filings, o));
        } catch (IOException e) {
            throw NianbaoException.io(e);
        }
        out.println("CSV 已写入：" + csv + "（" + filings.size() + " 份报表）");
    }

    /** The span --years names; all years when not given. */
    static YearChains.Span span(String text) {
        if (text == null) {
            return YearChains.Span.ALL;
        }
        Matcher m = YEARS.matcher(text.strip());
        if (text.isBlank() || !m.matches() || m.group(1) == null && m.group(3) == null
                || m.group(2) == null && m.group(1) != null && m.group(3) != null) {
            throw NianbaoException.usage("选项 --years 的值“" + text + "”不是年度范围：应写成 2019-2025、2021-（2021 年起）、"
                    + "-2025（到 2025 年）或一个年度");
        }
        Integer from = m.group(1) == null ? null : Guard.year(Integer.parseInt(m.group(1)), "--years");
        Integer to = m.group(3) == null ? null : Guard.year(Integer.parseInt(m.group(3)), "--years");
        if (m.group(2) == null) {
            to = from; // one year
        }
        if (from != null && to != null && from > to) {
            throw NianbaoException.usage("选项 --years 的值“" + text + "”：起始年度 " + from + " 晚于结束年度 " + to);
        }
        return new YearChains.Span(from, to);
    }
}
