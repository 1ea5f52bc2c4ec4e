package cn.nianbao.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.ChineseText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {
    @TempDir
    Path dir;

    private Filing filing(String format, int year, String agency, String code, Map<String, BigDecimal> set) throws IOException {
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get(format));
        v.putAll(set);
        Path f = dir.resolve(year + "-" + agency + "-" + System.nanoTime() + ".xlsx");
        return new WorkbookReader(TestSupport.FORMATS).read(TestSupport.filled(TestSupport.request(format, year, agency, code), v, f)).filing();
    }

    private static Map<String, BigDecimal> carried(String row, long natural) {
        return Map.of("t3." + row + ".natural", BigDecimal.valueOf(natural));
    }

    @Test
    void agenciesAreMatchedByCodeThenNameThenAlias() throws IOException {
        List<Filing> prev = List.of(
                filing("2021", 2023, "衢州市应急管理局", "11330800002618736G", Map.of()),
                filing("2021", 2023, "焦作市 应急管理局", "", Map.of()),
                filing("2021", 2023, "尖山區應急管理局", "", Map.of()),
                filing("2021", 2023, "某市安全生产监督管理局", "", Map.of()),
                filing("2021", 2023, "已撤销的局", "", Map.of()));
        List<Filing> cur = List.of(
                filing("2021", 2024, "衢州市应急局（更名）", "11330800002618736G", Map.of()),
                filing("2021", 2024, "焦作市应急管理局", "", Map.of()),
                filing("2021", 2024, "尖山区应急管理局", "", Map.of()),
                filing("2021", 2024, "某市应急管理局", "", Map.of()),
                filing("2021", 2024, "新设的局", "", Map.of()));
        Aliases aliases = Aliases.of(Map.of("某市应急管理局", List.of("某市安全生产监督管理局")));
        Reconciliation r = Reconciler.reconcile(cur, prev, aliases, null);
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.matches()).extracting(m -> m.current().agency() + "=" + m.previous().agency() + " by " + m.by())
                .containsExactlyInAnyOrder(
                        "衢州市应急局（更名）=衢州市应急管理局 by 统一社会信用代码",
                        "焦作市应急管理局=焦作市 应急管理局 by 单位名称",
                        "尖山区应急管理局=尖山區應急管理局 by 单位名称",
                        "某市应急管理局=某市安全生产监督管理局 by 别名");
        assertThat(r.onlyCurrent()).extracting(Filing::agency).containsExactly("新设的局");
        assertThat(r.onlyPrevious()).extracting(Filing::agency).containsExactly("已撤销的局");
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("M1", "M2");
        assertThat(r.findings()).allMatch(f -> f.severity() == Severity.WARNING);
        // M1 in one wording, the same as collect's.
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("M1")).singleElement().extracting(Finding::message)
                .isEqualTo("上年（2023年）没有找到新设的局的报表（按统一社会信用代码、单位名称和别名均未匹配），无法核对上年结转");
    }

    @Test
    void carriedOverMustEqualLastYearsCarryForwardAcrossTheFormatChange() throws IOException {
        // 2020 was filed in the 2019 format, 2021 in the 2021 format; table 三's rows are shared.
        Filing y2020 = filing("2019", 2020, "某局", "", Map.of("t3.received.natural", BigDecimal.valueOf(5),
                "t3.other.natural", BigDecimal.valueOf(2), "t3.carry_forward.natural", BigDecimal.valueOf(3)));
        Filing good = filing("2021", 2021, "某局", "", Map.of("t3.carried_over.natural", BigDecimal.valueOf(3),
                "t3.other_2.natural", BigDecimal.valueOf(3)));
        assertThat(Reconciler.reconcile(List.of(good), List.of(y2020), Aliases.none(), null).findings()).isEmpty();

        Filing bad = filing("2021", 2021, "某局", "", Map.of("t3.carried_over.natural", BigDecimal.valueOf(4),
                "t3.other_2.natural", BigDecimal.valueOf(4)));
        List<Finding> f = Reconciler.reconcile(List.of(bad), List.of(y2020), Aliases.none(), null).findings();
        assertThat(f).extracting(Finding::ruleId).containsExactly("C1", "C1");
        assertThat(f.get(0).column()).isEqualTo("自然人");
        // 应为: what 二 must hold (last year's 四); 实为: what this year's 二 holds.
        assertThat(f.get(0).required()).isEqualByComparingTo("3");
        assertThat(f.get(0).held()).isEqualByComparingTo("4");
        assertThat(f.get(0).cell()).isEqualTo("D7");
        assertThat(f.get(0).message()).contains("上年“四、结转下年度继续办理”");
    }

    @Test
    void c2IsAWarningAndDoesNotApplyAcrossTheFormatChange() throws IOException {
        Filing y2023 = filing("2021", 2023, "某局", "", Map.of("t2.art20_1.rules.in_force", BigDecimal.TEN));
        Filing y2024 = filing("2021", 2024, "某局", "", Map.of("t2.art20_1.rules.in_force", BigDecimal.ONE));
        List<Finding> f = Reconciler.reconcile(List.of(y2024), List.of(y2023), Aliases.none(), null).findings();
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("C2");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
        });
        Filing y2020 = filing("2019", 2020, "某局", "", Map.of());
        Filing y2021 = filing("2021", 2021, "某局", "", Map.of("t2.art20_1.rules.in_force", BigDecimal.ONE));
        assertThat(Reconciler.reconcile(List.of(y2021), List.of(y2020), Aliases.none(), null).findings()).isEmpty();
    }

    @Test
    void twoFilingsOfOneAgencyAndFilingsForAnotherYearAreReported() throws IOException {
        Filing a = filing("2021", 2024, "某局", "", Map.of());
        Filing b = filing("2021", 2024, "某 局", "", Map.of());
        Filing stray = filing("2021", 2022, "别的局", "", Map.of());
        Reconciliation r = Reconciler.reconcile(List.of(a, b, stray), List.of(), Aliases.none(), null);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("D1", "D1", "Y1", "M1");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("D1")).extracting(Finding::file)
                .containsExactlyInAnyOrder(a.file(), b.file());
    }

    @Test
    void aliasesLoadFromUtf8OrGbkCsv() throws IOException {
        String csv = "单位名称,别名\n某市应急管理局,某市安全生产监督管理局|某市安监局\n";
        Path utf8 = Files.writeString(dir.resolve("a.csv"), "\ufeff" + csv, StandardCharsets.UTF_8);
        Path gbk = Files.write(dir.resolve("b.csv"), csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        for (Path p : new Path[] {utf8, gbk}) {
            Aliases a = Aliases.load(p);
            assertThat(a.key("某市安监局")).isEqualTo(a.key("某市应急管理局"));
        }
        Path en = Files.writeString(dir.resolve("c.csv"), "name,aliases\nA局,B局\n");
        assertThat(Aliases.load(en).key("B局")).isEqualTo(ChineseText.name("A局"));
    }

    @Test
    void namesAreNormalized() {
        assertThat(ChineseText.name(" 尖山區 應急管理局 ")).isEqualTo(ChineseText.name("尖山区应急管理局"));
        assertThat(ChineseText.name("ＡＢＣ（一）")).isEqualTo(ChineseText.name("abc(一)"));
        List<String> distinct = new ArrayList<>(List.of("甲局", "乙局"));
        assertThat(distinct.stream().map(ChineseText::name).distinct()).hasSize(2);
    }
}
