package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.Explanations;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.TemplateWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clerk explains inside the template: the 校验 sheet's 单位说明 beside the warning-level lines
 * (C2) and the cover's 填报说明 box are unlocked, survive LibreOffice saves as .xlsx and .xls, and
 * come back on the findings they belong to. An explained warning is no longer open; an
 * explanation on an error is carried but leaves it open.
 */
class ExplanationsTest {
    @TempDir
    static Path dir;

    static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    static final String C2_KEY = "C2@t2.art20_1.rules.in_force";
    static final String R1_KEY = "R1@t3.carry_forward.natural";

    static TemplateLayout.CheckLine line(String key) {
        return SPEC.layout().checkLines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    }

    /** This year's filing: 规章 in force 3 where last year's 5 leaves 5 (C2), and 1 received that R1 misses. */
    static Path explained(Path file) throws Exception {
        Map<String, BigDecimal> values = TestSupport.zeros(SPEC);
        values.put("t2.art20_1.rules.in_force", BigDecimal.valueOf(3));
        values.put("t3.received.natural", BigDecimal.ONE);
        try (XSSFWorkbook wb = new TemplateWriter().build(TestSupport.request("2021", 2024, "尖山区应急管理局", ""))) {
            TestSupport.fill(wb, SPEC, values);
            Sheet check = wb.getSheet(TemplateLayout.CHECK_SHEET);
            TestSupport.cell(check, line(C2_KEY).row(), TemplateLayout.CHECK_NOTE_COL)
                    .setCellValue("两件规章于2024年6月到期失效，\n已在门户网站公告。");
            // Locked beside an error (errors are to be fixed); typed there after removing the protection, it is not taken.
            TestSupport.cell(check, line(R1_KEY).row(), TemplateLayout.CHECK_NOTE_COL).setCellValue("系统导出的数字");
            TestSupport.cell(wb.getSheet(TemplateLayout.COVER_SHEET), TemplateLayout.COVER_NOTE_ROW, TemplateLayout.COVER_NOTE_COL)
                    .setCellValue("本年机构改革，表三含原安监局受理的申请。");
            TestSupport.save(wb, file);
        }
        return file;
    }

