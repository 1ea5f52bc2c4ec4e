package cn.nianbao.cli;

import cn.nianbao.model.Reconciliation;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.report.Batch;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.RunSummary;
import cn.nianbao.spec.Formats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"跨年核对：本年“二、上年结转”应等于上年“四、结转下年度继续办理”，逐列核对，并检查每份报表本身。",
            "Reconciles this year's filings with last year's (C1, C2) and checks each."})
final class ReconcileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--previous", required = true, arity = "1..*", paramLabel = "FILE_OR_DIR", description = "上年的报表（文件或文件夹）")
    List<Path> previous;

    @Option(names = "--current", required = true, arity = "1..*", paramLabel = "FILE_OR_DIR", description = "本年的报表（文件或文件夹）")
    List<Path> current;

    @Option(names = "--year", description = "本年的报告年度（默认取本年报表中最常见的年度）")
    Integer year;

    @picocli.CommandLine.Mixin
    OutputOptions outputs = new OutputOptions();

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(previous, "上年的报表（--previous）");
        Guard.inputsExist(current, "本年的报表（--current）");
        if (year != null) {
            Guard.year(year, "--year");
        }
        List<Path> inputs = new ArrayList<>(current);
        inputs.addAll(previous);
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, inputs);
        outputs.checkBeforeReading(inputs, guard);
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
        List<FileReport> all = applied.reports();
        List<String> lines = RunSummary.reconciled(rec);
        out.println(lines.get(0));
        int rc = Runs.summary(out, all, names);
        out.println(lines.get(1));
        Outputs.write(out, outputs.output, outputs.returns, all, all.subList(0, cur.size()), rec, guard, outputs.decisions,
                applied);
        out.flush();
        return rc;
    }
}
