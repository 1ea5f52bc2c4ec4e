package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark is a developer's tool (src/bench, target/nianbao-bench.jar): compiled in every
 * build into target/bench-classes, but never into the production classes that make nianbao.jar,
 * and `nianbao --help` does not offer it. (BenchJarIT checks the built jars themselves.)
 */
class NoBenchInProductionTest {
    private static final List<String> BENCH_CLASSES = List.of("cn.nianbao.bench.Bench", "cn.nianbao.bench.BenchData",
            "cn.nianbao.bench.FilledWorkbooks", "cn.nianbao.bench.BenchCommand", "cn.nianbao.bench.BenchMain",
            "cn.nianbao.cli.BenchCommand");

    @Test
    void theProductionClassesHoldNoBenchClassAndNoScript() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("cn/nianbao/cli/Main.class")).as("the production classes folder").exists();
        try (URLClassLoader production = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(production.getResource("cn/nianbao/cli/Main.class")).isNotNull();
            for (String name : BENCH_CLASSES) {
                assertThatThrownBy(() -> Class.forName(name, false, production)).as(name)
                        .isInstanceOf(ClassNotFoundException.class);
            }
        }
        try (Stream<Path> s = Files.walk(classes)) {
            assertThat(s.map(p -> classes.relativize(p).toString().replace('\\', '/')))
                    .noneMatch(p -> p.startsWith("cn/nianbao/bench") || p.startsWith("bench") || p.contains("Bench")
                            || p.endsWith(".py"));
        }
        // ... and it is compiled all the same, beside them, so it cannot rot.
        Path bench = classes.resolveSibling("bench-classes");
        assertThat(bench.resolve("cn/nianbao/bench/Bench.class")).exists();
        assertThat(bench.resolve("cn/nianbao/bench/BenchMain.class")).exists();
        assertThat(bench.resolve("cn/nianbao/bench/openpyxl_read.py")).exists();
    }

    @Test
    void theUnitTestsRunWithoutTheBenchClasses() {
        for (String name : BENCH_CLASSES) {
            assertThatThrownBy(() -> Class.forName(name, false, NoBenchInProductionTest.class.getClassLoader())).as(name)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void nianbaosCommandsDoNotOfferBench() {
        assertThat(Main.commandLine().getSubcommands()).doesNotContainKey("bench");
        CliTest.Run help = CliTest.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("reconcile").doesNotContain("bench");
    }
}
