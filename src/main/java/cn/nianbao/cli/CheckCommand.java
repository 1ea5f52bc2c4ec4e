package cn.nianbao.cli;

import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.report.Batch;
import cn.nianbao.report.FileReport;
import cn.nianbao.spec.Formats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"检查一批报表的勾稽关系，输出问题清单和给各单位的标注副本。",
            "Checks filings within themselves; writes the discrepancy workbook and annotated copies."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = RunOptions.INPUTS)
    List<Path> paths;

    @picocli.CommandLine.Mixin
    OutputOptions outputs = new OutputOptions();

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(paths, "输入");
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, paths);
        outputs.checkBeforeReading(paths, guard);
        Aliases names = Runs.aliases(outputs.aliases);
        List<FileReport> reports = Runs.readAll(formats, paths, run, spec.commandLine().getErr(), "读取");
        if (Runs.noWorkbook(out, reports)) {
            return ExitCodes.FINDINGS;
        }
        reports = Batch.merge(reports, Reconciler.firstOfDuplicates(Batch.filings(reports), names).findings());
        cn.nianbao.report.Decisions.Applied applied = outputs.decisions.decisions().apply(reports);
        reports = applied.reports();
        int rc = Runs.summary(out, reports, names);
        Outputs.write(out, outputs.output, outputs.returns, reports, reports, null, guard, outputs.decisions, applied);
        out.flush();
        return rc;
    }
}
