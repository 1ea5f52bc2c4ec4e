package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** What the command line itself says: Chinese first, with the documented exit codes (0, 2, 3). */
class UsageMessagesTest {
    /** picocli's own English, none of which may reach a user. */
    private static final List<String> PICOCLI_ENGLISH = List.of("Usage:", "Options:", "Commands:", "Parameters:",
            "Show this help message", "Print version information", "Display help information",
            "Show usage help for the help command", "The COMMAND to display", "When no COMMAND is given",
            "Missing required", "Unknown option", "Unmatched argument", "Invalid value", "should be specified",
            "Expected parameter", "Unknown subcommand");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runCommand(null, args);
    }

    /** Runs {@code command} (null: nianbao itself) the way nianbao runs its root command. */
    static Run runCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = command == null ? Main.run(args, new PrintWriter(out), new PrintWriter(err))
                : Main.run(command, args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                Arguments.of(List.of("chek"), List.of("未知命令“chek”（是否想输入 check？）", "可用的命令：demo、template"), "nianbao"),
                Arguments.of(List.of("tempalte", "--year", "2024"), List.of("未知命令“tempalte”（是否想输入 template？）"), "nianbao"),
                Arguments.of(List.of("help", "chek"), List.of("未知命令“chek”（是否想输入 check？）"), "nianbao"),
                Arguments.of(List.of("-x"), List.of("未知选项 -x"), "nianbao"),
                Arguments.of(List.of("template", "--year", "abc", "--agency", "某局"),
                        List.of("选项 --year 的值“abc”不是整数"), "nianbao template"),
                Arguments.of(List.of("template", "--year=", "--agency", "某局"),
                        List.of("选项 --year 的值是空的，应为整数"), "nianbao template"),
                Arguments.of(List.of("template", "--agency", "某局"),
                        List.of("缺少必填选项 --year：报告年度"), "nianbao template"),
                Arguments.of(List.of("template"),
                        List.of("缺少必填选项 --year（报告年度，如 2024）、--agency（单位名称"), "nianbao template"),
                Arguments.of(List.of("template", "--agency", "某局", "--year"),
                        List.of("选项 --year 后面缺少值 <year>"), "nianbao template"),
                Arguments.of(List.of("template", "--year", "--agency", "某局"),
                        List.of("选项 --year 后面缺少值 <year>", "紧跟在后面的“--agency”不是它的值"), "nianbao template"),
                Arguments.of(List.of("template", "--year", "2024", "--agency", "某局", "--foo"),
                        List.of("未知选项 --foo（是否想输入 --format"), "nianbao template"),
                Arguments.of(List.of("template", "--year", "2024", "--agency", "某局", "--fromat", "2019"),
                        List.of("未知选项 --fromat（是否想输入 --format？）"), "nianbao template"),
                Arguments.of(List.of("template", "--yaer", "2024", "--agency", "某局"),
                        List.of("未知选项 --yaer（是否想输入 --year？）", "缺少必填选项 --year"), "nianbao template"),
                Arguments.of(List.of("template", "--year", "2024", "--year", "2025", "--agency", "某局"),
                        List.of("选项 --year 只能给一次"), "nianbao template"),
                Arguments.of(List.of("template", "--year", "2024", "--agency", "衢州市", "应急管理局"),
                        List.of("多余的参数“应急管理局”", "值中有空格时请用引号括起来"), "nianbao template"),
                Arguments.of(List.of("read"), List.of("缺少参数 FILE_OR_DIR：工作簿（.xlsx/.xls/.et）或年度报告"), "nianbao read"),
                Arguments.of(List.of("read", "--threads", "x", "a.xlsx"),
                        List.of("选项 --threads 的值“x”不是整数"), "nianbao read"),
                Arguments.of(List.of("read", "--threads=99999999999", "a.xlsx"),
                        List.of("选项 --threads 的值“99999999999”超出整数范围"), "nianbao read"),
                Arguments.of(List.of("read", "-q", "--quiet", "a.xlsx"), List.of("选项 -q/--quiet 只能给一次"), "nianbao read"),
                Arguments.of(List.of("read", "--quiet=maybe", "a.xlsx"),
                        List.of("选项 -q/--quiet 不带值，“maybe”是多余的（直接写 --quiet 即可）"), "nianbao read"),
                Arguments.of(List.of("check", "--foo", "a.xlsx"), List.of("未知选项 --foo"), "nianbao check"),
                Arguments.of(List.of("reconcile", "--current", "a"), List.of("缺少必填选项 --previous"), "nianbao reconcile"),
                Arguments.of(List.of("reconcile", "--current", "a", "--previous"),
                        List.of("选项 --previous 后面缺少值 FILE_OR_DIR"), "nianbao reconcile"),
                Arguments.of(List.of("collect", "--year", "2024"),
                        List.of("缺少必填选项 --roster", "-o/--output"), "nianbao collect"),
                Arguments.of(List.of("--version=yes"), List.of("选项 -V/--version 不带值"), "nianbao"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void everyParseErrorIsChineseWithExitCodeTwoAndTheRightHelp(List<String> args, List<String> expected, String command) {
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertChineseError(r.err());
        assertThat(r.err()).contains(expected);
        assertThat(r.err()).contains("用法见：" + command + " --help").doesNotContain("nianbao nianbao");
    }

    @Test
    void bareNianbaoIsAUsageErrorWithTheChineseUsageOnStderr() {
        Run r = run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertChineseError(r.err());
        assertThat(r.err()).contains("缺少命令").contains("用法：nianbao").contains("命令：").contains("check");
    }

    @Test
    void helpAndVersionStillExitZero() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertChineseHelp(help.out(), "nianbao");
        assertThat(help.out()).contains("命令：").contains("显示版本并退出").contains("help       显示某个命令的帮助")
                .contains("退出码：").contains("3  内部错误");
        assertThat(run("help").out()).isEqualTo(help.out());
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("nianbao ");
    }

    @Test
    void everySubcommandsHelpIsChinese() {
        Set<String> names = Main.commandLine().getSubcommands().keySet();
        assertThat(names).contains("template", "read", "check", "reconcile", "collect", "issue", "import", "demo", "help");
        for (String name : names) {
            Run r = run(name, "--help");
            assertThat(r.code()).as(name).isZero();
            assertChineseHelp(r.out(), "nianbao " + name);
            if (!name.equals("help")) {
                assertThat(r.out()).as(name).startsWith("用法：nianbao " + name).contains("显示版本并退出");
                assertThat(run("help", name).out()).as("help " + name).isEqualTo(r.out());
                Run version = run(name, "-V");
                assertThat(version.code()).as(name + " -V").isZero();
                assertThat(version.out()).as(name + " -V says nianbao's version, not nothing").startsWith("nianbao ");
            }
            CommandLine sub = Main.commandLine().getSubcommands().get(name);
            if (!sub.getCommandSpec().positionalParameters().isEmpty()) {
                assertThat(r.out()).as(name).contains("参数：");
            }
        }
        assertThat(run("help", "--help").out()).contains("显示某个命令的帮助").contains("要查看帮助的命令")
                .contains("不给命令时显示 nianbao 的帮助");
    }

    @Test
    void ourOwnUsageErrorsKeepExitCodeTwoAndSayWhereTheHelpIs() {
        Run year = run("template", "--year", "1999", "--agency", "某局");
        assertThat(year.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(year.err()).startsWith("错误：--year 1999 不是可用的报告年度").contains("用法见：nianbao template --help");
        Run format = run("template", "--year", "2024", "--agency", "某局", "--format", "2018");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("没有这个表格格式，可选 2019、2021").contains("用法见：nianbao template --help");
    }

    @Test
    void findingsKeepExitCodeOneWithoutAUsageHint() {
        Run r = runCommand(Commands.Findings.class);
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEqualTo("错误：上年文件无法读取" + System.lineSeparator());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithExitCodeThree() {
        Run r = runCommand(Commands.Bug.class);
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).startsWith("内部错误（请把以下信息反馈给开发者）：java.lang.IllegalStateException: 不该发生")
                .contains("at cn.nianbao.cli.UsageMessagesTest$Commands$Bug.call");
    }

    @Test
    void anErrorOutsideTheCommandsIsAnInternalErrorToo() {
        // The JVM would exit with 1 on an uncaught Error, and 1 means "findings".
        Run oom = runCommand(Commands.OutOfMemory.class);
        assertThat(oom.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(oom.err()).startsWith("内部错误（请把以下信息反馈给开发者）：java.lang.OutOfMemoryError").contains("内存不足：");
        Run broken = runCommand(Commands.NotACommand.class);
        assertThat(broken.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(broken.err()).startsWith("内部错误");
    }

    @Test
    void parseErrorsNianbaoCannotProduceYetAreChineseToo() {
        Run exclusive = runCommand(Commands.Exclusive.class, "--xlsx", "--csv");
        assertThat(exclusive.code()).isEqualTo(ExitCodes.USAGE);
        assertChineseError(exclusive.err());
        assertThat(exclusive.err()).contains("选项 --xlsx、--csv 不能同时使用，只能给其中一个").contains("用法见：demo --help");

        Run noValue = runCommand(Commands.Exclusive.class, "--flag=yes");
        assertThat(noValue.code()).isEqualTo(ExitCodes.USAGE);
        assertChineseError(noValue.err());
        assertThat(noValue.err()).contains("选项 --flag 不带值，“yes”是多余的");

        Run other = runCommand(Commands.OddParse.class);
        assertThat(other.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).startsWith("错误：命令行有误（Something odd）");

        Run chinese = runCommand(Commands.ChineseParse.class);
        assertThat(chinese.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(chinese.err()).startsWith("错误：--from 不能晚于 --to" + System.lineSeparator());
    }

    @Test
    void suggestionsAreCloseNamesOnly() {
        List<String> commands = List.of("template", "read", "check", "reconcile", "import", "help");
        assertThat(UsageErrors.similar("chek", commands)).containsExactly("check");
        assertThat(UsageErrors.similar("recon", commands)).containsExactly("reconcile");
        assertThat(UsageErrors.similar("xyz", commands)).isEmpty();
        assertThat(UsageErrors.similar("--thread", List.of("--threads", "-q", "--quiet"))).containsExactly("--threads");
        assertThat(UsageErrors.similar("-x", List.of("-h", "-V", "-o"))).as("one letter says nothing").isEmpty();
    }

    private static void assertChineseError(String err) {
        assertThat(err).startsWith("错误：");
        char first = err.charAt("错误：".length());
        assertThat(Character.UnicodeScript.of(first)).as("the message after 错误： is Chinese first: " + err)
                .isEqualTo(Character.UnicodeScript.HAN);
        assertThat(err).doesNotContain(PICOCLI_ENGLISH);
    }

    private static void assertChineseHelp(String help, String command) {
        assertThat(help).as(command).contains("用法：" + command).contains("选项：").contains("显示")
                .doesNotContain(PICOCLI_ENGLISH);
    }

    /** Small commands for what nianbao's own commands cannot (or should never) do. */
    static final class Commands {
        @Command(name = "demo")
        static final class Findings implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new NianbaoException(ExitCodes.FINDINGS, "上年文件无法读取");
            }
        }

        @Command(name = "demo")
        static final class Bug implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("不该发生");
            }
        }

        @Command(name = "demo")
        static final class OutOfMemory implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new OutOfMemoryError("Java heap space");
            }
        }

        /** Two options with one name: picocli refuses to build it. */
        @Command(name = "demo")
        static final class NotACommand implements Callable<Integer> {
            @Option(names = "--a")
            boolean a;
            @Option(names = "--a")
            boolean b;

            @Override
            public Integer call() {
                return 0;
            }
        }

        @Command(name = "demo")
        static final class Exclusive implements Callable<Integer> {
            @ArgGroup(exclusive = true)
            Format format;

            @Option(names = "--flag", arity = "0")
            boolean flag;

            static final class Format {
                @Option(names = "--xlsx")
                boolean xlsx;
                @Option(names = "--csv")
                boolean csv;
            }

            @Override
            public Integer call() {
                return 0;
            }
        }

        @Command(name = "demo")
        static final class OddParse implements Callable<Integer> {
            @picocli.CommandLine.Spec
            picocli.CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                throw new CommandLine.ParameterException(spec.commandLine(), "Something odd");
            }
        }

        @Command(name = "demo")
        static final class ChineseParse implements Callable<Integer> {
            @picocli.CommandLine.Spec
            picocli.CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from 不能晚于 --to");
            }
        }
    }
}
