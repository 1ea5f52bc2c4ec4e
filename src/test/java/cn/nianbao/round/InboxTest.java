package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of inbox entry, each encoding of a Chinese name, and hostile names that must not escape. */
class InboxTest {
    @TempDir
    Path tmp;
    Path inbox;
    Path extract;
    byte[] workbook;

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(tmp.resolve("收件"));
        extract = tmp.resolve("out/附件");
        Path wb = TestSupport.filled(TestSupport.request("2021", 2024, "某局", ""), TestSupport.zeros(TestSupport.FORMATS.get("2021")),
                tmp.resolve("src.xlsx"));
        workbook = Files.readAllBytes(wb);
        Files.delete(wb);
    }

    private List<Inbox.Item> open() throws IOException {
        Map<Path, String> before = hashes(inbox);
        List<Inbox.Item> items = Inbox.open(inbox, extract);
        assertThat(hashes(inbox)).as("the inbox is only read").isEqualTo(before);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).filter(p -> !p.startsWith(inbox) && !p.startsWith(extract)).toList())
                    .as("nothing written outside the extraction folder").isEmpty();
        }
        for (Inbox.Item i : items) {
            if (i.file() != null && !i.file().startsWith(inbox)) {
                assertThat(i.file().toAbsolutePath().normalize()).startsWith(extract.toAbsolutePath().normalize());
            }
        }
        return items;
    }

    static Map<Path, String> hashes(Path dir) throws IOException {
        Map<Path, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                try {
                    m.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }

    private static String line(Inbox.Item i) {
        return i.member() + " | " + i.kind() + (i.reason().isEmpty() ? "" : " | " + i.reason())
                + (i.notes().isEmpty() ? "" : " | " + String.join(";", i.notes()));
    }

    @Test
    void zipNamesInGbkAndUtf8AndHostilePaths() throws IOException {
        LocalDateTime t = LocalDateTime.of(2025, 1, 20, 9, 0);
        Path inner = tmp.resolve("inner.zip");
        try (OutputStream out = Files.newOutputStream(inner); ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            RoundFixtures.entry(z, "内层报表.xlsx", workbook, t); // UTF-8, flagged (the default)
        }
        try (OutputStream out = Files.newOutputStream(inbox.resolve("报送.zip")); ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            z.setEncoding("GBK");
            z.setUseLanguageEncodingFlag(false);
            z.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            RoundFixtures.entry(z, "财政局/财政局2024年报表.xlsx", workbook, t);
            RoundFixtures.entry(z, "../../逃逸.xlsx", workbook, t);
            RoundFixtures.entry(z, "/etc/绝对.xlsx", workbook, t);
            RoundFixtures.entry(z, "__MACOSX/._财政局2024年报表.xlsx", new byte[] {0}, t);
            RoundFixtures.entry(z, "内层.zip", Files.readAllBytes(inner), t);
        }
        Files.delete(inner);
        List<Inbox.Item> items = open();
        assertThat(items).extracting(InboxTest::line).containsExactly(
                "财政局/财政局2024年报表.xlsx | WORKBOOK",
                "../../逃逸.xlsx | WORKBOOK | 压缩包条目名称“../../逃逸.xlsx”含有上级目录（..）或绝对路径，可能是恶意构造的；只取文件名“逃逸.xlsx”，"
                        + "解出的文件只写在本工具的输出文件夹中",
                "/etc/绝对.xlsx | WORKBOOK | 压缩包条目名称“/etc/绝对.xlsx”含有上级目录（..）或绝对路径，可能是恶意构造的；只取文件名“绝对.xlsx”，"
                        + "解出的文件只写在本工具的输出文件夹中",
                "__MACOSX/._财政局2024年报表.xlsx | SKIPPED | 压缩软件附带的系统文件，不是报表",
                "内层.zip » 内层报表.xlsx | WORKBOOK");
        assertThat(items.get(0).timeSource()).isEqualTo(Inbox.TimeSource.ZIP_ENTRY);
        assertThat(items.get(0).time()).isEqualTo(t.atZone(Collector.ZONE).toInstant());
        assertThat(items.get(0).name()).isEqualTo("财政局2024年报表.xlsx");
        assertThat(Files.readAllBytes(items.get(1).file())).isEqualTo(workbook);
    }

    /** A zip archive renamed to a workbook's name is unpacked like any zip; a broken "workbook" is still read as one. */
    @Test
    void aZipUnderAWorkbooksNameIsUnpacked() throws IOException {
        LocalDateTime t = LocalDateTime.of(2025, 1, 20, 9, 0);
        try (OutputStream out = Files.newOutputStream(inbox.resolve("财政局报表.xlsx")); ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            RoundFixtures.entry(z, "财政局2024年报表.xlsx", workbook, t);
        }
        Files.write(inbox.resolve("坏的.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
        List<Inbox.Item> items = open();
        assertThat(items).extracting(i -> Path.of(i.inboxFile()).getFileName() + " » " + line(i)).containsExactly(
                "坏的.xlsx »  | WORKBOOK",
                "财政局报表.xlsx » 财政局2024年报表.xlsx | WORKBOOK");
        assertThat(Files.readAllBytes(items.get(1).file())).isEqualTo(workbook);
    }

    @Test
    void attachmentNamesAsEachMailClientWritesThem() throws IOException {
        String gbk2047 = Mail.word("财政局报表（GBK）.xlsx", Mail.GBK);
        byte[] raw8bit = ("Content-Type: " + Mail.XLSX + "\r\nContent-Disposition: attachment; filename=\"")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] rawName = "教育局报表（8位GBK）.xlsx".getBytes(Mail.GBK);
        byte[] header = new byte[raw8bit.length + rawName.length + 1];
        System.arraycopy(raw8bit, 0, header, 0, raw8bit.length);
        System.arraycopy(rawName, 0, header, raw8bit.length, rawName.length);
        header[header.length - 1] = '"';
        Files.write(inbox.resolve("a.eml"), new Mail("=?GBK?B?ss7V/ro=?= <CaiZheng@Example.cn>", "Tue, 21 Jan 2025 08:00:00 +0800",
                Mail.word("报表", Mail.GBK))
                .body("附件是报表。", Mail.GBK)
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("卫健委报表（RFC2231 GBK）.xlsx", Mail.GBK), workbook)
                .attach(Mail.XLSX + "; name=\"" + gbk2047 + "\"", "; filename=\"" + gbk2047 + "\"", workbook)
                .attachRaw(header, workbook)
                .attach("application/pdf", "; filename=\"" + Mail.word("报告全文.pdf", StandardCharsets.UTF_8) + "\"",
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .attach(Mail.XLSX, "; filename=\"../../../evil.xlsx\"", workbook)
                .bytes());
        List<Inbox.Item> items = open();
        assertThat(items).extracting(InboxTest::line).containsExactly(
                "附件 卫健委报表（RFC2231 GBK）.xlsx | WORKBOOK",
                "附件 财政局报表（GBK）.xlsx | WORKBOOK",
                "附件 教育局报表（8位GBK）.xlsx | WORKBOOK",
                "附件 报告全文.pdf | SKIPPED | PDF 文档（.pdf），不是报表工作簿",
                "附件 evil.xlsx | WORKBOOK | 附件名称“../../../evil.xlsx”含有上级目录（..）或绝对路径，可能是恶意构造的；只取文件名“evil.xlsx”，"
                        + "解出的文件只写在本工具的输出文件夹中");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.sender()).isEqualTo("caizheng@example.cn");
            assertThat(i.subject()).isEqualTo("报表");
            assertThat(i.timeSource()).isEqualTo(Inbox.TimeSource.MAIL_DATE);
            assertThat(i.time()).isEqualTo(LocalDateTime.of(2025, 1, 21, 8, 0).atZone(Collector.ZONE).toInstant());
        });
        assertThat(Files.readAllBytes(items.get(0).file())).isEqualTo(workbook);
    }

    @Test
    void nestedMessagesMessagesWithoutAttachmentsAndMbox() throws IOException {
        byte[] original = new Mail("jiaoyu@example.cn", "Wed, 15 Jan 2025 10:00:00 +0800", "report")
                .boundary("inner-boundary").attach(Mail.XLSX, "; filename=\"jy.xlsx\"", workbook).bytes();
        Files.write(inbox.resolve("1-转发.eml"), new Mail("office@example.cn", "Thu, 16 Jan 2025 10:00:00 +0800", "Fwd")
                .body("转发教育局的报表", StandardCharsets.UTF_8).attachMessage(original).bytes());
        Files.write(inbox.resolve("2-无附件.eml"), new Mail("wsj@example.cn", "Fri, 17 Jan 2025 10:00:00 +0800",
                Mail.word("报表稍后发送", StandardCharsets.UTF_8)).body("今天先发邮件说明一下。", StandardCharsets.UTF_8).bytes());
        String m1 = new String(new Mail("a@example.cn", "Sat, 18 Jan 2025 10:00:00 +0800", "one")
                .attach(Mail.XLSX, "; filename=\"a.xlsx\"", workbook).bytes(), StandardCharsets.ISO_8859_1);
        String m2 = "From: b@example.cn\r\nDate: Sun, 19 Jan 2025 10:00:00 +0800\r\nSubject: two\r\n\r\n"
                + ">From the desk of b: no attachment today\r\n";
        Files.write(inbox.resolve("3-导出.mbox"), ("From a@example.cn Sat Jan 18 10:00:00 2025\r\n" + m1
                + "\r\nFrom b@example.cn Sun Jan 19 10:00:00 2025\r\n" + m2).getBytes(StandardCharsets.ISO_8859_1));
        Files.write(inbox.resolve("4-损坏.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Files.write(inbox.resolve("5-空.xlsx"), new byte[0]);
        Files.writeString(inbox.resolve("6-说明.docx.txt"), "不是报表");
        List<Inbox.Item> items = open();
        assertThat(items).extracting(i -> i.inboxFile().substring(inbox.toString().length() + 1) + " | " + line(i)).containsExactly(
                "1-转发.eml | 附件 附件邮件.eml » 附件 jy.xlsx | WORKBOOK",
                "2-无附件.eml |  | SKIPPED | 邮件中没有附件，没有报表（主题：报表稍后发送）",
                "3-导出.mbox | 第1封邮件 » 附件 a.xlsx | WORKBOOK",
                "3-导出.mbox | 第2封邮件 | SKIPPED | 邮件中没有附件，没有报表（主题：two）",
                "4-损坏.zip |  | WORKBOOK",
                "5-空.xlsx |  | WORKBOOK",
                "6-说明.docx.txt |  | SKIPPED | 文本文件（.txt），不是报表工作簿");
        assertThat(items.get(0).sender()).as("the forwarded original's sender").isEqualTo("jiaoyu@example.cn");
        assertThat(items.get(2).sender()).isEqualTo("a@example.cn");
        assertThat(items.get(3).sender()).isEqualTo("b@example.cn");
        assertThat(Files.readAllBytes(items.get(2).file())).isEqualTo(workbook);
    }

    @Test
    void nestingIsBounded() throws IOException {
        byte[] content = workbook;
        String name = "报表.xlsx";
        for (int depth = 0; depth < Inbox.MAX_DEPTH + 1; depth++) {
            Path z = tmp.resolve("z" + depth + ".zip");
            try (OutputStream out = Files.newOutputStream(z); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                RoundFixtures.entry(zip, name, content, LocalDateTime.of(2025, 1, 1, 0, 0));
            }
            content = Files.readAllBytes(z);
            Files.delete(z);
            name = "第" + depth + "层.zip";
        }
        Files.write(inbox.resolve("套娃.zip"), content);
        List<Inbox.Item> items = open();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Inbox.Kind.PROBLEM);
            assertThat(i.reason()).contains("嵌套超过" + Inbox.MAX_DEPTH + "层");
        });
    }
}
