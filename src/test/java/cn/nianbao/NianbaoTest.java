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

    @Test
    void reconcileAndARoundThroughTheEntryPoints() throws Exception {
        Nianbao nb = Nianbao.withBuiltInFormats();
        Map<String, BigDecimal> y23 = TestSupport.zeros(nb.formats().get("2021"));
        y23.put("t3.received.natural", BigDecimal.valueOf(2));
        y23.put("t3.carry_forward.natural", BigDecimal.valueOf(2));
        Filing before = nb.read(TestSupport.filled(TestSupport.request("2021", 2023, "旧名局", ""), y23, dir.resolve("a.xlsx"))).filing();
        Map<String, BigDecimal> y24 = TestSupport.zeros(nb.formats().get("2021"));
        y24.put("t3.carried_over.natural", BigDecimal.valueOf(3));
        y24.put("t3.disclosed.natural", BigDecimal.valueOf(3));
        Filing now = nb.read(TestSupport.filled(TestSupport.request("2021", 2024, "新名局", ""), y24, dir.resolve("b.xlsx"))).filing();
        cn.nianbao.model.Reconciliation rec = nb.reconcile(List.of(now), List.of(before), Map.of("新名局", List.of("旧名局")), null);
        assertThat(rec.year()).isEqualTo(2024);
        assertThat(rec.matches()).singleElement().satisfies(m -> assertThat(m.matchedBy()).isEqualTo(cn.nianbao.model.MatchedBy.ALIAS));
        assertThat(rec.findings()).extracting(Finding::ruleId).containsExactly("C1", "C1");
        // The same two years as a chain of years: one agency through the aliases, the same C1.
        cn.nianbao.model.History history = nb.reconcileYears(List.of(now, before), Map.of("新名局", List.of("旧名局")), null, null);
        assertThat(history.chains()).singleElement().satisfies(c -> assertThat(c.links()).singleElement()
                .satisfies(l -> assertThat(l.matchedBy()).isEqualTo(cn.nianbao.model.MatchedBy.ALIAS)));
        assertThat(history.findings()).extracting(Finding::ruleId).containsExactly("C1", "C1");

        Path inbox = dir.resolve("收件");
        TestSupport.copyTree(TestSupport.fixtures().resolve("round/收件"), inbox);
        cn.nianbao.round.RoundFixtures.setTimes(inbox);
        cn.nianbao.model.RoundResult round = nb.collect(TestSupport.fixtures().resolve("round/名册.csv"), 2024, null, inbox,
                dir.resolve("附件"), null);
        assertThat(round.deadline()).hasToString("2025-01-31");
        assertThat(round.agencies()).hasSize(5);
        assertThat(round.count(cn.nianbao.model.RoundStatus.MISSING)).isEqualTo(1);
        assertThat(round.count(cn.nianbao.model.RoundStatus.ERRORS)).isEqualTo(1);
        assertThat(round.agencies()).filteredOn(a -> a.name().equals("焦作市应急管理局")).singleElement()
                .satisfies(a -> assertThat(a.filing().agency()).isEqualTo("焦作市应急管理局"));
        assertThat(round.items()).allMatch(i -> i.state() != null).extracting(cn.nianbao.model.RoundResult.Item::origin)
                .anyMatch(o -> o.contains("焦作-更正.eml"));
        assertThat(round.reconciled()).isNull();
    }
}
