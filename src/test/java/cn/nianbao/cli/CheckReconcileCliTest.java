package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReconcileCliTest {
    @TempDir
    Path dir;

    private Path filing(Path folder, String agency, int year, Map<String, BigDecimal> set) throws IOException {
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        v.putAll(set);
        return TestSupport.filled(TestSupport.request("2021", year, agency, ""), v,
                Files.createDirectories(folder).resolve(agency + "-" + year + ".xlsx"));
    }

    @Test
    void checkExitsZeroWhenCleanAndOneWithErrors() throws IOException {
        Path clean = dir.resolve("clean");
        filing(clean, "甲局", 2024, Map.of());
        CliTest.Run ok = CliTest.run("check", clean.toString(), "-o", dir.resolve("ok.xlsx").toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("文件 1 个 = 读取 1 + 无法读取 0 + 跳过 0；单位 1 个").contains("错误 0 条")
                .contains("问题清单：");
        assertThat(dir.resolve("ok.xlsx")).exists();

        Path mixed = dir.resolve("mixed");
        filing(mixed, "甲局", 2024, Map.of("t3.received.natural", BigDecimal.ONE));
        filing(mixed, "乙局", 2024, Map.of());
        Files.writeString(mixed.resolve("坏.xlsx"), "x");
        CliTest.Run bad = CliTest.run("check", mixed.toString(), "-o", dir.resolve("bad.xlsx").toString(),
                "--returns", dir.resolve("退回").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("文件 3 个 = 读取 2 + 无法读取 1 + 跳过 0；单位 2 个").contains("无法读取：")
                .contains("退回标注副本：1 份");
        assertThat(dir.resolve("退回/甲局-2024-问题标注.xlsx")).exists();
    }

    @Test
    void reconcileReportsC1AndMissingAgencies() throws IOException {
        Path prev = dir.resolve("2023");
        Path cur = dir.resolve("2024");
        filing(prev, "甲局", 2023, Map.of("t3.received.natural", BigDecimal.valueOf(2), "t3.carry_forward.natural", BigDecimal.valueOf(2)));
        filing(prev, "丙局", 2023, Map.of());
        filing(cur, "甲局", 2024, Map.of("t3.carried_over.natural", BigDecimal.ONE, "t3.disclosed.natural", BigDecimal.ONE));
        filing(cur, "乙局", 2024, Map.of());
        Path out = dir.resolve("对账.xlsx");
        CliTest.Run r = CliTest.run("reconcile", "--previous", prev.toString(), "--current", cur.toString(),
                "-o", out.toString(), "--returns", dir.resolve("退回").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("本年：2024年；上年：2023年")
                .contains("跨年匹配 1 对（按统一社会信用代码 0，按单位名称 1，按别名 0）；上年没有报表 1 个，本年未报 1 个")
                .contains("退回标注副本：1 份");
        assertThat(out).exists();
        assertThat(dir.resolve("退回/甲局-2024-问题标注.xlsx")).exists();
        assertThat(dir.resolve("退回/乙局-2024-问题标注.xlsx")).as("M1 is the supervisor's, not the clerk's").doesNotExist();
        assertThat(dir.resolve("退回/丙局-2023-问题标注.xlsx")).as("only this year's agencies get copies").doesNotExist();
    }

    @Test
    void reconcileCountsThePairsByHowTheyWereMatched() throws IOException {
        Path prev = dir.resolve("2023");
        Path cur = dir.resolve("2024");
        String code = "11330800002618736G";
        for (String[] f : new String[][] {{"甲局", code}, {"乙 局", ""}, {"某市安全生产监督管理局", ""}}) {
            TestSupport.filled(TestSupport.request("2021", 2023, f[0], f[1]), TestSupport.zeros(TestSupport.FORMATS.get("2021")),
                    Files.createDirectories(prev).resolve(f[0] + ".xlsx"));
        }
        for (String[] f : new String[][] {{"甲局（更名后）", code}, {"乙局", ""}, {"某市应急管理局", ""}}) {
            TestSupport.filled(TestSupport.request("2021", 2024, f[0], f[1]), TestSupport.zeros(TestSupport.FORMATS.get("2021")),
                    Files.createDirectories(cur).resolve(f[0] + ".xlsx"));
        }
        Path aliases = Files.writeString(dir.resolve("别名.csv"), "单位名称,别名\n某市应急管理局,某市安全生产监督管理局\n");
        CliTest.Run r = CliTest.run("reconcile", "--previous", prev.toString(), "--current", cur.toString(),
                "--aliases", aliases.toString(), "-o", dir.resolve("对账.xlsx").toString());
        assertThat(r.out()).as(r.out() + r.err())
                .contains("跨年匹配 3 对（按统一社会信用代码 1，按单位名称 1，按别名 1）；上年没有报表 0 个，本年未报 0 个");
    }

    @Test
    void d1IsOneAgencyOneYearTwoFilingsNotOneAgencyOverSeveralYears() throws IOException {
        Path all = dir.resolve("历年");
        for (int y = 2021; y <= 2024; y++) {
            filing(all.resolve(Integer.toString(y)), "甲局", y, Map.of());
            filing(all.resolve(Integer.toString(y)), "乙局", y, Map.of());
        }
        CliTest.Run years = CliTest.run("check", all.toString());
        assertThat(years.code()).as(years.out()).isZero();
        assertThat(years.out()).contains("文件 8 个").contains("错误 0 条");

        filing(all.resolve("2024/重复"), "甲局", 2024, Map.of());
        CliTest.Run twice = CliTest.run("check", all.toString(), "-o", dir.resolve("d1.xlsx").toString());
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.out()).contains("错误 2 条");
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(dir.resolve("d1.xlsx").toFile(), null, true)) {
            var list = wb.getSheet("问题清单");
            assertThat(list.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                assertThat(list.getRow(r).getCell(7).getStringCellValue()).isEqualTo("D1");
                assertThat(list.getRow(r).getCell(9).getStringCellValue()).contains("甲局在2024年有两份报表");
            }
        }
    }

    @Test
    void reconcileNeedsBothYears() {
        assertThat(CliTest.run("reconcile", "--current", dir.toString()).code()).isEqualTo(2);
        assertThat(CliTest.run("check", dir.toString(), "--aliases", dir.resolve("none.csv").toString()).code())
                .isEqualTo(2);
    }
}
