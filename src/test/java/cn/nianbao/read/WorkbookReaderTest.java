package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of cells a clerk typed wrongly, and of files that are not what they seem. */
class WorkbookReaderTest {
    private static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    private static final TemplateLayout LAYOUT = SPEC.layout();

    @TempDir
    Path dir;

    private Path workbook(Consumer<XSSFWorkbook> edit) throws IOException {
        return workbook(TestSupport.request("2021", 2024, "某单位", ""), edit);
    }

    private Path workbook(TemplateRequest req, Consumer<XSSFWorkbook> edit) throws IOException {
        Path file = dir.resolve("w" + System.nanoTime() + ".xlsx");
        try (XSSFWorkbook wb = new TemplateWriter().build(req)) {
            TestSupport.fill(wb, SPEC, Map.of("t3.received.natural", BigDecimal.ONE, "t3.disclosed.natural", BigDecimal.ONE));
            edit.accept(wb);
            TestSupport.save(wb, file);
        }
        return file;
    }

    private static Cell at(XSSFWorkbook wb, String key) {
        TemplateLayout.Pos p = LAYOUT.pos(key);
        return TestSupport.cell(wb.getSheet(p.sheet()), p.row(), p.col());
    }

    private static Filing read(Path file) {
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    private static Finding only(Filing f, String rule) {
        assertThat(f.findings()).extracting(Finding::ruleId).containsOnlyOnce(rule);
        return f.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    /** The one finding of a rule among the checks of a filing. */
    private static Finding rule(Filing f, String rule) {
        return cn.nianbao.check.Checker.check(f).stream().filter(x -> x.ruleId().equals(rule)).reduce((a, b) -> {
            throw new AssertionError("more than one " + rule + ": " + a + " / " + b);
        }).orElseThrow(() -> new AssertionError("no " + rule));
    }

    @Test
    void numbersTypedAsTextAreReadAndReported() throws IOException {
        Filing f = read(workbook(wb -> {
            at(wb, "t3.received.business").setCellValue("12");
            at(wb, "t3.received.research").setCellValue("１２");
            at(wb, "t3.received.nonprofit").setCellValue("1,234");
        }));
        assertThat(f.value("t3.received.business")).isEqualTo(new CellValue.Num(new BigDecimal("12"), true));
        assertThat(f.value("t3.received.research").plain()).isEqualTo("12");
        assertThat(f.value("t3.received.nonprofit").plain()).isEqualTo("1234");
        assertThat(f.value("t3.received.total").plain()).isEqualTo("1259");
        assertThat(f.findings()).extracting(Finding::ruleId).containsExactly("V5", "V5", "V5");
        assertThat(f.findings()).allMatch(x -> x.severity() == Severity.INFO);
        assertThat(f.findings().get(0).cell()).isEqualTo(LAYOUT.pos("t3.received.business").a1());
        // Excel's SUM skips text, so the total the clerk saw (1) was wrong; the check says why.
        Finding total = rule(f, "R2");
        assertThat(total.required()).as("应为: the sum of its parts").isEqualByComparingTo("1259");
        assertThat(total.held()).as("实为: the total as filed").isEqualByComparingTo("1");
        assertThat(total.message()).contains("文本形式");
    }

    @Test
    void textNegativesFractionsAndTooManyDecimalsAreInvalidNotZero() throws IOException {
        Filing f = read(workbook(wb -> {
            at(wb, "t3.received.business").setCellValue("无");
            at(wb, "t3.received.research").setCellValue(-3);
            at(wb, "t3.received.nonprofit").setCellValue(2.5);
            at(wb, "t2.art20_8.fees.amount").setCellValue(1.1234567);
            at(wb, "t3.received.legal").setCellValue(true);
        }));
        assertThat(f.value("t3.received.business")).isEqualTo(new CellValue.Invalid("无", "不是数字"));
        assertThat(f.value("t3.received.research")).isInstanceOf(CellValue.Invalid.class);
        assertThat(f.value("t3.received.total")).as("a total over an invalid cell is not a number")
                .isInstanceOf(CellValue.Invalid.class);
        assertThat(only(f, "V2").row()).isEqualTo("一、本年新收政府信息公开申请数量");
        assertThat(only(f, "V3").column()).isEqualTo("社会公益组织");
        assertThat(only(f, "V4").message()).contains("6位小数");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("V1")).hasSize(2);
        assertThat(f.findings()).allMatch(x -> x.severity() == Severity.ERROR);
    }

    @Test
    void theStreamingAndTheFullReaderAgreeCellForCell() throws IOException {
        Path file = workbook(wb -> {
            at(wb, "t3.received.business").setCellValue("１２");
            at(wb, "t3.received.research").setCellValue(true);
            at(wb, "t3.received.nonprofit").setCellFormula("1/0");
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            at(wb, "t3.received.legal").setCellValue(-2.5);
            at(wb, "t2.art20_8.fees.amount").setCellValue(24252.311082);
            Cell total = at(wb, "t4.review.total");
            total.setCellFormula(total.getCellFormula()); // no cached value
            at(wb, "t3.received.natural").getSheet().getRow(0).getCell(0).setCellValue("改过的标题");
        });
        ReadResult streaming = new WorkbookReader(TestSupport.FORMATS).read(file);
        ReadResult full;
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            full = new WorkbookReader(TestSupport.FORMATS).read(file.toString(), wb);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        assertThat(streaming.filing().values()).isEqualTo(full.filing().values());
        assertThat(streaming.filing().storedTotals()).isEqualTo(full.filing().storedTotals());
        assertThat(streaming.filing().findings()).isEqualTo(full.filing().findings());
        assertThat(streaming.filing().identity()).isEqualTo(full.filing().identity());
        assertThat(streaming.filing().findings()).extracting(Finding::ruleId).contains("V1", "V2", "V5", "V6", "F4");
        assertThat(streaming.filing().storedTotals().get("t4.review.total")).isEqualTo(CellValue.BLANK);
    }

    /** The workbook with one number cell's stored text ({@code <v>}) replaced, as a damaged or made-up file may have it. */
    private Path withStoredText(Path file, String key, String v) throws IOException {
        byte[] xlsx = Files.readAllBytes(file);
        TemplateLayout.Pos p = LAYOUT.pos(key);
        String part = BrokenCorpusTest.sheetPart(xlsx, p.sheet());
        String xml;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            java.util.zip.ZipEntry e;
            while (!(e = in.getNextEntry()).getName().equals(part)) {
                in.readAllBytes();
            }
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String edited = xml.replaceFirst("(<c r=\"" + p.a1() + "\"[^>]*>)<v>[^<]*</v>", "$1<v>" + v + "</v>");
        assertThat(edited).isNotEqualTo(xml);
        Path out = dir.resolve("v" + System.nanoTime() + ".xlsx");
        BrokenCorpusTest.write(out, xlsx, Map.of(part, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void aStoredNumberThatIsNoFiniteNumberIsAnInvalidCellNotAnUnreadableFile() throws IOException {
        // Before: <v>1e400</v> (beyond a double), NaN or Infinity made the whole file unreadable (F1).
        Path base = workbook(wb -> { });
        for (String v : java.util.List.of("1e400", "-1E999", "NaN", "Infinity")) {
            Path file = withStoredText(base, "t3.received.natural", v);
            Filing streaming = read(file);
            Filing full;
            try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
                ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file.toString(), wb);
                assertThat(r.readable()).as(v + ": " + r.reason()).isTrue();
                full = r.filing();
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            for (Filing f : java.util.List.of(streaming, full)) {
                assertThat(f.value("t3.received.natural")).as(v).isEqualTo(new CellValue.Invalid("#NUM!", "单元格显示错误值，不是数字"));
                assertThat(only(f, "V1").cell()).isEqualTo(LAYOUT.pos("t3.received.natural").a1());
                assertThat(f.value("t3.disclosed.natural").plain()).isEqualTo("1");
            }
        }
    }

    @Test
    void aFormulaInAnInputCellIsReadByItsResultAndReported() throws IOException {
        Filing f = read(workbook(wb -> {
            at(wb, "t3.received.business").setCellFormula("1+1");
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        }));
        assertThat(f.value("t3.received.business").plain()).isEqualTo("2");
        assertThat(only(f, "V6").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aStoredTotalThatDisagreesIsCheckedAndRecomputed() throws IOException {
        Filing f = read(workbook(wb -> at(wb, "t3.result_total.natural").setCellValue(5)));
        assertThat(f.findings()).isEmpty();
        Finding x = rule(f, "R3");
        assertThat(x.cell()).isEqualTo(LAYOUT.pos("t3.result_total.natural").a1());
        assertThat(x.required()).as("应为: the sub-rows' sum").isEqualByComparingTo("1");
        assertThat(x.held()).as("实为: the total typed over").isEqualByComparingTo("5");
        assertThat(x.difference()).isEqualByComparingTo("-4");
        assertThat(x.row()).isEqualTo("三、本年度办理结果/（七）总计");
        assertThat(f.value("t3.result_total.natural").plain()).isEqualTo("1");
    }

    @Test
    void aFormulaWithoutCachedValueIsNotMistakenForZero() throws IOException {
        // POI writes formulas with no result; such a total must not read as a stored 0.
        Path file = dir.resolve("nocache.xlsx");
        try (XSSFWorkbook wb = new TemplateWriter().build(TestSupport.request("2021", 2024, "某单位", ""))) {
            at(wb, "t3.received.natural").setCellValue(7);
            Cell total = at(wb, "t3.received.total");
            total.setCellFormula(total.getCellFormula());
            TestSupport.save(wb, file);
        }
        Filing f = read(file);
        assertThat(f.storedTotals().get("t3.received.total")).isEqualTo(CellValue.BLANK);
        assertThat(f.value("t3.received.total").plain()).isEqualTo("7");
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void withoutTheIdentitySheetTheDocumentPropertiesIdentifyTheTemplate() throws IOException {
        Filing f = read(workbook(wb -> wb.removeSheetAt(wb.getSheetIndex(TemplateLayout.ID_SHEET))));
        assertThat(f.agency()).isEqualTo("某单位");
        assertThat(f.identity().templateId()).isEqualTo(TestSupport.FIXED_ID);
        assertThat(f.findings()).isEmpty();
    }

    @Test
    void aChangedLabelIsReported() throws IOException {
        Filing f = read(workbook(wb -> at(wb, "t3.received.natural").getSheet().getRow(LAYOUT.pos("t3.received.natural").row())
                .getCell(0).setCellValue("一、本年收到申请")));
        assertThat(only(f, "F4").message()).contains("一、本年新收政府信息公开申请数量").contains("一、本年收到申请");
    }

    @Test
    void aMissingTableSheetIsReportedAndItsCellsAreBlank() throws IOException {
        Filing f = read(workbook(wb -> wb.removeSheetAt(wb.getSheetIndex(SPEC.table("t4").sheet()))));
        assertThat(only(f, "F3").message()).contains("表四_复议诉讼");
        assertThat(f.value("t4.review.upheld")).isEqualTo(CellValue.BLANK);
    }

    @Test
    void aChangedCarriedOverValueIsAnError() throws IOException {
        TemplateRequest req = TestSupport.request("2021", 2024, "某单位", "")
                .withCarriedOver(Map.of("t3.carried_over.natural", new BigDecimal("3")), "上年报表");
        Filing f = read(workbook(req, wb -> at(wb, "t3.carried_over.natural").setCellValue(4)));
        Finding x = only(f, "P1");
        assertThat(x.severity()).isEqualTo(Severity.ERROR);
        assertThat(x.required()).isEqualByComparingTo("3");
        assertThat(x.held()).isEqualByComparingTo("4");
    }

    @Test
    void filesThatAreNotOurTemplateAreUnreadableWithAReason() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.xlsx"));
        Path text = Files.writeString(dir.resolve("notes.xlsx"), "这不是工作簿");
        Path plain = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("自然人");
            TestSupport.save(wb, plain);
        }
        Path xlsNamedXlsx = dir.resolve("old.xlsx");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsNamedXlsx)) {
            wb.createSheet("Sheet1");
            wb.write(out);
        }
        WorkbookReader reader = new WorkbookReader(TestSupport.FORMATS);
        assertThat(reader.read(empty).reason()).contains("空");
        // Text named as a workbook is also read as a published report's text is (issue 16): it holds no tables.
        assertThat(reader.read(text).reason()).contains("不是可以读取的Excel工作簿").contains("文本文件").contains("没有找到国家格式的表二、三、四");
        assertThat(reader.read(plain).reason()).contains("不是本工具发出的模板");
        assertThat(reader.read(xlsNamedXlsx).reason()).as("content decides, not the extension")
                .contains("不是本工具发出的模板");
        assertThat(reader.read(dir.resolve("missing.xlsx")).reason()).contains("不存在");
        assertThat(reader.read(dir.resolve("missing.xlsx")).findings()).extracting(Finding::ruleId).containsExactly("F1");
    }

    @Test
    void anEncryptedWorkbookIsUnreadableAndSaysSo() throws Exception {
        Path plain = workbook(wb -> { });
        Path enc = dir.resolve("enc.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor e = info.getEncryptor();
            e.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = e.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(enc)) {
                fs.writeFilesystem(out);
            }
        }
        byte[] before = Files.readAllBytes(enc);
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(enc).reason()).contains("加密");
        assertThat(Files.readAllBytes(enc)).as("inputs are never modified").isEqualTo(before);
    }
}
