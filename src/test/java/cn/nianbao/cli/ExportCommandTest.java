package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * export --docx: each filing's three tables as a Word document in the national layout, the
 * numbers as filed, blanks blank; and the output rule (nothing a person could not get back is
 * replaced). Reading the documents back (import) is ExportRoundTripTest's.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");

    static XWPFDocument open(Path docx) throws IOException {
        try (InputStream in = Files.newInputStream(docx)) {
            return new XWPFDocument(in);
        }
    }

    /** Every number in the document's tables, in reading order. */
    private static List<String> numbers(XWPFDocument doc) {
        List<String> out = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                for (XWPFTableCell c : r.getTableCells()) {
                    Matcher m = NUMBER.matcher(c.getText());
                    while (m.find()) {
                        out.add(new BigDecimal(m.group()).stripTrailingZeros().toPlainString());
                    }
                }
            }
        }
        return out;
    }

    /** The text of the cell at the template layout's position of {@code key}, found through the table's merges. */
    static String cellText(XWPFDocument doc, FormatSpec spec, String key) {
        TemplateLayout.Pos p = spec.layout().pos(key);
        int t = 0;
        TemplateLayout.SheetLayout sheet = null;
        for (TemplateLayout.SheetLayout sl : spec.layout().sheets()) {
            if (sl.cells().containsKey(key)) {
                sheet = sl;
                break;
            }
            t++;
        }
        int top = sheet.labels().stream().filter(l -> l.role() != TemplateLayout.Role.TITLE && l.role() != TemplateLayout.Role.HINT)
                .mapToInt(TemplateLayout.Label::row).min().orElseThrow();
        XWPFTableRow row = doc.getTables().get(t).getRow(p.row() - top);
        int col = 0;
        for (XWPFTableCell c : row.getTableCells()) {
            if (col == p.col()) {
                return c.getText();
            }
            CTTcPr pr = c.getCTTc().getTcPr();
            col += pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
        }
        throw new AssertionError("no cell at column " + p.col() + " for " + key);
    }

    @Test
    void everyFilingsThreeTablesAreWrittenAsWordWithTheNationalMergedCellsAndTheNumbersAsPublished() throws IOException {
        Path out = dir.resolve("表格");
        CliTest.Run r = CliTest.run("export", TestSupport.fixtures().resolve("seeds").toString(), "--docx", out.toString(), "-q");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("已写出 Word 表格").contains("跳过").contains("读取 4");
        for (Path values : TestSupport.fixtureFiles("seeds", ".values").toList()) {
            TestSupport.SeedValues sv = TestSupport.seedValues(values);
            Path docx = out.resolve(sv.agency() + "-" + sv.year() + ".docx");
            assertThat(docx).exists();
            try (XWPFDocument doc = open(docx)) {
                assertThat(doc.getTables()).hasSize(3);
                assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(sv.agency() + sv.year() + "年政府信息公开工作年度报告统计表");
                assertThat(doc.getParagraphs()).extracting(p -> p.getText())
                        .contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
                // The published tables' numbers, in the order the published text prints them (an independent witness).
                assertThat(numbers(doc)).as(docx.toString())
                        .containsExactlyElementsOf(TestSupport.seedTableNumbers(TestSupport.fixtures().resolve("seeds").resolve(sv.seed())));

                XWPFTable t3 = doc.getTables().get(1);
                XWPFTableCell corner = t3.getRow(0).getCell(0);
                assertThat(corner.getText()).startsWith("（本列数据的勾稽关系为");
                assertThat(corner.getCTTc().getTcPr().getGridSpan().getVal().intValue()).as("the corner spans the label columns").isEqualTo(3);
                assertThat(corner.getCTTc().getTcPr().getVMerge().getVal()).isEqualTo(STMerge.RESTART);
                assertThat(t3.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge().isSetVal()
                        && t3.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge().getVal() == STMerge.RESTART)
                        .as("the corner continues below, not restarts").isFalse();
                assertThat(t3.getRow(0).getCell(1).getText()).isEqualTo("申请人情况");
                assertThat(t3.getRow(0).getCell(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(7);
                assertThat(List.of(0, 1, 2, 3).stream().map(i -> t3.getRow(i).isRepeatHeader()).toList())
                        .as("table 三's three header rows repeat on the next page, its data rows do not").containsExactly(true, true, true, false);
                assertThat(doc.getTables().get(0).getRows()).as("table 二's block headers do not repeat")
                        .noneMatch(XWPFTableRow::isRepeatHeader);
                int vertical = 0;
                for (XWPFTableRow row : t3.getRows()) {
                    CTTcPr pr = row.getCell(0).getCTTc().getTcPr();
                    vertical += pr.isSetVMerge() ? 1 : 0;
                }
                assertThat(vertical).as("三、本年度办理结果 merged down its 22 rows, plus the corner's 3").isEqualTo(25);
                XWPFTable t4 = doc.getTables().get(2);
                assertThat(t4.getRow(0).getCell(0).getText()).isEqualTo("行政复议");
                assertThat(t4.getRow(t4.getRows().size() - 1).getTableCells()).hasSize(15);
            }
        }
    }

    @Test
    void blanksStayBlankAndAStoredTotalIsWrittenAsFiledWithTheErrorSaid() throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get("2021");
        Map<String, BigDecimal> v = TestSupport.zeros(spec);
        v.put("t3.received.natural", BigDecimal.valueOf(4));
        v.put("t3.disclosed.natural", BigDecimal.valueOf(4));
        v.put("t2.art20_8.fees.amount", new BigDecimal("24252.311082"));
        v.remove("t4.review.upheld");
        Path in = dir.resolve("常山县教育局-2024.xlsx");
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(TestSupport.request("2021", 2024, "常山县教育局", ""))) {
            TestSupport.fill(wb, spec, v);
            TemplateLayout.Pos total = spec.layout().pos("t3.received.total");
            TestSupport.cell(wb.getSheet(total.sheet()), total.row(), total.col()).setCellValue(999); // typed over the formula
            TestSupport.save(wb, in);
        }
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("export", in.toString(), "--docx", out.toString());
        assertThat(r.code()).as("the filing has an error (R2)").isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("R2").contains("这份报表有").contains("数字按报表原样写出");
        try (XWPFDocument doc = open(out.resolve("常山县教育局-2024.docx"))) {
            assertThat(cellText(doc, spec, "t3.received.total")).as("the total as filed, not recomputed").isEqualTo("999");
            assertThat(cellText(doc, spec, "t3.received.natural")).isEqualTo("4");
            assertThat(cellText(doc, spec, "t4.review.upheld")).as("blank is not zero").isEmpty();
            assertThat(cellText(doc, spec, "t4.review.total")).as("a total of blank and zeros stays as the template shows it").isEqualTo("0");
            assertThat(cellText(doc, spec, "t2.art20_8.fees.amount")).isEqualTo("24252.311082");
        }
    }

    @Test
    void anExportNobodyChangedIsReplacedOneAPersonEditedIsNot() throws Exception {
        Path in = TestSupport.fixtures().resolve("seeds/焦作市应急管理局-2023.xlsx");
        Path out = dir.resolve("out");
        Path docx = out.resolve("焦作市应急管理局-2023.docx");
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString()).code()).isZero();
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString()).code()).as("our own, unchanged").isZero();
        // Opened in an office suite and saved as it was (real LibreOffice): still ours, still unchanged.
        Path resaved = cn.nianbao.Rendering.convert(docx, "docx:MS Word 2007 XML", dir.resolve("resaved"));
        assertThat(Files.readAllBytes(resaved)).isNotEqualTo(Files.readAllBytes(docx));
        Files.copy(resaved, docx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliTest.Run afterSave = CliTest.run("export", in.toString(), "--docx", out.toString());
        assertThat(afterSave.code()).as(afterSave.err()).isZero();

        try (XWPFDocument doc = open(docx)) {
            doc.createParagraph().createRun().setText("注：本表由办公室整理。");
            try (OutputStream o = Files.newOutputStream(docx)) {
                doc.write(o);
            }
        }
        byte[] edited = Files.readAllBytes(docx);
        CliTest.Run again = CliTest.run("export", in.toString(), "--docx", out.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains(docx.toString()).contains("被人改动过").contains("--force");
        assertThat(Files.readAllBytes(docx)).isEqualTo(edited);
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString(), "--force").code()).isZero();
        assertThat(Files.readAllBytes(docx)).isNotEqualTo(edited);

        // Text a person adds outside the body — a header, a footnote — is an edit too.
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString(), "--force").code()).isZero();
        try (XWPFDocument doc = open(docx)) {
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText("内部资料");
            try (OutputStream o = Files.newOutputStream(docx)) {
                doc.write(o);
            }
        }
        byte[] header = Files.readAllBytes(docx);
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString()).code()).as("a header was added").isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(docx)).isEqualTo(header);
        assertThat(CliTest.run("export", in.toString(), "--docx", out.toString(), "--force").code()).isZero();

        // Someone's own report under the name export would write: never replaced.
        try (XWPFDocument own = new XWPFDocument(); OutputStream o = Files.newOutputStream(docx)) {
            own.createParagraph().createRun().setText("焦作市应急管理局2023年政府信息公开工作年度报告（定稿）");
            own.write(o);
        }
        CliTest.Run foreign = CliTest.run("export", in.toString(), "--docx", out.toString());
        assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("不是本工具写出的文件");
    }

    @Test
    void theOutputFolderIsNeitherAFileNorInsideAnInputFolderAndIsRequired() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("2023"));
        Files.copy(TestSupport.fixtures().resolve("seeds/焦作市应急管理局-2023.xlsx"), folder.resolve("焦作.xlsx"));
        CliTest.Run inside = CliTest.run("export", folder.toString(), "--docx", folder.resolve("表格").toString());
        assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inside.err()).contains("在要读取的文件夹");
        Path file = Files.writeString(dir.resolve("说明.txt"), "x");
        CliTest.Run notDir = CliTest.run("export", folder.toString(), "--docx", file.toString());
        assertThat(notDir.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notDir.err()).contains("--docx 应为文件夹");
        CliTest.Run missing = CliTest.run("export", folder.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("错误：").contains("--docx");
        CliTest.Run empty = CliTest.run("export", Files.createDirectories(dir.resolve("空")).toString(), "--docx", dir.resolve("o").toString());
        assertThat(empty.code()).as("an empty folder is no clean result").isEqualTo(ExitCodes.FINDINGS);
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** File names as import makes them: "甲/乙局" and "甲_乙局" never write one file, a second filing of one name is "(2)". */
    @Test
    void fileNamesFollowTheAgencyNamingRule() throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get("2021");
        Path in = Files.createDirectories(dir.resolve("in"));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲/乙局", ""), TestSupport.zeros(spec), in.resolve("a.xlsx"));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲_乙局", ""), TestSupport.zeros(spec), in.resolve("b.xlsx"));
        TestSupport.filled(TestSupport.request("2021", 2024, "常山县教育局", ""), TestSupport.zeros(spec), in.resolve("c1.xlsx"));
        TestSupport.filled(TestSupport.request("2021", 2024, "常山县教育局", ""), TestSupport.zeros(spec), in.resolve("c2.xlsx"));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("export", in.toString(), "--docx", out.toString(), "-q");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> names;
        try (var files = Files.list(out)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(4).contains("甲_乙局-2024.docx", "常山县教育局-2024.docx", "常山县教育局-2024(2).docx")
                .anyMatch(n -> n.matches("甲_乙局_[0-9a-z]+-2024\\.docx"));
    }
}
