package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agency and year a file's name gives when the report itself names neither (no roster at hand). */
class ReportIdentityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} → {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
        常山县教育局2023年报表（值）.xlsx                                  | 常山县教育局     | 2023
        2023年常山县教育局政府信息公开工作年度报告.txt                     | 常山县教育局     | 2023
        附件1.pdf                                                          |                  |
        2023年报表（值）.xlsx                                              |                  | 2023
        2023年度政府信息公开工作年度报告.txt                               |                  | 2023
        衢州市应急管理局-2024.xlsx                                         | 衢州市应急管理局 | 2024
        附件1：常山县教育局2023年度政府信息公开工作年度报告（定稿）.docx   | 常山县教育局     | 2023
        常山县教育局_2023_报表.xlsx                                        | 常山县教育局     | 2023
        2023-常山县教育局-政府信息公开年报.xlsx                            | 常山县教育局     | 2023
        常山县教育局2023年度报告.txt                                       | 常山县教育局     | 2023
        20240115常山县教育局2023年报表.xlsx                                | 常山县教育局     | 2023
        2024.01.15 常山县教育局 2023年报表.xlsx                            | 常山县教育局     | 2023
        2024年1月15日常山县教育局2023年报表.xlsx                           | 常山县教育局     | 2023
        【常山县教育局】2023年报表.xlsx                                    | 常山县教育局     | 2023
        （盖章）常山县教育局2023年政府信息公开年报.xls                      | 常山县教育局     | 2023
        常山县2023教育局报表.xlsx                                          | 常山县           | 2023
        常山县教育局.xlsx                                                  | 常山县教育局     |
        """)
    void theAgencyIsTheTextBeforeTheYearElseTheAgencyLikeTextAfterIt(String file, String agency, Integer year) {
        ReportIdentity id = ReportIdentity.of("", file);
        assertThat(id.agency()).isEqualTo(agency);
        assertThat(id.agencySource()).isEqualTo(agency == null ? null : "文件名");
        assertThat(id.year()).isEqualTo(year);
    }

    @Test
    void aWorkbookThatIsNotOurTemplateTakesItsAgencyFromItsName() throws IOException {
        Path file = tmp.resolve("常山县教育局2023年报表（值）.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("表二");
            String[][] rows = {{"第二十条第（五）项"}, {"信息内容", "本年处理决定数量"}, {"行政许可", "3"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.agency()).isEqualTo("常山县教育局");
        assertThat(f.year()).isEqualTo(2023);
        assertThat(f.findings()).anySatisfy(x -> assertThat(x.message()).contains("常山县教育局").contains("取自文件名"));
    }

    @Test
    void aGenericTitleAndANamelessFileLeaveTheAgencyAndYearToTheFirstSentence() {
        ReportIdentity id = ReportIdentity.of("政府信息公开工作年度报告\n一、总体情况\n2024 年，常山县人民政府办公室认真贯彻落实《条例》，……\n",
                "附件1.pdf");
        assertThat(id.agency()).isEqualTo("常山县人民政府办公室");
        assertThat(id.agencySource()).isEqualTo("正文第一句");
        assertThat(id.year()).isEqualTo(2024);
        assertThat(id.yearSource()).contains("正文第一句");
        // The subject of a sentence that ends in no agency, or is 我局/全局, is no agency.
        assertThat(ReportIdentity.of("政府信息公开工作年度报告\n2023年，全局共主动公开信息120条。", "附件1.pdf").agency()).isNull();
        assertThat(ReportIdentity.of("政府信息公开工作年度报告\n2023年，我局持续推进政府信息公开。", "附件1.pdf").agency()).isNull();
        // Nor a title that names the agency as 我局 (a template filled in carelessly), nor a file so named.
        assertThat(ReportIdentity.of("我局2023年政府信息公开工作年度报告\n一、总体情况\n", "附件1.pdf").agency()).isNull();
        assertThat(ReportIdentity.of("本单位2023年度政府信息公开工作年度报告\n", "本单位2023年报表.xlsx").agency()).isNull();
        assertThat(ReportIdentity.of("我局2023年政府信息公开工作年度报告\n2023年，常山县教育局认真贯彻落实《条例》。", "附件1.pdf")
                .agency()).isEqualTo("常山县教育局");
    }

    @Test
    void thePublisherASitePrintsIsTakenWhenTheFirstSentenceSaysOnly我局() {
        ReportIdentity id = ReportIdentity.of("发布机构： | 衢州市应急管理局 | |\n政府信息公开工作年度报告\n2024年，我局持续推进政府信息公开工作。",
                "附件1.pdf");
        assertThat(id.agency()).isEqualTo("衢州市应急管理局");
        assertThat(id.agencySource()).isEqualTo("发布机构");
        assertThat(id.year()).isEqualTo(2024);
        // A publisher shortened the way sites shorten it is not taken for the agency (seed 衢州: "市应急管理局").
        assertThat(ReportIdentity.of("发布机构: | 市应急管理局 | |\n2024年，我局持续推进。", "附件1.pdf").agency()).isNull();
    }

    @Test
    void theSignatureAtTheEndGivesTheAgencyAndTheYearBeforeItsDate() {
        String text = "政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻落实《条例》。\n六、其他需要报告的事项\n无。\n\n常山县教育局\n2025年1月20日\n";
        ReportIdentity id = ReportIdentity.of(text, "附件1.pdf");
        assertThat(id.agency()).isEqualTo("常山县教育局");
        assertThat(id.agencySource()).isEqualTo("落款");
        assertThat(id.year()).isEqualTo(2024);
        assertThat(id.yearSource()).isEqualTo("落款日期的上一年");
        ReportIdentity sameLine = ReportIdentity.of("政府信息公开工作年度报告\n正文。\n常山县教育局 2025年1月20日", "附件1.pdf");
        assertThat(sameLine.agency()).isEqualTo("常山县教育局");
        // The file name still comes before the body.
        assertThat(ReportIdentity.of(text, "开化县教育局2024年报告.pdf").agency()).isEqualTo("开化县教育局");
    }

    @Test
    void aPublishedReportWithAGenericTitleInANamelessFileIsReadFromItsBody() throws IOException {
        String seed = Files.readString(TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt"));
        String generic = seed.replaceFirst("焦作市应急管理局 2023 年政府信息公开工作年度 报告", "政府信息公开工作年度报告");
        assertThat(generic).isNotEqualTo(seed);
        Path file = tmp.resolve("附件1.txt");
        Files.writeString(file, generic);
        Filing f = new LabelReader(TestSupport.FORMATS).readText(file, LabelReader.Hints.NONE).filing();
        assertThat(f.agency()).isEqualTo("焦作市应急管理局");
        assertThat(f.year()).isEqualTo(2023);
        assertThat(f.findings()).anySatisfy(x -> assertThat(x.message()).contains("焦作市应急管理局").contains("取自正文第一句"));
    }
}
