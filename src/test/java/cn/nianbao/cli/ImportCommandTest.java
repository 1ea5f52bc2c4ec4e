package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.spec.CellDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void importWritesAFilledTemplateThatReadsBackToTheSameNumbers() throws IOException {
        Path seed = TestSupport.fixtures().resolve("seeds/001_a18ed4ef768e8261.txt");
        Path out = dir.resolve("衢州市应急管理局-2024.xlsx");
        Path csv = dir.resolve("out.csv");
        CliTest.Run run = CliTest.run("import", seed.toString(), "--agency", "衢州市应急管理局", "--year", "2024",
                "-o", out.toString(), "--csv", csv.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("已写成填好的模板").contains("通过");
        Filing imported = new LabelReader(TestSupport.FORMATS).readText(seed, new LabelReader.Hints("衢州市应急管理局", 2024, null)).filing();
        ReadResult back = new WorkbookReader(TestSupport.FORMATS).read(out);
        assertThat(back.readable()).as(back.reason()).isTrue();
        assertThat(back.filing().findings()).isEmpty();
        assertThat(back.filing().agency()).isEqualTo("衢州市应急管理局");
        assertThat(back.filing().identity().code()).as("from the 索引号").isEqualTo("11330800002618736G");
        for (CellDef c : imported.spec().cells()) {
            assertThat(back.filing().value(c.key())).as(c.key()).isEqualTo(imported.asFiled(c.key()));
        }
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(1 + imported.spec().cells().size());
    }

    @Test
    void anAgencyOrCodeGivenOnTheCommandLineIsCheckedAgainstTheReport() {
        Path report = TestSupport.fixtures().resolve("corpus/聊城市应急管理局-2023/seed.txt");
        CliTest.Run other = CliTest.run("import", report.toString(), "--agency", "衢州市应急管理局", "-o", dir.resolve("a.xlsx").toString());
        assertThat(other.out()).contains("[警告] L8").contains("指定的单位“衢州市应急管理局”与报告中的单位“聊城市应急管理局”");
        CliTest.Run same = CliTest.run("import", report.toString(), "--agency", "聊城市应急管理局", "-o", dir.resolve("b.xlsx").toString());
        assertThat(same.out()).doesNotContain("指定的单位");
        for (String code : new String[] {"123", "11330800002618736X"}) {
            CliTest.Run bad = CliTest.run("import", report.toString(), "--code", code, "-o", dir.resolve("c.xlsx").toString());
            assertThat(bad.code()).as(code).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.err()).contains("--code " + code);
            assertThat(dir.resolve("c.xlsx")).doesNotExist();
        }
    }

    @Test
    void aBlankCellOfATextReportIsNamedByItsRowAndColumnNotOnlyItsLine() throws IOException {
        Path seed = TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt");
        String text = Files.readString(seed, StandardCharsets.UTF_8).replace("(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0",
                "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t\t0");
        Path report = dir.resolve("甲局2023年政府信息公开工作年度报告.txt");
        Files.writeString(report, text, StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.run("import", report.toString(), "-o", dir.resolve("out").toString());
        assertThat(run.out()).containsPattern("\\[警告\\] V7 表三 文本!第\\d+行（三、本年度办理结果/（二）部分公开.*，商业企业）：未填写");
    }

    @Test
    void theTemplateImportWritesKeepsThePrintedTotalsSoCheckingItFindsWhatImportFound() throws IOException {
        String text = Files.readString(TestSupport.fixtures().resolve("corpus/聊城市应急管理局-2023/tab.txt"), StandardCharsets.UTF_8);
        // The printed （七）总计 disagrees with its parts (6, parts 5); and, in a second report, row （一） lost a number.
        String[] reports = {
            text.replace("（七）总计\t4\t1\t0\t0\t0\t0\t5", "（七）总计\t4\t1\t0\t0\t0\t0\t6"),
            text.replace("（一）予以公开\t3\t1\t0\t0\t0\t0\t4", "（一）予以公开\t3\t0\t0\t0\t0\t4")};
        assertThat(reports[0]).isNotEqualTo(text);
        assertThat(reports[1]).isNotEqualTo(text);
        for (int i = 0; i < reports.length; i++) {
            Path report = dir.resolve("聊城市应急管理局2023年报告" + i + ".txt");
            Files.writeString(report, reports[i], StandardCharsets.UTF_8);
            Path out = dir.resolve("导入" + i + ".xlsx");
            CliTest.Run imported = CliTest.run("import", report.toString(), "-o", out.toString());
            assertThat(imported.code()).as(imported.out()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(imported.out()).contains("R3");
            CliTest.Run checked = CliTest.run("check", out.toString());
            assertThat(checked.code()).as(checked.out()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(CliTest.run("read", out.toString()).out()).contains("[错误] R3");
            ReadResult back = new WorkbookReader(TestSupport.FORMATS).read(out);
            assertThat(back.filing().asFiled("t3.result_total.total").plain()).as("the printed total").isEqualTo(i == 0 ? "6" : "5");
        }
    }

    @Test
    void helpNamesEveryFormOfPublishedReportThatIsRead() {
        CliTest.Run run = CliTest.run("import", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out().replaceAll("\\s+", "")).contains(".pdf").contains(".docx").contains(".doc").contains(".mhtml").contains("UTF-16");
    }

    @Test
    void aReportWithoutTablesWritesNothingAndSaysSo() {
        Path seed = TestSupport.fixtures().resolve("seeds/002_ad8c1196866d992c.txt");
        CliTest.Run run = CliTest.run("import", seed.toString(), "-o", dir.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("没有找到表二").contains("没有找到表三").contains("没有找到表四").contains("没有写出模板");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void twoReportsOfOneAgencyAndYearAreBothWrittenNeverOverwritten() {
        CliTest.Run run = CliTest.run("import", TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt").toString(),
                TestSupport.fixtures().resolve("import/variants-traditional.txt").toString(), "-o", dir.toString());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("焦作市应急管理局-2023.xlsx", "焦作市应急管理局-2023(2).xlsx");
        assertThat(CliTest.run("import", "a.txt", "b.txt", "-o", dir.resolve("x.xlsx").toString()).code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theContentDecidesHowAFileIsReadNotItsName() throws IOException {
        // Many systems export an HTML table under an .xls name; a workbook may come as .txt.
        Path html = Files.copy(TestSupport.fixtures().resolve("import/html-spans.html"), dir.resolve("导出报表.xls"));
        Path workbook = Files.copy(TestSupport.fixtures().resolve("broken/xls-renamed.xlsx"), dir.resolve("报表.txt"));
        Path out = Files.createDirectories(dir.resolve("out"));
        CliTest.Run run = CliTest.run("import", html.toString(), workbook.toString(), "-o", out.toString());
        assertThat(run.out()).contains("读取 2 + 无法读取 0");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(out.toFile().list()).hasSize(2).contains("焦作市应急管理局-2023.xlsx");
    }

    @Test
    void withoutAnAgencyInTheTextTheUserIsToldToGiveOne() {
        Path seed = TestSupport.fixtures().resolve("seeds/001_a18ed4ef768e8261.txt");
        CliTest.Run run = CliTest.run("import", seed.toString(), "-o", dir.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("无法确定报告单位").contains("--agency");
    }
}
