package cn.nianbao.bench;

import cn.nianbao.cli.ExitCodes;
import cn.nianbao.cli.Main;
import cn.nianbao.cli.NianbaoException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"性能基准：生成 N 份上年和 N 份本年已填报工作簿（随机但可复现，部分故意留错），"
            + "用真实的 reconcile 命令处理，报告速度、峰值堆内存，并核对发现的问题数与埋入的错误数一致。",
            "Benchmark: generates filled workbooks with planted errors, runs the real commands, reports speed and memory."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--filings"}, defaultValue = "1000", description = "每年的报表份数（默认 1000）")
    int filings;

    @Option(names = "--seed", defaultValue = "20261122", description = "随机种子（默认 20261122）")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "生成文件的文件夹（默认临时文件夹，结束后删除）")
    Path dir;

    @Option(names = "--templates", defaultValue = "3000", description = "计时发出的个性化模板份数（默认 3000）")
    int templates;

    @Option(names = "--findings", defaultValue = "200000", description = "计时写出的问题清单行数（默认 200000；0 不测）")
    int findings;

    @Option(names = "--no-openpyxl", description = "不与 openpyxl 对比")
    boolean noOpenpyxl;

    @Option(names = "--years", paramLabel = "Y", defaultValue = "0",
            description = "历年核对基准：生成 Y 年（到 2024 年）× 每年 -n 个单位的报表（约 3%% 的单位中间缺报一年，1%% 中途更名），"
                    + "用 reconcile 一次核对全部年度；默认 0：只做两年核对的基准")
    int years;

    @Option(names = "--threads", paramLabel = "N", description = "reconcile 的线程数（默认为处理器核数）")
    int threads = cn.nianbao.util.Parallel.defaultThreads();

    @Option(names = "--reports", paramLabel = "N",
            description = "改测导入已发布的报告：把语料（各种形式的 Word、PDF、网页、文字）轮流复制成 N 份，按 import 的方法读取并计时，"
                    + "再用真实的 import 命令计时，按文件形式（文字、网页、PDF、Word）单线程计时每份的毫秒数，并计时一份 10 页的 PDF（单线程、预热后）")
    int reports;

    @Option(names = "--corpus", paramLabel = "DIR", description = "--reports 用的语料文件夹（默认用 nianbao-bench.jar 自带的 fixtures/corpus）")
    Path corpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (filings < 1) {
            throw NianbaoException.usage("--filings 至少为 1");
        }
        if (years == 1 || years < 0 || years > Bench.LAST_YEAR - 2008 + 1) {
            throw NianbaoException.usage("--years 应为 2 到 " + (Bench.LAST_YEAR - 2008 + 1) + " 之间（或 0：两年核对）");
        }
        if (reports < 0) {
            throw NianbaoException.usage("--reports 不能是负数");
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("nianbao-bench") : Files.createDirectories(dir);
        try {
            if (reports > 0) {
                ReportsBench.Result r = new ReportsBench(work, reports, threads, out).run(
                        (args, commandOut) -> Main.run(args, commandOut, new PrintWriter(java.io.Writer.nullWriter())), corpus);
                out.flush();
                return r.mismatches() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
            }
            // The production command line, as `java -jar nianbao.jar` runs it.
            Bench.Runner runner = (args, commandOut) -> Main.run(args, commandOut, new PrintWriter(java.io.Writer.nullWriter()));
            Bench bench = new Bench(work, filings, seed, threads, out);
            Bench.Result r = years > 0 ? bench.runYears(runner, years) : bench.run(runner, templates, findings, !noOpenpyxl);
            out.flush();
            return r.countsMatch() ? ExitCodes.OK : ExitCodes.FINDINGS;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
