package cn.nianbao.round;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo round's returns as mail, for the mailbox tests: the messages of fixtures/round/收件
 * (UTF-8 names by RFC 2231 and RFC 2047, a GBK message sent late), the zip with GBK entry names
 * attached to a message with a GBK name, a forwarded message carrying 衢州's workbook, and two
 * questions without attachment — one from a roster agency, one from an unknown sender. Each comes
 * with the time its Date header says, which the tests give the server as its received time.
 */
public final class RoundMessages {
    /** One message: a file name for the inbox version, its bytes, the time of its Date header. */
    public record Message(String name, byte[] raw, Instant date) {
    }

    private RoundMessages() {
    }

    private static final DateTimeFormatter RFC = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    public static List<Message> all() throws IOException {
        Path inbox = TestSupport.fixtures().resolve("round/收件");
        List<Message> out = new ArrayList<>();
        for (String n : List.of("焦作-第一次报送.eml", "焦作-更正.eml", "聊城回复.eml")) {
            byte[] raw = withMessageId(Files.readAllBytes(inbox.resolve(n)), n);
            out.add(new Message(n, raw, date(raw)));
        }
        // The zip made on Windows, attached under a GBK name.
        String zipName = Mail.word("尖山区应急管理局.zip", Mail.GBK);
        out.add(message("尖山区-压缩包.eml", new Mail("尖山区应急管理局 <jsqyjj@example.cn>", "Sat, 25 Jan 2025 14:35:00 +0800",
                Mail.word("尖山区应急管理局2024年报表", Mail.GBK)).body("报表在压缩包里。", Mail.GBK)
                .attach("application/zip; name=\"" + zipName + "\"", "; filename=\"" + zipName + "\"",
                        Files.readAllBytes(inbox.resolve("尖山区应急管理局.zip")))));
        // 衢州's workbook in a forwarded message: the office's clerk forwards what the agency sent them.
        byte[] inner = new Mail("衢州市应急管理局 <qzyjj@example.cn>", "Wed, 15 Jan 2025 10:00:00 +0800",
                Mail.word("衢州市应急管理局2024年报表", StandardCharsets.UTF_8)).boundary("----=_inner_1")
                .body("报表见附件。", StandardCharsets.UTF_8)
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("衢州市应急管理局-2024.xlsx", StandardCharsets.UTF_8),
                        Files.readAllBytes(inbox.resolve("衢州市应急管理局-2024.xlsx")))
                .bytes();
        out.add(message("衢州-转发.eml", new Mail("qzyjj@example.cn", "Wed, 15 Jan 2025 10:20:00 +0800",
                Mail.word("转发：衢州市应急管理局2024年报表", StandardCharsets.UTF_8))
                .body("转发我局报表，请查收。", StandardCharsets.UTF_8).attachMessage(inner)));
        // Questions, no attachment: one from a roster agency, one from someone unknown.
        out.add(message("应急管理部-提问.eml", new Mail("yjglb@example.cn", "Thu, 16 Jan 2025 08:00:00 +0800",
                Mail.word("关于年报报送时间的询问", StandardCharsets.UTF_8)).body("我部能否延期报送？", StandardCharsets.UTF_8)));
        out.add(message("陌生人-提问.eml", new Mail("someone@other.example", "Fri, 17 Jan 2025 09:00:00 +0800",
                Mail.word("请问表三怎么填", StandardCharsets.UTF_8)).body("请问表三怎么填？", StandardCharsets.UTF_8)));
        return out;
    }

    /** A message of {@code mail}, with a Message-ID as a mail client gives it. */
    public static Message message(String name, Mail mail) {
        byte[] raw = withMessageId(mail.bytes(), name);
        return new Message(name, raw, date(raw));
    }

    /** A new message from {@code from} with a workbook attached, dated {@code date}: a later arrival. */
    public static Message workbook(String name, String from, ZonedDateTime date, Path workbook) throws IOException {
        return message(name, new Mail(from, RFC.format(date), Mail.word(name, StandardCharsets.UTF_8))
                .body("附件为报表。", StandardCharsets.UTF_8)
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231(workbook.getFileName().toString(), StandardCharsets.UTF_8),
                        Files.readAllBytes(workbook)));
    }

    /** A question without attachment from {@code from}. */
    public static Message question(String name, String from, ZonedDateTime date) {
        return message(name, new Mail(from, RFC.format(date), Mail.word(name, StandardCharsets.UTF_8))
                .body("请问。", StandardCharsets.UTF_8));
    }

    private static byte[] withMessageId(byte[] raw, String name) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.toLowerCase(Locale.ROOT).contains("\nmessage-id:") || text.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
            return raw;
        }
        String id = "Message-ID: <" + Integer.toHexString(name.hashCode()) + "." + raw.length + "@client.example>\r\n";
        byte[] idb = id.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[idb.length + raw.length];
        System.arraycopy(idb, 0, out, 0, idb.length);
        System.arraycopy(raw, 0, out, idb.length, raw.length);
        return out;
    }

    private static Instant date(byte[] raw) {
        try {
            jakarta.mail.internet.InternetHeaders h = new jakarta.mail.internet.InternetHeaders(new java.io.ByteArrayInputStream(raw));
            return new jakarta.mail.internet.MailDateFormat().parse(h.getHeader("Date", null)).toInstant();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the messages as .eml files into {@code dir} (the inbox the mailbox is compared with). */
    public static void write(List<Message> messages, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Message m : messages) {
            Files.write(dir.resolve(m.name()), m.raw());
        }
    }
}
