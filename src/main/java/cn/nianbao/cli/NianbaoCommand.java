package cn.nianbao.cli;

import cn.nianbao.util.Version;
import picocli.CommandLine.Command;

@Command(name = "nianbao",
        mixinStandardHelpOptions = true,
        versionProvider = NianbaoCommand.VersionProvider.class,
        description = {"政府信息公开工作年度报告统计表工具：发模板、读回报表、检查勾稽关系。",
            "Statistical tables of China's government information disclosure annual reports."},
        subcommands = {DemoCommand.class, TemplateCommand.class, IssueCommand.class, CollectCommand.class, ReadCommand.class, CheckCommand.class,
            ReconcileCommand.class, ImportCommand.class, BenchCommand.class,
            picocli.CommandLine.HelpCommand.class})
public final class NianbaoCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nianbao " + Version.get()};
        }
    }
}
