package cn.nianbao.round;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The demo's collection round (fixtures/round): a GBK roster of five agencies and an inbox with a
 * clean return, a return with errors sent late in a GBK message, a first submission and its
 * correction, a .zip with GBK entry names, and one agency that has not submitted.
 */
public final class RoundFixtures {
    private RoundFixtures() {
    }

    static final String ROSTER = """
            单位名称,统一社会信用代码,联系邮箱,上级单位,别名
            衢州市应急管理局,11330800002618736G,qzyjj@example.cn,衢州市人民政府,衢州市安全生产监督管理局
            焦作市应急管理局,,jzyjj@example.cn,焦作市人民政府,
            聊城市应急管理局,,lcyjj@example.cn,聊城市人民政府,
            尖山区应急管理局,,jsqyjj@example.cn,双鸭山市尖山区人民政府,
            应急管理部,,yjglb@example.cn,,
            """;

    /** The plain files' times (a saved file has no Date header): set after copying, since git keeps none. */
    static final Map<String, LocalDateTime> FILE_TIMES = Map.of(
            "衢州市应急管理局-2024.xlsx", LocalDateTime.of(2025, 1, 15, 10, 0));

    static void build(Path fixtures) throws IOException {
        Path round = fixtures.resolve("round");
        Path inbox = round.resolve("收件");
        Files.createDirectories(inbox);
        Files.write(round.resolve("名册.csv"), ROSTER.replace("\n", "\r\n").getBytes(Mail.GBK));
        Path demo = fixtures.resolve("demo");
        Files.copy(fixtures.resolve("seeds/衢州市应急管理局-2024.xlsx"), inbox.resolve("衢州市应急管理局-2024.xlsx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // Foxmail style: RFC 2231 name in UTF-8.
        Files.write(inbox.resolve("焦作-第一次报送.eml"), new Mail("焦作市应急管理局 <jzyjj@example.cn>",
                "Fri, 10 Jan 2025 09:30:00 +0800", Mail.word("报送：焦作市应急管理局2024年报表", StandardCharsets.UTF_8))
                .body("您好，附件是我局2024年政府信息公开工作年度报告统计表，请查收。", StandardCharsets.UTF_8)
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("焦作市应急管理局-2024.xlsx", StandardCharsets.UTF_8),
                        Files.readAllBytes(demo.resolve("焦作市应急管理局-2024.xlsx")))
                .bytes());
        // Outlook style: RFC 2047 word in UTF-8 in filename and name.
        String name = Mail.word("焦作市应急管理局-2024（更正）.xlsx", StandardCharsets.UTF_8);
        Files.write(inbox.resolve("焦作-更正.eml"), new Mail("jzyjj@example.cn", "Mon, 20 Jan 2025 16:05:00 +0800",
                Mail.word("回复：请填报2024年政府信息公开工作年度报告统计表", StandardCharsets.UTF_8))
                .body("上年结转填错了，这是改正后的表。", StandardCharsets.UTF_8)
                .attach(Mail.XLSX + "; name=\"" + name + "\"", "; filename=\"" + name + "\"",
                        Files.readAllBytes(demo.resolve("焦作市应急管理局-2024-更正.xlsx")))
                .bytes());
        // A GBK client, after the deadline: GBK body, RFC 2047 name in GBK.
        String gbkName = Mail.word("聊城市应急管理局2024年报表.xlsx", Mail.GBK);
        Files.write(inbox.resolve("聊城回复.eml"), new Mail("=?GBK?B?wcSzx8rQ06a8sbncwO2+1g==?= <lcyjj@example.cn>",
                "Mon, 3 Feb 2025 11:20:00 +0800", Mail.word("聊城市应急管理局报表", Mail.GBK))
                .body("附件为我局报表。", Mail.GBK)
                .attach("application/vnd.ms-excel; name=\"" + gbkName + "\"", "; filename=\"" + gbkName + "\"",
                        Files.readAllBytes(demo.resolve("聊城市应急管理局-2024.xlsx")))
                .bytes());
        // A zip made on Windows: GBK entry names without the UTF-8 flag, and a note beside the workbook.
        LocalDateTime zipped = LocalDateTime.of(2025, 1, 25, 14, 30);
        try (OutputStream out = Files.newOutputStream(inbox.resolve("尖山区应急管理局.zip"));
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding("GBK");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            entry(zip, "尖山区应急管理局2024年报表.xlsx", Files.readAllBytes(demo.resolve("尖山区应急管理局-2024.xlsx")), zipped);
            entry(zip, "填报说明.txt", "报表已经领导审核。".getBytes(Mail.GBK), zipped);
        }
    }

    static void entry(ZipArchiveOutputStream zip, String name, byte[] content, LocalDateTime time) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setLastModifiedTime(FileTime.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        zip.putArchiveEntry(e);
        zip.write(content);
        zip.closeArchiveEntry();
    }

    /** Sets the plain files' times in a copy of the inbox. */
    public static void setTimes(Path inbox) throws IOException {
        for (Map.Entry<String, LocalDateTime> e : FILE_TIMES.entrySet()) {
            Path f = inbox.resolve(e.getKey());
            if (Files.exists(f)) {
                Files.setLastModifiedTime(f, FileTime.from(e.getValue().atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            }
        }
    }
}
