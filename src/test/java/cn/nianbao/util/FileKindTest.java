package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one detector of file kinds, over real bytes: the broken corpus (renamed files) and small samples made here. */
class FileKindTest {
    @TempDir
    Path tmp;

    @Test
    void renamedFilesAreToldByTheirContentNotTheirName() throws IOException {
        Path broken = TestSupport.fixtures().resolve("broken");
        Map<String, FileKind> expected = new LinkedHashMap<>();
        expected.put("pdf-renamed.xlsx", FileKind.PDF);
        expected.put("doc-renamed.xlsx", FileKind.DOC);
        expected.put("xls-renamed.xlsx", FileKind.XLS);
        expected.put("macro.xlsm", FileKind.XLSX);
        expected.put("tampered.xlsx", FileKind.XLSX);
        expected.put("empty.xlsx", FileKind.EMPTY);
        // Only the reader can tell what is wrong with these: they go to it as workbooks.
        expected.put("truncated.xlsx", FileKind.XLSX);
        expected.put("encrypted.xlsx", FileKind.XLS); // an OLE2 container around the encrypted package
        Map<String, FileKind> found = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            found.put(name, FileKind.of(broken.resolve(name)));
        }
        assertThat(found).containsExactlyEntriesOf(expected);
        assertThat(FileKind.of(broken.resolve("pdf-renamed.xlsx")).workbook()).isFalse();
        assertThat(FileKind.of(broken.resolve("xls-renamed.xlsx")).workbook()).isTrue();
    }

    @Test
    void officeContainersByWhatTheyHold() throws IOException {
        assertThat(kind("a.zip", zip(Map.of("报表.xlsx", "x")))).isEqualTo(FileKind.ZIP);
        assertThat(kind("report.bin", zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<w/>"))))
                .isEqualTo(FileKind.XLSX);
        assertThat(kind("report.xlsx", zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<d/>"))))
                .as("a Word document named as a workbook").isEqualTo(FileKind.DOCX);
        assertThat(kind("slides", zip(Map.of("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>"))))
                .isEqualTo(FileKind.PPTX);
        assertThat(kind("x.zip", new byte[] {'P', 'K', 3, 4, 1, 2, 3})).as("damaged: for the reader to judge").isEqualTo(FileKind.XLSX);
        // A damaged Word or PowerPoint file by its name: its own reader says what is wrong, not the workbook reader.
        assertThat(kind("报告.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isEqualTo(FileKind.DOCX);
        byte[] cutOle2 = java.util.Arrays.copyOf(ole2("WordDocument"), 600);
        assertThat(kind("报告.doc", cutOle2)).isEqualTo(FileKind.DOC);
        assertThat(kind("报告.WPS", cutOle2)).isEqualTo(FileKind.DOC);
        assertThat(kind("报表.xls", cutOle2)).isEqualTo(FileKind.XLS);
        assertThat(kind("报表.pdf", cutOle2)).as("not an OLE2 kind: for the workbook reader").isEqualTo(FileKind.XLS);
        assertThat(kind("报告.doc", ole2("WoXdDocument"))).as("a stream's name damaged").isEqualTo(FileKind.DOC);
        assertThat(kind("加密.xlsx", ole2("EncryptedPackage"))).isEqualTo(FileKind.XLS);

        assertThat(kind("book.doc", ole2("Workbook"))).isEqualTo(FileKind.XLS);
        assertThat(kind("book.et", ole2("Book"))).isEqualTo(FileKind.XLS);
        assertThat(kind("memo.xls", ole2("WordDocument"))).isEqualTo(FileKind.DOC);
        assertThat(kind("deck", ole2("PowerPoint Document"))).isEqualTo(FileKind.PPT);
        assertThat(kind("mail.msg", ole2("__properties_version1.0"))).isEqualTo(FileKind.MSG);
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("表二");
            wb.write(xls);
        }
        assertThat(kind("报表.et", xls.toByteArray())).as("WPS's spreadsheet is an OLE2 workbook").isEqualTo(FileKind.XLS);
    }

    @Test
    void signaturesThenNameThenText() throws IOException {
        assertThat(kind("a.xlsx", ascii("Rar!\u001a\u0007\u0000"))).isEqualTo(FileKind.RAR);
        assertThat(kind("a.xlsx", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C})).isEqualTo(FileKind.SEVEN_Z);
        assertThat(kind("a.txt", ascii("%PDF-1.4\n"))).isEqualTo(FileKind.PDF);
        assertThat(kind("a", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isEqualTo(FileKind.IMAGE);
        assertThat(kind("a", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo(FileKind.IMAGE);
        assertThat(kind("a", ascii("GIF89a"))).isEqualTo(FileKind.IMAGE);
        assertThat(kind("a", ascii("{\\rtf1\\ansi"))).isEqualTo(FileKind.RTF);

        String message = "From: a@example.cn\r\nSubject: 报表\r\nDate: Mon, 20 Jan 2025 10:00:00 +0800\r\n\r\n正文";
        assertThat(kind("noname", message.getBytes(StandardCharsets.UTF_8))).isEqualTo(FileKind.EML);
        assertThat(kind("export", ascii("From a@example.cn Mon Jan 20 10:00:00 2025\r\n" + message))).isEqualTo(FileKind.MBOX);
        assertThat(kind("empty.eml", new byte[0])).as("the name breaks the tie of an empty file").isEqualTo(FileKind.EML);
        assertThat(kind("empty.mbox", new byte[0])).isEqualTo(FileKind.MBOX);
        assertThat(kind("empty.xlsx", new byte[0])).isEqualTo(FileKind.EMPTY);

        assertThat(kind("名单.csv", "单位,代码\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileKind.CSV);
        assertThat(kind("说明.docx", "不是报表".getBytes(StandardCharsets.UTF_8))).as("content tells nothing: the name").isEqualTo(FileKind.DOCX);
        assertThat(kind("报告.txt", "不是报表".getBytes(Charset.forName("GBK")))).isEqualTo(FileKind.TEXT);
        assertThat(kind("报表.xls", "<html><body><table><tr><td>一、本年新收</td></tr></table>".getBytes(StandardCharsets.UTF_8)))
                .as("an HTML table saved as .xls is a web page").isEqualTo(FileKind.HTML);
        assertThat(kind("blob", new byte[] {1, 2, 3, 0, 5})).isEqualTo(FileKind.OTHER);
        // A .pdf name on what is no PDF is judged by its content; a PDF with bytes before its header stays a PDF.
        assertThat(kind("附件1.pdf", "<html><body><table><tr><td>一、本年新收</td></tr></table>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FileKind.HTML);
        assertThat(kind("附件1.pdf", new byte[] {1, 2, 3, 0, 5})).isEqualTo(FileKind.OTHER);
        assertThat(kind("附件1.pdf", ascii("\r\n%PDF-1.7\n"))).isEqualTo(FileKind.PDF);
        assertThat(FileKind.HTML.text()).isTrue();
        assertThat(FileKind.PDF.text()).isFalse();
    }

    @Test
    void oneListOfWorkbookExtensionsAndTheLockFile() {
        assertThat(FileKind.WORKBOOK_EXTENSIONS).containsExactly(".xlsx", ".xlsm", ".xls", ".et");
        assertThat(FileKind.workbookName("报表.XLSX")).isTrue();
        assertThat(FileKind.workbookName("报表.et")).isTrue();
        assertThat(FileKind.workbookName("报表.xlsm")).isTrue();
        assertThat(FileKind.workbookName("报表.csv")).isFalse();
        assertThat(FileKind.lockFile("~$报表.xlsx")).isTrue();
        assertThat(FileKind.lockFile("报表~$.xlsx")).isFalse();
        assertThat(FileKind.zip(new byte[] {'P', 'K', 3, 4})).isTrue();
        assertThat(FileKind.zip(new byte[] {'P', 'K', 5, 6})).isFalse();
        assertThat(FileKind.ole2(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})).as("too short for a header").isFalse();
    }

    private FileKind kind(String name, byte[] content) throws IOException {
        Path f = Files.createDirectories(tmp.resolve(Long.toString(System.nanoTime()))).resolve(name);
        Files.write(f, content);
        return FileKind.of(f);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(b)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
        }
        return b.toByteArray();
    }

    /** An OLE2 compound file holding one stream called {@code stream}. */
    private static byte[] ole2(String stream) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), stream);
            fs.writeFilesystem(b);
        }
        return b.toByteArray();
    }
}