    static Filing previous() throws Exception {
        Map<String, BigDecimal> values = TestSupport.zeros(SPEC);
        values.put("t2.art20_1.rules.in_force", BigDecimal.valueOf(5));
        Path p = TestSupport.filled(TestSupport.request("2021", 2023, "尖山区应急管理局", ""), values,
                Files.createDirectories(dir.resolve("prev")).resolve("上年.xlsx"));
        return new WorkbookReader(TestSupport.FORMATS).read(p).filing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97"})
    void explanationsComeBackOnTheirFindings(String target) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in" + target.length()));
        Path file = explained(in.resolve("本年.xlsx"));
        if (!target.isEmpty()) {
            file = cn.nianbao.Rendering.convert(file, target, Files.createDirectories(in.resolve("out")));
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.explanations().cover()).isEqualTo("本年机构改革，表三含原安监局受理的申请。");
        assertThat(f.explanations().byRule()).containsOnlyKeys(C2_KEY);
        assertThat(f.explanations().byRule().get(C2_KEY)).isEqualTo("两件规章于2024年6月到期失效，\n已在门户网站公告。");

        Finding c2 = Checker.acrossYears(f, previous()).stream().filter(x -> x.ruleId().equals("C2")).findFirst().orElseThrow();
        assertThat(c2.explanation()).startsWith("两件规章于2024年6月到期失效");
        assertThat(c2.open()).as("an explained warning is not open").isFalse();

        Finding r1 = Checker.check(f).stream().filter(x -> x.ruleId().equals("R1")).findFirst().orElseThrow();
        assertThat(r1.explanation()).isNull();
        assertThat(r1.open()).isTrue();
        assertThat(r1.withExplanation("系统导出的数字").open()).as("an explanation does not clear an error").isTrue();

        // The inputs are unlocked and wrap, in every client's save.
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Cell note = wb.getSheet(TemplateLayout.CHECK_SHEET).getRow(line(C2_KEY).row()).getCell(TemplateLayout.CHECK_NOTE_COL);
            assertThat(note.getCellStyle().getLocked()).isFalse();
            assertThat(note.getCellStyle().getWrapText()).isTrue();
            assertThat(wb.getSheet(TemplateLayout.CHECK_SHEET).getRow(line(R1_KEY).row())
                    .getCell(TemplateLayout.CHECK_NOTE_COL).getCellStyle().getLocked()).as("errors are to be fixed").isTrue();
            Cell box = wb.getSheet(TemplateLayout.COVER_SHEET).getRow(TemplateLayout.COVER_NOTE_ROW)
                    .getCell(TemplateLayout.COVER_NOTE_COL);
            assertThat(box.getCellStyle().getLocked()).isFalse();
            assertThat(box.getCellStyle().getWrapText()).isTrue();
            assertThat(wb.getSheet(TemplateLayout.CHECK_SHEET).getProtect()).isTrue();
        }
    }

    @Test
    void aTemplateWithoutTheInputsReadsAsBefore() throws Exception {
        // Templates issued by the previous version have no 说明 column, no lines across years, no box.
        for (String name : List.of("尖山区应急管理局-2023.xlsx", "衢州市应急管理局-2024.xlsx")) {
            Path file = TestSupport.fixtures().resolve("seeds").resolve(name);
            TestSupport.SeedValues seed = TestSupport.seedValues(
                    TestSupport.fixtures().resolve("seeds").resolve(name.replace(".xlsx", ".values")));
            for (ReadResult r : List.of(new WorkbookReader(TestSupport.FORMATS).read(file), poi(file))) {
                assertThat(r.readable()).as(r.reason()).isTrue();
                assertThat(r.filing().explanations()).isEqualTo(Explanations.NONE);
                seed.inputs().forEach((k, v) -> assertThat(r.filing().value(k).number()).as(k).isEqualByComparingTo(v));
                assertThat(Checker.all(r)).allMatch(x -> x.explanation() == null);
            }
        }
    }

    @Test
    void aNoteOffItsLineIsNotAttributed() throws Exception {
        Path file = explained(Files.createDirectories(dir.resolve("shifted")).resolve("f.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            // A clerk who overwrote the rule column: the line no longer says which rule it is.
            TestSupport.cell(wb.getSheet(TemplateLayout.CHECK_SHEET), line(C2_KEY).row(), 0).setCellValue("");
            TestSupport.save(wb, dir.resolve("shifted/g.xlsx"));
        }
        Filing f = new WorkbookReader(TestSupport.FORMATS).read(dir.resolve("shifted/g.xlsx")).filing();
        assertThat(f.explanations().byRule()).isEmpty();
        assertThat(f.explanations().cover()).isNotEmpty();
    }

    private static ReadResult poi(Path file) throws Exception {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            return new WorkbookReader(TestSupport.FORMATS).read(file.toString(), wb);
        }
    }

    @Test
    void aSheetsFirstRowsAreReadWithoutTheRest() throws Exception {
        // The row after the last one needed starts across a read boundary; a broken tail is never reached.
        String head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"I1\" t=\"inlineStr\"><is><t>" + "说".repeat(266) + "</t></is></c></row>"
                + "<row r=\"2\"><c r=\"I2\" t=\"inlineStr\"><is><t>到期失效</t></is></c></row><row r=\"3\"";
        String xml = head + " spans=\"1:9\" ht=\"48.0\" customHeight=\"true\"><c r=\"A3\"><v>1</v></c></row><row r=\"4\"><c";
        for (String sheet : List.of(xml, xml.replaceAll("<row r=\"\\d+\"", "<row"))) {
            byte[] b = sheet.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (sheet == xml) {
                assertThat(head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(1025, 1040);
            }
            // Without row numbers, the whole sheet is read (and its rows counted).
            StreamingXlsx.Cells cells = StreamingXlsx.parsePrefix(new java.io.ByteArrayInputStream(b), null, 1, null);
            assertThat(cells.get(1, 8).display()).isEqualTo("到期失效");
        }
    }

    @Test
    void theProbeLooksOnlyForValuesInItsCells() {
        CellProbe note = new CellProbe("I", 4, 5);
        String[][] cases = {
            {"<sheetData><row r=\"4\"><c r=\"I4\" t=\"s\"><v>1</v></c></row><row r=\"5\"><c r=\"I5\" s=\"3\"/>"
                    + "<c r=\"II5\" t=\"s\"><v>2</v></c><c r=\"A5\" t=\"s\"><v>2</v></c></row><row r=\"7\">", "false"},
            {"<x:sheetData><x:row r=\"6\"><x:c r=\"I6\" t=\"inlineStr\"><x:is><x:t>到期</x:t></x:is></x:c></x:row>", "true"},
            {"<sheetData><row><c t=\"s\"><v>4</v></c></row>", "true"},
            {"<sheetData><row r=\"5\"><c r=\"I5\" s=\"1\"", "true"},
            {"<sheetData><cols><col min=\"9\"/></cols><row r=\"5\"><c s=\"1\" r=\"I5\"></c></row>", "true"},
        };
        for (String[] c : cases) {
            byte[] b = c[0].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(note.mayHoldValue(b, b.length)).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
        }
    }
}
