package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small bench run: the real reconcile must find exactly the planted errors (a fast wrong answer
 * is no answer). A benchmark, not a unit test: Failsafe runs it in `mvn verify` (integration-test
 * phase), so CI checks it and `mvn test` does not spend half a minute on it.
 */
class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void theFindingsEqualThePlantedErrors() {
        CliTest.Run r = CliTest.run("bench", "-n", "60", "--templates", "2", "--findings", "500", "--no-openpyxl",
                "--dir", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("发现问题 (\\d+) 条，埋入 \\1 条：一致").contains("单线程读取 + 检查")
                .contains("发出个性化模板 2 份").contains("写出 500 行问题清单");
        assertThat(dir.resolve("2024")).isDirectoryContaining("glob:**/基准测试单位00060-2024.xlsx");
    }
}
