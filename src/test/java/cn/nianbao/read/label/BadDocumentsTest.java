package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.ReadResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad published documents: each is 无法读取 with its reason in Chinese, in bounded time, nothing
 * invented — an encrypted PDF, one with a broken cross-reference table, 2,000 pages, a scan with
 * no text layer, a .docx zip bomb, HTML nested 10,000 deep.
 */
class BadDocumentsTest {
    @TempDir
    Path dir;

    private static ReadResult read(Path file) {
        return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new LabelReader(TestSupport.FORMATS).readText(file, new LabelReader.Hints("某局", 2024, null)));
    }

    /** A reason in Chinese: no words of English (but the names of forms and programs) from a parser's message. */
    private static void assertNoEnglish(String reason) {
        assertThat(reason.replaceAll("Word|WPS|Excel|PDF|XML|zip|\\.docx|\\.doc|\\.mhtml|\\.html", ""))
                .as(reason).doesNotContainPattern("[A-Za-z]{3,}");
    }

    private static void assertUnreadable(ReadResult r, String... reason) {
        assertThat(r.readable()).isFalse();
        assertThat(r.reason()).contains(reason).doesNotContain("Exception");
    }

    /** A PDF of {@code pages} pages, each with a line of Latin text. */
    private static PDDocument textPdf(int pages) throws IOException {
        PDDocument doc = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (int i = 0; i < pages; i++) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Annual report page " + (i + 1) + " 1 2 3 4 5 6 7");
                cs.endText();
            }
        }
        return doc;
    }

    @Test
    void anEncryptedPdfSaysItHasAPassword() throws IOException {
        Path f = dir.resolve("加密.pdf");
        try (PDDocument doc = textPdf(2)) {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            p.setEncryptionKeyLength(128);
            doc.protect(p);
            doc.save(f.toFile());
        }
        assertUnreadable(read(f), "加密");
    }

    @Test
    void aPdfWithABrokenCrossReferenceTableIsUnreadableOrReadWithoutInventions() throws IOException {
        Path f = dir.resolve("损坏.pdf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = textPdf(3)) {
            doc.save(out);
        }
        String pdf = out.toString(StandardCharsets.ISO_8859_1);
        // Objects cut off half-way and the cross-reference table and trailer garbled.
        int xref = pdf.lastIndexOf("xref");
        String broken = pdf.substring(0, pdf.length() / 3) + "\nxref\n0 99\nzzzz garbage\ntrailer\n<< /Root 77 0 R /Size 3 >>\nstartxref\n"
                + xref + "\n%%EOF\n";
        Files.write(f, broken.getBytes(StandardCharsets.ISO_8859_1));
        ReadResult r = read(f);
        assertThat(r.readable()).isFalse();
        assertThat(r.reason()).containsAnyOf("已损坏", "没有文字层", "没有任何页面").doesNotContain("Exception");
    }

    @Test
    void twoThousandPagesAreRefusedBeforeTheyAreRead() throws IOException {
        Path f = dir.resolve("2000页.pdf");
        try (PDDocument doc = textPdf(2000)) {
            doc.save(f.toFile());
        }
        assertUnreadable(read(f), "2000 页", "上限");
    }

    @Test
    void aScannedPdfSaysTheTablesArePicturesAndInventsNothing() throws IOException {
        Path f = dir.resolve("扫描件.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.fillRect(0, 0, 400, 300);
            g.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, img), 72, 300, 400, 300);
            }
            doc.save(f.toFile());
        }
        assertUnreadable(read(f), "没有文字层", "图片", "没有推测任何数字");
    }

    @Test
    void aDocxZipBombIsNotUnpacked() throws IOException {
        Path f = dir.resolve("炸弹.docx");
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) { // 200 MB of one byte, a few hundred KB packed
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(f)).isLessThan(2 * 1024 * 1024);
        assertUnreadable(read(f), "过大或压缩比异常");
    }

    @Test
    void htmlNestedTenThousandDeepIsReadInBoundedTimeWithoutACrash() throws IOException {
        Path f = dir.resolve("嵌套.html");
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body>");
        sb.append("<div>".repeat(10_000)).append("<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table>")
                .append("</div>".repeat(10_000)).append("</body></html>");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        ReadResult r = read(f);
        // Read by its labels like any page (the depth is the browser's business): nothing but that row, never a crash.
        assertThat(r.readable()).as(r.reason()).isTrue();
        assertThat(r.filing().spec().cells().stream().filter(c -> !r.filing().asFiled(c.key()).isBlank())
                .map(c -> c.row().key()).distinct()).allMatch("received"::equals);
    }

    /** A corpus .docx with one part replaced by {@code edit} applied to it (null: the part left out). */
    private Path docxWith(String name, String part, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path from = TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023/report.docx");
        Path f = dir.resolve(name);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(part)) {
                    String edited = edit.apply(new String(b, StandardCharsets.UTF_8));
                    if (edited == null) {
                        continue;
                    }
                    b = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        return f;
    }

    @Test
    void aDocxWhoseXmlIsCutOffIsDamagedInChineseNotInTheParsersEnglish() throws IOException {
        // Found by DocumentFuzzTest: POI's "The element type ... must be terminated" reached the user.
        Path cut = docxWith("截断.docx", "word/document.xml", xml -> xml.substring(0, xml.length() / 2));
        Path tag = docxWith("标签.docx", "word/document.xml", xml -> xml.replaceFirst("<w:tc>", "<w:tc w:x>"));
        Path missing = docxWith("缺正文.docx", "word/document.xml", xml -> null);
        // The zip itself cut short inside a deflated member: was 无法读取：读写失败（Unexpected end of ZLIB input stream）.
        byte[] whole = Files.readAllBytes(TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023/report.docx"));
        Path zipCut = Files.write(dir.resolve("半个.docx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        for (Path f : java.util.List.of(cut, tag, missing, zipCut)) {
            ReadResult r = read(f);
            assertThat(r.readable()).as(f.toString()).isFalse();
            assertThat(r.reason()).as(f.toString()).contains("Word 文档（.docx）已损坏");
            assertNoEnglish(r.reason());
        }
    }

    @Test
    void aTextOfMillionsOfCharactersIsRefusedAsThePdfsAreNotReadForSeconds() throws IOException {
        // Found by DocumentFuzzTest: a report's line repeated to 19 MB (under the 20 MB cap) took over 20 s to read.
        String report = Files.readString(TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023/seed.txt"));
        Path f = dir.resolve("焦作市应急管理局-2023-重复.txt");
        Files.writeString(f, (report + "\n").repeat(3_100_000 / report.length() + 1), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ReadResult r = read(f);
        assertUnreadable(r, "文本文件的文字超过 3000000 个字符", "不像是一份年度报告");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void aDocThatIsNoOle2FileIsDamagedWithTheAdviceAndAWebPageNamedDocIsReadAsAPage() throws IOException {
        Path corpus = TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023");
        byte[] junk = new byte[50_000];
        new java.util.Random(16).nextBytes(junk);
        Path random = Files.write(dir.resolve("某局2024年报告.doc"), junk);
        Path cut = Files.write(dir.resolve("截断2024.doc"), java.util.Arrays.copyOf(Files.readAllBytes(corpus.resolve("report.doc")), 4096));
        // An OLE2 file whose "WordDocument" stream lost its name (found by DocumentFuzzTest: was read as a workbook).
        byte[] doc = Files.readAllBytes(corpus.resolve("report.doc"));
        String latin = new String(doc, StandardCharsets.ISO_8859_1).replace("W\0o\0r\0d\0D\0", "W\0o\0X\0d\0D\0");
        Path renamed = Files.write(dir.resolve("改名2024.doc"), latin.getBytes(StandardCharsets.ISO_8859_1));
        for (Path f : java.util.List.of(random, cut, renamed)) {
            ReadResult r = read(f);
            assertThat(r.readable()).as(f.toString()).isFalse();
            assertThat(r.reason()).as(f.toString()).contains("Word 文档（.doc）", "另存为 .docx");
            assertNoEnglish(r.reason());
        }
        // Word's "save as web page" and many sites' "export to Word" give HTML under a .doc name: read by content.
        Path page = Files.copy(corpus.resolve("cms.html"), dir.resolve("焦作市应急管理局-2023.doc"));
        ReadResult asDoc = read(page);
        assertThat(asDoc.readable()).as(asDoc.reason()).isTrue();
        ReadResult asHtml = read(corpus.resolve("cms.html"));
        assertThat(ReportForms.score(asDoc.filing(), asHtml.filing()).toString()).contains(" 0 blank, 0 wrong");
        assertThat(ReportForms.score(asDoc.filing(), asHtml.filing()).exact()).isEqualTo(asHtml.filing().spec().cells().size());
    }

    /** {@code html} as a browser's .mhtml, with a picture part of {@code pictureBytes} before the page. */
    private static byte[] mhtml(String html, int pictureBytes, String htmlBase64) {
        String b = "----MultipartBoundary--fuzz16----";
        StringBuilder m = new StringBuilder("From: <Saved by Blink>\r\nSubject: =?utf-8?B?5bm05oql?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; type=\"text/html\"; boundary=\"" + b + "\"\r\n\r\n");
        if (pictureBytes > 0) {
            byte[] png = new byte[pictureBytes];
            new java.util.Random(1).nextBytes(png);
            m.append("--").append(b).append("\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Location: http://www.example.gov.cn/big.png\r\n\r\n")
                    .append(java.util.Base64.getMimeEncoder().encodeToString(png)).append("\r\n");
        }
        m.append("--").append(b).append("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Location: http://www.example.gov.cn/art.html\r\n\r\n")
                .append(htmlBase64 != null ? htmlBase64 : java.util.Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)))
                .append("\r\n--").append(b).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anMhtmlWithAHugeBase64PartIsReadInBoundedTimeAndOneWhosePageIsBase64JunkIsUnreadable() throws IOException {
        Path corpus = TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023");
        String html = new String(Files.readAllBytes(corpus.resolve("lo.html")), StandardCharsets.UTF_8);
        // A 14 MB picture (19 MB of base64, under the 20 MB cap) before the page.
        Path big = Files.write(dir.resolve("焦作市应急管理局-2023-大图.mhtml"), mhtml(html, 14 * 1024 * 1024, null));
        assertThat(Files.size(big)).isBetween(18L * 1024 * 1024, 20L * 1024 * 1024);
        long start = System.nanoTime();
        ReadResult r = read(big);
        assertThat(r.readable()).as(r.reason()).isTrue();
        ReadResult page = read(corpus.resolve("lo.html"));
        assertThat(ReportForms.score(r.filing(), page.filing()).exact()).isEqualTo(page.filing().spec().cells().size());
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(15_000);
        // The page part itself: 15 MB of base64 that is no page, then characters that are no base64 at all.
        String junk = "QUFB".repeat(15 * 1024 * 1024 / 4) + "\r\n!!!!====\u00ff\r\n" + "A";
        ReadResult bad = read(Files.write(dir.resolve("焦作市应急管理局-2023-坏.mhtml"), mhtml("", 0, junk)));
        assertThat(bad.readable()).isFalse();
        assertThat(bad.reason()).containsPattern("\\p{IsHan}");
        assertNoEnglish(bad.reason());
    }

    @Test
    void aDocxWithAMemberNamedInGbkIsReadLikeTheOriginal() throws IOException {
        // Found by DocumentFuzzTest: ZipGuard's name decoding threw, 无法读取：malformed input off : 22, length : 1.
        // A Chinese zip tool names members in GBK without the UTF-8 flag: a part added that way is no damage.
        Path from = TestSupport.fixtures().resolve("corpus/焦作市应急管理局-2023/report.docx");
        Path f = dir.resolve("焦作市应急管理局-2023-重新压缩.docx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f), java.nio.charset.Charset.forName("GBK"))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("customXml/项目1.xml"));
            out.write("<a/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ReadResult r = read(f);
        assertThat(r.readable()).as(r.reason()).isTrue();
        ReadResult original = read(from);
        assertThat(ReportForms.score(r.filing(), original.filing()).exact()).isEqualTo(original.filing().spec().cells().size());
    }
}
