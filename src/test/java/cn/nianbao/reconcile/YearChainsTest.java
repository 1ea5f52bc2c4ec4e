package cn.nianbao.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.History;
import cn.nianbao.read.WorkbookReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YearChainsTest {
    @TempDir
    Path dir;

    private Filing filing(int year, String agency, String code, Map<String, BigDecimal> set) throws IOException {
        String format = TestSupport.FORMATS.forYear(year).id();
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get(format));
        v.putAll(set);
        Path f = Files.createDirectories(dir.resolve(Integer.toString(year))).resolve(agency + "-" + code + ".xlsx");
        return new WorkbookReader(TestSupport.FORMATS).read(TestSupport.filled(TestSupport.request(format, year, agency, code), v, f))
                .filing();
    }

    private static Map<String, BigDecimal> carried(long in, long out) {
        return Map.of("t3.carried_over.natural", BigDecimal.valueOf(in), "t3.disclosed.natural", BigDecimal.valueOf(in),
                "t3.received.natural", BigDecimal.valueOf(out), "t3.carry_forward.natural", BigDecimal.valueOf(out));
    }

    private static List<String> codes(History h) {
        List<String> out = new ArrayList<>();
        for (Finding f : h.findings()) {
            out.add(f.ruleId() + " " + Path.of(f.file()).getParent().getFileName() + "/" + Path.of(f.file()).getFileName());
        }
        return out;
    }

    @Test
    void consecutiveYearsAreReconciledAcrossTheFormatChangeAndAGapIsNotBridged() throws IOException {
        // 2020 (2019 format) carries 3 forward, 2021 takes 3 over and carries 5; 2022 is missing; 2023 takes 4 over.
        List<Filing> all = List.of(
                filing(2020, "某局", "", carried(0, 3)),
                filing(2021, "某局", "", carried(3, 5)),
                filing(2023, "某局", "", carried(4, 0)),
                filing(2024, "某局", "", carried(1, 0)));
        History h = YearChains.build(all, Aliases.none(), YearChains.Span.ALL, 2027);
        assertThat(h.firstYear()).isEqualTo(2020);
        assertThat(h.lastYear()).isEqualTo(2024);
        assertThat(h.chains()).singleElement().satisfies(c -> {
            assertThat(c.links()).extracting(l -> l.previous().year() + "→" + l.current().year())
                    .containsExactly("2020→2021", "2023→2024");
            assertThat(c.gaps()).extracting(l -> l.previous().year() + "→" + l.current().year()).containsExactly("2021→2023");
        });
        // 2021 takes over 2020's 3 (no C1 across the format change); 2023's 4 is not compared with 2021's 5 (M3 instead);
        // 2024 takes over 1 where 2023 carried 0: C1 in the column and its total.
        assertThat(codes(h)).containsExactly("M3 2023/某局-.xlsx", "C1 2024/某局-.xlsx", "C1 2024/某局-.xlsx");
    }

    @Test
    void oneAgencyByCodeNameOrAliasAndTwoAgenciesWhereTheIndexTellsThemApart() throws IOException {
        List<Filing> all = List.of(
                filing(2022, "旧名局", "11330800002618736G", Map.of()),
                filing(2023, "新名局", "11330800002618736G", Map.of()),   // renamed, same code
                filing(2022, "某市安监局", "", Map.of()),
                filing(2023, "某市应急局", "", Map.of()),               // renamed, by the aliases
                filing(2022, "同名局", "913300001000000000", Map.of()),
                filing(2022, "同名局", "12330800MB1234567X", Map.of()),  // same name and year, other code: another agency
                filing(2023, "同名局", "913300001000000000", Map.of()),
                filing(2023, "同名局", "12330800MB1234567X", Map.of()));
        History h = YearChains.build(all, Aliases.of(Map.of("某市应急局", List.of("某市安监局"))), YearChains.Span.ALL, 2027);
        assertThat(h.chains()).extracting(c -> c.agency() + " " + c.years().size() + " " + c.links().get(0).by())
                .containsExactlyInAnyOrder("新名局 2 统一社会信用代码", "某市应急局 2 别名", "同名局 2 统一社会信用代码",
                        "同名局 2 统一社会信用代码");
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void yearsOutsideTheSpanAreSetAsideAndAYearOfNoReportIsY2() throws IOException {
        Filing old = filing(2018, "某局", "", Map.of());
        Filing in = filing(2019, "某局", "", Map.of());
        Filing future = filing(2027, "某局", "", Map.of());
        History h = YearChains.build(List.of(old, in, future), Aliases.none(), new YearChains.Span(2019, 2025), 2026);
        assertThat(h.outside()).containsExactly(old);
        assertThat(h.undated()).containsExactly(future);
        assertThat(codes(h)).containsExactly("Y2 2027/某局-.xlsx", "M2 2019/某局-.xlsx");
        assertThat(h.findings().get(0).message()).contains("报表年度为2027年，不是可能的报告年度（应在2008年到2026年之间）");
        // The span asked for is the run's: the agency's chain ends before 2025 (M2).
        assertThat(h.findings().get(1).message()).isEqualTo("某局有2019年的报表，没有收到2020–2025年的（历年核对到2025年）");
        assertThat(h.firstYear()).isEqualTo(2019);
        assertThat(h.lastYear()).isEqualTo(2025);
    }
}
