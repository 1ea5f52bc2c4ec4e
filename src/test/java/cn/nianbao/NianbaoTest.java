package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry points, used as another Java system would. */
class NianbaoTest {
    @TempDir
    Path dir;

    @Test
    void writeReadCheckAndCarryOverThroughTheEntryPoints() throws IOException {
        Nianbao nb = Nianbao.withBuiltInFormats();
        assertThat(nb.formats().ids()).containsExactly("2019", "2021");

        Map<String, BigDecimal> last = TestSupport.zeros(nb.formats().get("2021"));
        last.put("t3.received.natural", BigDecimal.valueOf(4));
        last.put("t3.carry_forward.natural", BigDecimal.valueOf(4));
        Path y2023 = TestSupport.filled(TestSupport.request("2021", 2023, "某局", ""), last, dir.resolve("2023/某局.xlsx"));
        Filing previous = nb.read(y2023).filing();

        Path template = dir.resolve("2024/某局-2024.xlsx");
        List<String> warnings = nb.writeTemplate(nb.formats().forYear(2024), 2024, "某局", "", previous, "口令", template);
        assertThat(warnings).isEmpty();
        ReadResult blank = nb.read(template);
        assertThat(blank.readable()).isTrue();
        assertThat(blank.filing().value("t3.carried_over.natural").number()).isEqualByComparingTo("4");
        List<Finding> found = nb.check(blank.filing());
        assertThat(found).extracting(Finding::ruleId).contains("V7", "R1");
        assertThat(nb.checkAcrossYears(blank.filing(), previous)).as("二 = last year's 四").isEmpty();

        Files.writeString(dir.resolve("2024/说明.txt"), "not a workbook");
        List<ReadResult> all = nb.readAll(List.of(dir));
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(ReadResult::skipped).singleElement()
                .satisfies(r -> assertThat(r.file()).endsWith("说明.txt"));
        assertThat(nb.read(dir.resolve("nope.xlsx")).reason()).contains("不存在");
    }
}
