package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.cli.Main;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.TemplateLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fixtures/broken holds hostile and broken workbooks with their expected outcomes
 * (fixtures/broken/expected.tsv: file, read|unreadable, the rule of every finding, exactly, words
 * the reason must contain). Every one is read without an exception, its bytes are unchanged, and a
 * run over the folder accounts for every file. The very large cases are made here, at test time.
 * -Dfixtures.update=true rewrites the committed corpus (the .xls one needs LibreOffice).
 */
class BrokenCorpusTest {
    static final Path DIR = TestSupport.fixtures().resolve("broken");

    @TempDir
    Path tmp;

    record Expected(String file, boolean readable, List<String> rules, String reason) {
    }

    static Stream<Expected> corpus() throws IOException {
        if (Boolean.getBoolean("fixtures.update")) {
            generate();
        }
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\t", -1);
            out.add(new Expected(w[0], w[1].equals("read"), w[2].isEmpty() ? List.of() : List.of(w[2].split(",")), w[3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBrokenFileHasItsExpectedOutcome(Expected e) throws IOException {
        Path file = DIR.resolve(e.file());
        byte[] before = Files.readAllBytes(file);
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        List<Finding> findings = Checker.all(r);
        assertThat(r.readable()).as(e.file() + ": " + r.reason()).isEqualTo(e.readable());
        // Exactly these findings, no more: a spurious extra finding is a failure too.
        assertThat(findings).extracting(Finding::ruleId).as(findings.toString()).containsExactlyInAnyOrderElementsOf(e.rules());
        if (!e.reason().isEmpty()) {
            assertThat(r.readable() ? findings.toString() : r.reason()).contains(e.reason());
        }
        if (!r.readable()) {
            assertThat(r.reason()).as("a reason users read names no Java class").doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
        }
        assertThat(Files.readAllBytes(file)).as("inputs are never modified").isEqualTo(before);
    }

    @Test
    void aRunOverTheCorpusAccountsForEveryFile() throws IOException {
        long files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.count();
        }
        long manifest;
        try (Stream<Expected> s = corpus()) {
            manifest = s.count();
        }
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", DIR.toString(), "-o", tmp.resolve("o.xlsx").toString(), "--quiet"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(1);
        // Every file but the manifest is a workbook candidate; expected.tsv itself is listed as skipped.
        long unreadable;
        try (Stream<Expected> s = corpus()) {
            unreadable = s.filter(x -> !x.readable()).count();
        }
        assertThat(out.toString()).contains("文件 " + files + " 个 = 读取 " + (manifest - unreadable) + " + 无法读取 "
                + unreadable + " + 跳过 1");
        assertThat(tmp.resolve("o.xlsx")).exists();
    }

    @Test
    void hugeAndExplosivePartsAreRefusedNotLoaded() throws IOException {
        byte[] base = filledTemplate();
        String t3 = sheetPart(base, TestSupport.FORMATS.get("2021").table("t3").sheet());
        // A zip bomb: the 表三 part inflates to 300 MB of spaces.
        Path bomb = tmp.resolve("bomb.xlsx");
        write(bomb, base, Map.of(t3, huge(300L << 20, ' ')));
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(bomb).reason()).contains("压缩比异常");
        // A million-row sheet, and a 50 MB shared-strings table: over the part size limit.
        StringBuilder rows = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 1; r <= 1_000_000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>1</v></c></row>");
        }
        rows.append("</sheetData></worksheet>");
        Path million = tmp.resolve("million.xlsx");
        write(million, base, Map.of(t3, rows.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(million).reason()).contains("超过 20 MB");
        StringBuilder sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        String block = "政府信息公开".repeat(200);
        while (sst.length() < 26_000_000) {
            sst.append("<si><t>").append(block).append(sst.length()).append("</t></si>");
        }
        sst.append("</sst>");
        Path strings = tmp.resolve("strings.xlsx");
        write(strings, base, Map.of("xl/sharedStrings.xml", sst.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(strings).reason()).contains("已拒绝读取");
    }

    // ---- making the corpus ----

    private static byte[] huge(long size, char c) {
        // Written compressed by write(); the array holds one block that write() repeats.
        return ("HUGE:" + size + ":" + c).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] filledTemplate() throws IOException {
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        v.put("t3.received.natural", BigDecimal.valueOf(3));
        v.put("t3.disclosed.natural", BigDecimal.valueOf(3));
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(TestSupport.request("2021", 2024, "某局", ""))) {
            TestSupport.fill(wb, TestSupport.FORMATS.get("2021"), v);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String sheetPart(byte[] xlsx, String sheet) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            return wb.getSheet(sheet).getPackagePart().getPartName().getName().substring(1);
        }
    }

    /** Copies a workbook's zip, replacing some parts (a "HUGE:size:c" marker streams that many c's). */
    static void write(Path file, byte[] xlsx, Map<String, byte[]> replace) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             OutputStream os = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(os)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] r = replace.get(e.getName());
                if (r != null && new String(r, StandardCharsets.US_ASCII).startsWith("HUGE:")) {
                    String[] w = new String(r, StandardCharsets.US_ASCII).split(":");
                    byte[] chunk = new byte[1 << 20];
                    java.util.Arrays.fill(chunk, (byte) w[2].charAt(0));
                    byte[] head = "<worksheet><sheetData>".getBytes(StandardCharsets.US_ASCII);
                    out.write(head);
                    for (long left = Long.parseLong(w[1]); left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                } else {
                    out.write(r != null ? r : data);
                }
                out.closeEntry();
            }
        }
    }

    private static void edit(Path file, byte[] xlsx, String part, UnaryOperator<String> f) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(part)) {
                    m.put(part, f.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        write(file, xlsx, m);
    }

    static void generate() throws IOException {
        Files.createDirectories(DIR);
        byte[] base = filledTemplate();
        String t3 = sheetPart(base, TestSupport.FORMATS.get("2021").table("t3").sheet());
        Files.write(DIR.resolve("empty.xlsx"), new byte[0]);
        Files.write(DIR.resolve("truncated.xlsx"), java.util.Arrays.copyOf(base, base.length / 2));
        Files.writeString(DIR.resolve("pdf-renamed.xlsx"), "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(DIR.resolve("doc-renamed.xlsx"))) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        Path plain = DIR.resolve("encrypted.xlsx.tmp");
        Files.write(plain, base);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            } catch (Exception e) {
                throw new IOException(e);
            }
            try (OutputStream out = Files.newOutputStream(DIR.resolve("encrypted.xlsx"))) {
                fs.writeFilesystem(out);
            }
        } finally {
            Files.deleteIfExists(plain);
        }
        edit(DIR.resolve("xxe.xlsx"), base, t3, x -> x.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>")
                .replaceFirst("<v>3(\\.0)?</v>", "<v>&xxe;</v>"));
        Map<String, byte[]> macro = new LinkedHashMap<>();
        write(DIR.resolve("macro.xlsm"), base, macro);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(DIR.resolve("macro.xlsm")));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
            out.write("Sub AutoOpen(): Shell \"calc\": End Sub".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            out.finish();
            Files.write(DIR.resolve("macro.xlsm"), bytes.toByteArray());
        }
        TemplateLayout layout = TestSupport.FORMATS.get("2021").layout();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(base))) {
            TemplateLayout.Pos a = layout.pos("t3.received.business");
            wb.getSheet(a.sheet()).getRow(a.row()).getCell(a.col()).setCellFormula("HYPERLINK(\"http://example.invalid/\",\"点这里\")");
            TemplateLayout.Pos b = layout.pos("t3.received.research");
            wb.getSheet(b.sheet()).getRow(b.row()).getCell(b.col()).setCellFormula("1+1");
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            TestSupport.save(wb, DIR.resolve("formulas-in-inputs.xlsx"));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(base))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                wb.getSheetAt(i).getCTWorksheet().unsetSheetProtection();
            }
            TemplateLayout.Pos t = layout.pos("t3.received.total");
            var cell = wb.getSheet(t.sheet()).getRow(t.row()).getCell(t.col());
            cell.removeFormula();
            cell.setCellValue(30);
            wb.getSheet(t.sheet()).getRow(t.row()).getCell(0).setCellValue("一、本年收到");
            TestSupport.save(wb, DIR.resolve("tampered.xlsx"));
        }
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(
                TestSupport.request("2021", 2024, "=cmd|' /C calc'!A0", ""))) {
            TestSupport.fill(wb, TestSupport.FORMATS.get("2021"), TestSupport.zeros(TestSupport.FORMATS.get("2021")));
            TestSupport.save(wb, DIR.resolve("injection-name.xlsx"));
        }
        Path soffice = Path.of("/usr/bin/soffice");
        if (Files.isExecutable(soffice)) {
            Path work = Files.createTempDirectory("lo");
            Files.write(work.resolve("in.xlsx"), base);
            try {
                new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                        "-env:UserInstallation=" + work.resolve("p").toUri(), "--convert-to", "xls:MS Excel 97",
                        "--outdir", work.toString(), work.resolve("in.xlsx").toString()).inheritIO().start().waitFor();
                Files.copy(work.resolve("in.xls"), DIR.resolve("xls-renamed.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
