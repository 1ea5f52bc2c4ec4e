package cn.nianbao.cli;

import cn.nianbao.model.Filing;
import cn.nianbao.report.Batch;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.round.Issuer;
import cn.nianbao.round.Roster;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.Protection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"按名册为每个单位发出个性化模板，并在旁边写一封带附件的邮件草稿（.eml）。",
            "Issues one personalised template per roster agency, with an unsent .eml beside each."})
final class IssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    RoundOptions options = new RoundOptions();

    @Option(names = "--previous", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "上年的报表：找到的单位预填并锁定“二、上年结转”")
    List<Path> previous;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "输出文件夹")
    Path dir;

    @Option(names = "--format", description = "表格格式，如 2021、2019（默认按年度）")
    String format;

    @Option(names = "--password", description = "工作表保护密码（可选）")
    String password;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        options.year();
        Formats formats = Formats.builtIn();
        List<Path> inputs = new ArrayList<>(List.of(options.roster));
        if (previous != null) {
            inputs.addAll(previous);
        }
        Guard guard = new Guard(formats, force.force, inputs);
        if (previous != null) {
            Guard.inputsExist(previous, "上年的报表（--previous）");
            Guard.notAnInput(dir, "输出文件夹（-o）", previous);
        }
        FormatSpec fmt;
        try {
            fmt = format == null ? formats.forYear(options.year) : formats.get(format);
        } catch (IllegalArgumentException e) {
            throw NianbaoException.usage("--format " + format + "：没有这个表格格式，可选 " + String.join("、", formats.ids()));
        }
        int year = options.year;
        LocalDate due = options.due();
        Roster r = options.roster(out);
        Issuer issuer = new Issuer(fmt, year, due, Protection.withPassword(password));
        // Every file is checked before the first is written: a refusal leaves the folder as it was.
        guard.replaceable(OutputGuard.Kind.TEMPLATE, r.agencies().stream().map(a -> issuer.templatePath(a, dir)).toList());
        guard.replaceable(OutputGuard.Kind.DRAFT, r.agencies().stream().map(a -> issuer.draftPath(a, dir)).toList());
        List<Filing> last = previous == null ? List.of()
                : Batch.filings(Runs.readAll(formats, previous, run, spec.commandLine().getErr(), "读取上年"));
        Issuer.Result result;
        try {
            result = issuer.issue(r, last, dir);
        } catch (IOException e) {
            throw NianbaoException.io(e);
        }
        result.warnings().forEach(w -> out.println("注意：" + w));
        long carried = result.issued().stream().filter(i -> !i.carriedFrom().isEmpty()).count();
        out.printf("已为 %d 个单位生成模板和邮件草稿：%s（%s，截止 %s）；上年结转已预填 %d 个%n", result.issued().size(), dir,
                fmt.title(), due, carried);
        out.flush();
        return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
