package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: exit codes, what they print, what they write. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void templateThenReadGivesEveryCellBackAsCsv() throws IOException {
        Path t = dir.resolve("衢州市应急管理局-2024.xlsx");
        Run issue = run("template", "--year", "2024", "--agency", "衢州市应急管理局", "--code", "11330800002618736G",
                "-o", t.toString());
        assertThat(issue.code()).as(issue.err()).isZero();
        assertThat(issue.out()).contains("已生成模板").contains("2021年版");

        Map<String, BigDecimal> values = TestSupport.zeros(cn.nianbao.TestSupport.FORMATS.get("2021"));
        values.put("t3.withheld_3.natural", new BigDecimal("7"));
        values.put("t3.received.natural", new BigDecimal("7"));
        values.put("t2.art20_8.fees.amount", new BigDecimal("24252.311082"));
        values.remove("t4.suit_after_review.upheld");
        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "衢州市应急管理局", "11330800002618736G"),
                values, dir.resolve("filled.xlsx"));
        Path csv = dir.resolve("out.csv");
        Run read = run("read", filled.toString(), "--csv", csv.toString());
        assertThat(read.code()).as(read.out() + read.err()).isZero();
        assertThat(read.out()).contains("有警告").contains("V7").contains("未填写：空白不等于0").contains("CSV 已写入");

        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst()).hasValue("file,agency,code,year,format,table,row,column,value");
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
        }
        assertThat(rows).hasSize(10 + 25 * 7 + 15);
        assertThat(rows).filteredOn(r -> r.get("row").equals("三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”")
                && r.get("column").equals("自然人")).singleElement().satisfies(r -> {
                    assertThat(r.get("value")).isEqualTo("7");
                    assertThat(r.get("table")).isEqualTo("三");
                    assertThat(r.get("agency")).isEqualTo("衢州市应急管理局");
                    assertThat(r.get("year")).isEqualTo("2024");
                    assertThat(r.get("format")).isEqualTo("2021");
                });
        assertThat(rows).filteredOn(r -> r.get("row").equals("第二十条第（八）项/行政事业性收费"))
                .singleElement().satisfies(r -> assertThat(r.get("value")).isEqualTo("24252.311082"));
        assertThat(rows).filteredOn(r -> r.get("row").equals("行政诉讼/复议后起诉") && r.get("column").equals("结果维持"))
                .singleElement().satisfies(r -> assertThat(r.get("value")).as("blank stays empty").isEmpty());
    }

    @Test
    void aRuleBrokenInTheFileMakesReadExitWithOne() throws IOException {
        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "某单位", ""),
                Map.of("t3.received.natural", new BigDecimal("3"), "t3.disclosed.natural", BigDecimal.ONE),
                dir.resolve("r1.xlsx"));
        Run read = run("read", filled.toString());
        assertThat(read.code()).isEqualTo(1);
        assertThat(read.out()).contains("有错误").contains("R1").contains("左边为3，右边为1");
    }

    @Test
    void badUsageExitsWithTwoAndAChineseMessage() {
        Run badCode = run("template", "--year", "2024", "--agency", "某局", "--code", "11330800002618736H");
        assertThat(badCode.code()).isEqualTo(2);
        assertThat(badCode.err()).contains("校验位错误");
        assertThat(run("template", "--agency", "某局").code()).isEqualTo(2);
        Run badFormat = run("template", "--year", "2024", "--agency", "某局", "--format", "2018");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("没有这个表格格式，可选 2019、2021");
        assertThat(run("nonsense").code()).isEqualTo(2);
        assertThat(run("read").code()).isEqualTo(2);
    }

    @Test
    void everyFileInAFolderIsAccountedFor() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲", ""), Map.of("t3.received.natural", BigDecimal.ZERO),
                in.resolve("甲.xlsx"));
        Files.writeString(in.resolve("坏.xlsx"), "not a workbook");
        Files.writeString(in.resolve("说明.txt"), "hello");
        Files.writeString(in.resolve("~$甲.xlsx"), "lock");
        Run read = run("read", dir.resolve("in").toString());
        assertThat(read.code()).isEqualTo(1);
        assertThat(read.out()).contains("找到文件 4 个 = 读取 1 + 无法读取 1 + 跳过 2")
                .contains("说明.txt").contains("临时锁文件").contains("坏.xlsx");
    }

    @Test
    void templateWithPreviousPrefillsTheCarriedOverRow() throws IOException {
        Path prev = TestSupport.filled(TestSupport.request("2021", 2023, "某局", ""),
                Map.of("t3.received.natural", new BigDecimal("5"), "t3.disclosed.natural", new BigDecimal("3"),
                        "t3.carry_forward.natural", new BigDecimal("2")), dir.resolve("2023.xlsx"));
        Path t = dir.resolve("2024.xlsx");
        Run issue = run("template", "--year", "2024", "--agency", "某局", "--previous", prev.toString(), "-o", t.toString());
        assertThat(issue.code()).isZero();
        assertThat(issue.out()).contains("上年结转已预填 1 格并锁定");
        assertThat(issue.err()).contains("“商业企业”列是空白");
        Run read = run("read", t.toString(), "--csv", dir.resolve("t.csv").toString());
        assertThat(Files.readString(dir.resolve("t.csv"))).contains("二、上年结转政府信息公开申请数量,自然人,2");
        Run missing = run("template", "--year", "2024", "--agency", "某局", "--previous", dir.resolve("nope.xlsx").toString());
        assertThat(missing.code()).as("a missing input is a usage error").isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("上年的报表（--previous）不存在").contains("nope.xlsx");
        // Unfilled, the 2 carried-over applications are not yet accounted for: R1 says so.
        assertThat(read.code()).isEqualTo(1);
        assertThat(read.out()).contains("R1").contains("“自然人”列");
    }

    @Test
    void demoRunsOnBundledDataAndSaysWhatToOpen() {
        Path out = dir.resolve("demo");
        Run demo = run("demo", "-o", out.toString());
        assertThat(demo.code()).as(demo.out() + demo.err()).isZero();
        assertThat(out.resolve("收集轮次/发出/焦作市应急管理局-2024.xlsx")).exists();
        assertThat(out.resolve("收集轮次/2024-收集情况.xlsx")).exists();
        assertThat(out.resolve("收集轮次/2024-收集情况-汇总.xlsx")).exists();
        assertThat(out.resolve("收集轮次/退回/应急管理部-2024-催报.eml")).exists();
        assertThat(out.resolve("收集轮次/退回/聊城市应急管理局-2024-退回.eml")).exists();
        assertThat(out.resolve("模板/尖山区应急管理局-2020（2019版格式）.xlsx")).exists();
        assertThat(out.resolve("2023-读回.csv")).exists();
        assertThat(out.resolve("2024-问题清单.xlsx")).exists();
        assertThat(out.resolve("2023-2024-对账.xlsx")).exists();
        assertThat(out.resolve("退回/焦作市应急管理局-2024-问题标注.xlsx")).exists();
        assertThat(out.resolve("退回/聊城市应急管理局-2024-问题标注.xlsx")).exists();
        assertThat(out.resolve("历年/报表/2020/演示县财政局-2020.xlsx")).exists();
        assertThat(out.resolve("历年核对.xlsx")).exists();
        assertThat(out.resolve("历年.csv")).exists();
        assertThat(demo.out()).contains("找到文件 3 个 = 读取 3 + 无法读取 0 + 跳过 0；错误 0 条")
                .contains("跨年匹配 2 对（按统一社会信用代码 0，按单位名称 2，按别名 0）；上年没有报表 1 个，本年未报 1 个")
                .contains("名册 5 个单位 —— 通过 3，有警告 0，有错误 1，无法读取 0，未提交 1；逾期 1")
                .contains("收件 6 份 = 读取 5 + 无法读取 0 + 无法识别 0 + 跳过 1（读取的 5 份中被替代 1 份）")
                .contains("先打开：" + out.resolve("收集轮次/2024-收集情况.xlsx"))
                .contains("历年核对：单位 3 个；相邻年度核对 10 对（按统一社会信用代码 0，按单位名称 9，按别名 1）；中间缺报 1 处")
                .contains("问题：错误 2 条，警告 1 条，提示 0 条")
                .contains("历年核对看：" + out.resolve("历年核对.xlsx"));
    }
}
