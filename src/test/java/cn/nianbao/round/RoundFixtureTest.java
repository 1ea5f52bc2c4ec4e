package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.read.WorkbookReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/round is the demo's collection round; -Dfixtures.update=true rebuilds its inbox from
 * fixtures/demo and fixtures/seeds. The round must come out exactly as the demo describes it.
 */
class RoundFixtureTest {
    @TempDir
    Path tmp;

    static Collector.Round demoRound(Path tmp) throws IOException {
        Path fixtures = TestSupport.fixtures();
        if (Boolean.getBoolean("fixtures.update")) {
            RoundFixtures.build(fixtures);
        }
        Path inbox = tmp.resolve("收件");
        TestSupport.copyTree(fixtures.resolve("round/收件"), inbox);
        RoundFixtures.setTimes(inbox);
        Roster roster = Roster.load(fixtures.resolve("round/名册.csv"));
        List<Filing> previous = new java.util.ArrayList<>();
        for (String n : List.of("焦作市应急管理局-2023.xlsx", "聊城市应急管理局-2023.xlsx", "尖山区应急管理局-2023.xlsx")) {
            previous.add(new WorkbookReader(TestSupport.FORMATS).read(fixtures.resolve("seeds").resolve(n)).filing());
        }
        List<Inbox.Item> items = Inbox.open(inbox, tmp.resolve("附件"));
        return new Collector(TestSupport.FORMATS, roster, 2024, TestSupport.FORMATS.forYear(2024), LocalDate.of(2025, 1, 31)).collect(items, previous, 1, n -> { });
    }

    @Test
    void theDemoRoundComesOutAsDescribed() throws IOException {
        Collector.Round round = demoRound(tmp);
        Map<String, String> status = new LinkedHashMap<>();
        round.agencies().forEach(a -> status.put(a.agency().name(), a.status().chinese() + (a.late() ? "，逾期" : "")
                + (a.current() == null ? "" : "，" + a.current().matchedBy().chinese())));
        assertThat(status).containsExactly(
                Map.entry("衢州市应急管理局", "已提交-通过，统一社会信用代码"),
                Map.entry("焦作市应急管理局", "已提交-通过，单位名称"),
                Map.entry("聊城市应急管理局", "已提交-有错误，逾期，单位名称"),
                Map.entry("尖山区应急管理局", "已提交-通过，单位名称"),
                Map.entry("应急管理部", "未提交"));
        // Every finding of each current report, exactly: 衢州 has no 2023 report here (M1, the supervisor's
        // own warning), 聊城's 2024 report leaves 四、结转 of 自然人 blank and so breaks R1 in that column and in 总计.
        Map<String, List<String>> findings = new LinkedHashMap<>();
        round.agencies().stream().filter(a -> a.current() != null).forEach(a -> findings.put(a.agency().name(),
                a.current().report().findings().stream().map(f -> f.ruleId() + "@" + f.cell()).sorted().toList()));
        assertThat(findings).containsExactly(
                Map.entry("衢州市应急管理局", List.of("M1@null")),
                Map.entry("焦作市应急管理局", List.of()),
                Map.entry("聊城市应急管理局", List.of("R1@D30", "R1@J30", "V7@D30")),
                Map.entry("尖山区应急管理局", List.of()));
        // M1 in the reconciler's one wording (reconcile says the same).
        assertThat(round.agencies().get(0).current().report().findings()).singleElement().extracting(f -> f.message())
                .isEqualTo("上年（2023年）没有找到衢州市应急管理局的报表（按统一社会信用代码、单位名称和别名均未匹配），无法核对上年结转");
        Map<String, String> items = round.submissions().stream().collect(Collectors.toMap(
                s -> s.item().origin().substring(s.item().origin().indexOf("收件")), s -> s.state().chinese(),
                (a, b) -> a + "+" + b, LinkedHashMap::new));
        assertThat(items).containsExactly(
                Map.entry("收件/尖山区应急管理局.zip » 尖山区应急管理局2024年报表.xlsx", "当前报送"),
                Map.entry("收件/尖山区应急管理局.zip » 填报说明.txt", "跳过"),
                Map.entry("收件/焦作-更正.eml » 附件 焦作市应急管理局-2024（更正）.xlsx", "当前报送"),
                Map.entry("收件/焦作-第一次报送.eml » 附件 焦作市应急管理局-2024.xlsx", "被替代"),
                Map.entry("收件/聊城回复.eml » 附件 聊城市应急管理局2024年报表.xlsx", "当前报送"),
                Map.entry("收件/衢州市应急管理局-2024.xlsx", "当前报送"));
        Collector.AgencyStatus jiaozuo = round.agencies().get(1);
        assertThat(jiaozuo.superseded()).singleElement().satisfies(s -> assertThat(
                s.report().read().filing().value("t3.carried_over.natural").number()).isEqualByComparingTo("1"));
        assertThat(round.reconciled().matches()).hasSize(3);
    }
}
