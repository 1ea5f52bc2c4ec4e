package cn.nianbao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two jars as built (Failsafe runs this in `mvn verify`, after packaging): the benchmark runs
 * from target/nianbao-bench.jar against the production jar beside it and finds exactly the
 * planted errors (a fast wrong answer is no answer); target/nianbao.jar carries no bench class,
 * no Python script, and no {@code bench} command. A benchmark, not a unit test: `mvn test` does
 * not spend time on it, CI (.ci/run runs mvn verify) still does.
 */
class BenchJarIT {
    private static final Path TARGET = Path.of(System.getProperty("nianbao.target",
            TestSupport.repo().resolve("target").toString()));
    private static final Path PRODUCTION = TARGET.resolve("nianbao.jar");
    private static final Path BENCH = TARGET.resolve("nianbao-bench.jar");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** {@code java -jar JAR ARGS} in a child JVM, as a user runs it. */
    private Run java(Path jar, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-jar", jar.toString()));
        Collections.addAll(cmd, args);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out).redirectError(err).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", cmd)).isTrue();
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void theBenchJarFindsExactlyThePlantedErrors() throws Exception {
        Path work = Files.createDirectories(dir.resolve("bench"));
        Run r = java(BENCH, "bench", "-n", "60", "--templates", "2", "--findings", "500", "--dir", work.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("发现问题 (\\d+) 条，埋入 \\1 条：一致").contains("单线程读取 + 检查")
                .contains("发出个性化模板 2 份").contains("写出 500 行问题清单")
                .as("the openpyxl script travels in the bench jar").contains("openpyxl").doesNotContain("缺少脚本");
        assertThat(work.resolve("2024")).isDirectoryContaining("glob:**/基准测试单位00060-2024.xlsx");
    }

    /** Reconciliation over several years at a small scale: both formats, gaps and renames, every planted finding found. */
    @Test
    void theBenchOverSeveralYearsFindsExactlyThePlantedFindingsAndGaps() throws Exception {
        Path work = Files.createDirectories(dir.resolve("years"));
        Run r = java(BENCH, "bench", "--years", "6", "-n", "40", "--seed", "2", "--dir", work.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("生成 6 年 × 40 个单位").containsPattern("发现问题 (\\d+) 条，埋入 \\1 条：一致；中间缺报 2 处，埋入 2 处");
        assertThat(Files.readAllLines(work.resolve("别名.csv"))).as("one agency renamed").hasSize(2);
        assertThat(work.resolve("历年/2019")).isDirectoryContaining("glob:**/*-2019.xlsx");
        assertThat(work.resolve("历年核对.xlsx")).exists();
    }

    @Test
    void theReportsBenchImportsTheCorpusTheJarCarriesAndFindsWhatTheMeasureFound() throws Exception {
        Path work = Files.createDirectories(dir.resolve("reports"));
        Run r = java(BENCH, "bench", "--reports", "120", "--threads", "2", "--dir", work.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("导入基准：120 份报告").contains("导入的读取（2 线程")
                .contains("读出的数字与语料测量（expected.tsv）一致").containsPattern("import 命令（一个进程，逐份读取，写 CSV）：120 份")
                .containsPattern("按形式（单线程、预热后.*）：文字 [0-9.]+ 毫秒/份，CPU [0-9.]+.*网页 [0-9.]+ 毫秒/份.*PDF [0-9.]+ 毫秒/份")
                .contains("10 页 PDF");
        assertThat(work.resolve("报告")).isDirectoryContaining("glob:**/0120_*");
        Run negative = java(BENCH, "bench", "--reports", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("--reports 不能是负数");
    }

    @Test
    void theProductionJarHasNoBench() throws Exception {
        List<String> entries;
        try (ZipFile zip = new ZipFile(PRODUCTION.toFile())) {
            entries = zip.stream().map(e -> e.getName()).toList();
        }
        assertThat(entries).as("the production jar is the real one").contains("cn/nianbao/cli/Main.class")
                .noneMatch(e -> e.startsWith("cn/nianbao/bench/") || e.contains("Bench") || e.endsWith(".py"))
                .as("nor the corpus the bench imports").noneMatch(e -> e.contains("corpus") || e.endsWith(".pdf"));
        Run help = java(PRODUCTION, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("reconcile").doesNotContain("bench");
        Run bench = java(PRODUCTION, "bench", "-n", "1");
        assertThat(bench.code()).isEqualTo(2);
        assertThat(bench.err()).contains("未知命令“bench”");
    }

    @Test
    void theBenchJarIsNianbaoWithBenchAdded() throws Exception {
        Run help = java(BENCH, "--help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("reconcile").contains("bench      性能基准");
        Run benchHelp = java(BENCH, "bench", "--help");
        assertThat(benchHelp.code()).isZero();
        assertThat(benchHelp.out()).startsWith("用法：nianbao bench").contains("--no-openpyxl").contains("显示版本并退出");
        Run usage = java(BENCH, "bench", "-n", "0");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("错误：--filings 至少为 1");
    }
}
