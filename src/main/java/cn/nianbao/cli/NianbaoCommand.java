package cn.nianbao.cli;

import cn.nianbao.util.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "nianbao",
        mixinStandardHelpOptions = true,
        versionProvider = NianbaoCommand.VersionProvider.class,
        description = {"政府信息公开工作年度报告统计表工具：发模板、读回报表、检查勾稽关系。",
            "Statistical tables of China's government information disclosure annual reports."},
        subcommands = {DemoCommand.class, TemplateCommand.class, IssueCommand.class, CollectCommand.class, ReadCommand.class, CheckCommand.class,
            ReconcileCommand.class, ImportCommand.class, ExportCommand.class, SendCommand.class,
            picocli.CommandLine.HelpCommand.class})
public final class NianbaoCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command given: a usage error like any other (README: exit code 2), with the usage on stderr. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("错误：缺少命令。请在 nianbao 后面写上要做的事，如 nianbao demo、nianbao check 2024/。");
        err.println();
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nianbao " + Version.get()};
        }
    }
}
