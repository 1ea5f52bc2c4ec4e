package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.round.CollectionWorkbook;
import cn.nianbao.round.MailHeaders;
import cn.nianbao.round.mail.SendLog;
import cn.nianbao.round.mail.TcpProxy;
import cn.nianbao.round.mail.TestMailServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** send against a real SMTP server on loopback, read back over IMAP; faults on a proxy in front of it. */
class SendMailTest {
    @TempDir
    Path dir;

    TestMailServer server;
    final List<CliTest.Run> runs = new ArrayList<>();

    static final List<String> AGENCIES = List.of("qzyjj@example.cn", "jzyjj@example.cn", "lcyjj@example.cn", "jsqyjj@example.cn",
            "yjglb@example.cn");

    @BeforeEach
    void start() {
        server = new TestMailServer();
        AGENCIES.forEach(server::user);
        MailOptions.environment = name -> name.equals(MailOptions.PASSWORD_VARIABLE) ? TestMailServer.PASSWORD : null;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        MailOptions.environment = System::getenv;
        // No password in anything printed or written.
        for (CliTest.Run r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(TestMailServer.PASSWORD);
        }
        assertNoPassword(dir);
    }

    /** No file under {@code dir} holds the password, workbooks' parts included. */
    static void assertNoPassword(Path dir) throws Exception {
        byte[] pw = TestMailServer.PASSWORD.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                assertThat(indexOf(b, pw)).as(f.toString()).isNegative();
                if (b.length > 4 && b[0] == 'P' && b[1] == 'K') {
                    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile(), StandardCharsets.ISO_8859_1)) {
                        for (ZipEntry e : java.util.Collections.list(z.entries())) {
                            try (InputStream in = z.getInputStream(e)) {
                                assertThat(indexOf(in.readAllBytes(), pw)).as(f + "!" + e.getName()).isNegative();
                            }
                        }
                    }
                }
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    CliTest.Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        runs.add(r);
        return r;
    }

    Path issue(Path roster) {
        Path out = dir.resolve("发出");
        CliTest.Run r = run("issue", "--roster", roster.toString(), "--year", "2024", "-o", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isIn(0, 1);
        return out;
    }

    static Path roster() {
        return TestSupport.fixtures().resolve("round/名册.csv");
    }

    /** Every message in {@code address}'s mailbox, read over IMAP as that user (GreenMail's password is the address). */
    List<MimeMessage> readBack(String address) throws Exception {
        Session s = Session.getInstance(new Properties());
        Store st = s.getStore("imap");
        st.connect("127.0.0.1", server.imapPort(), address, address);
        try {
            Folder f = st.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            List<MimeMessage> out = new ArrayList<>();
            for (Message m : f.getMessages()) {
                out.add(new MimeMessage((MimeMessage) m));
            }
            f.close(false);
            return out;
        } finally {
            st.close();
        }
    }

    static Part attachment(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).getFileName() != null) {
                return mp.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment");
    }

    static byte[] bytes(Part p) throws Exception {
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void sendDeliversEachDraftOnceAsWrittenAndAReRunSendsNothing() throws Exception {
        Path out = issue(roster());
        CliTest.Run dry = run("send", out.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("将发送 5").contains("没有发送任何邮件");
        assertThat(readBack("qzyjj@example.cn")).isEmpty();

        CliTest.Run sent = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out()).contains("已发送 5");
        for (String a : AGENCIES) {
            List<MimeMessage> got = readBack(a);
            assertThat(got).as(a).hasSize(1);
            MimeMessage m = got.get(0);
            assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(a);
            assertThat(m.getFrom()).extracting(Object::toString).containsExactly(TestMailServer.USER);
            assertThat(m.getSubject()).startsWith("请填报2024年政府信息公开工作年度报告统计表（");
            Part att = attachment(m);
            String name = jakarta.mail.internet.MimeUtility.decodeText(att.getFileName());
            assertThat(name).endsWith("-2024.xlsx");
            assertThat(bytes(att)).as(name).isEqualTo(Files.readAllBytes(out.resolve(name)));
            // A sent message is no draft: its marks are off; ours, by its Message-ID and X-Nianbao-Sent.
            assertThat(m.getHeader("X-Unsent")).isNull();
            assertThat(m.getHeader(cn.nianbao.report.OutputGuard.DRAFT_HEADER)).isNull();
            assertThat(m.getHeader(MailHeaders.SENT)).isNotNull();
            assertThat(m.getMessageID()).startsWith(MailHeaders.SENT_ID_PREFIX);
            assertThat(m.getSentDate().toInstant()).isAfter(Instant.now().minusSeconds(600));
        }
        List<String> log = Files.readAllLines(out.resolve(SendLog.FILE), StandardCharsets.UTF_8);
        assertThat(log.get(0)).isEqualTo("\ufeff草稿,指纹,Message-ID,收件人,时间,结果,服务器回复,发出内容SHA-256");
        // A row as each message goes to the server, and one with what the server said.
        assertThat(log.subList(1, log.size())).hasSize(10);
        assertThat(log).filteredOn(l -> l.contains("," + SendLog.PENDING + ",")).hasSize(5);
        assertThat(log).filteredOn(l -> l.contains(",已发送,250")).hasSize(5).allMatch(l -> l.matches(".*,[0-9a-f]{64}"));

        CliTest.Run again = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("已发送 0，以前已发送 5");
        // The drafts written again (same content, new MIME boundaries and template files): still sent once.
        issue(roster());
        CliTest.Run third = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(third.out()).contains("已发送 0，以前已发送 5");
        for (String a : AGENCIES) {
            assertThat(readBack(a)).as(a).hasSize(1);
        }
    }

    @Test
    void aDraftWithoutRecipientARejectedAddressAndADroppedConnectionResumeWithoutDuplicates() throws Exception {
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, Files.readString(roster(), java.nio.charset.Charset.forName("GBK"))
                + "无邮箱单位,,,,\r\n", StandardCharsets.UTF_8);
        Path out = issue(roster);
        try (TcpProxy cutting = TcpProxy.smtp(server.smtpPort(), Set.of("lcyjj@example.cn"), 2)) {
            CliTest.Run first = run("send", out.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + cutting.port(),
                    "--per-minute", "6000", "--timeout", "5");
            assertThat(first.code()).as(first.out() + first.err()).isEqualTo(2);
            assertThat(first.err()).contains("SMTP 服务器 127.0.0.1:" + cutting.port()).contains("连接中断")
                    .contains("下次运行会用同一 Message-ID 再发一次");
        }
        // The draft cut off is the one whose last row is "being sent".
        SendLog cut = SendLog.of(out);
        List<SendLog.Row> pending = cut.rows().stream().map(SendLog.Row::fingerprint).distinct().map(cut::last)
                .filter(r -> r.result().equals(SendLog.PENDING)).toList();
        assertThat(pending).hasSize(1);
        String pendingId = pending.get(0).messageId();
        try (TcpProxy refusing = TcpProxy.smtp(server.smtpPort(), Set.of("lcyjj@example.cn"), 0)) {
            CliTest.Run second = run("send", out.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + refusing.port(),
                    "--per-minute", "6000");
            assertThat(second.code()).as(second.out() + second.err()).isEqualTo(1);
            assertThat(second.out()).contains("服务器拒绝，未发送：").contains("lcyjj@example.cn").contains("550")
                    .contains("没有收件人，未发送：" + out.resolve("无邮箱单位-2024.eml"));
        }
        for (String a : AGENCIES) {
            assertThat(readBack(a)).as(a).hasSize(a.startsWith("lcyjj") ? 0 : 1);
        }
        // The draft cut off went again under its first Message-ID.
        assertThat(Files.readString(out.resolve(SendLog.FILE))).contains(pendingId + ",");
        long withId = AGENCIES.stream().filter(a -> !a.startsWith("lcyjj")).flatMap(a -> {
            try {
                return readBack(a).stream();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> {
            try {
                return pendingId.equals(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertThat(withId).isEqualTo(1);
    }

    @Test
    void collectPassesOverOurSentMessageButReadsAReplyThatCopiesItsHeaders() throws Exception {
        Path out = issue(roster());
        assertThat(run("send", out.resolve("衢州市应急管理局-2024.eml").toString(), "--smtp", server.smtp(), "--per-minute", "6000")
                .code()).isZero();
        MimeMessage sent = readBack("qzyjj@example.cn").get(0);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        sent.writeTo(raw);
        server.deliver("INBOX", raw.toByteArray(), Instant.parse("2025-01-02T00:00:00Z")); // a copy to ourselves

        // The agency's reply, made from our message with its headers kept (but its own Message-ID), the filled report attached.
        MimeMessage reply = new MimeMessage(sent);
        reply.setHeader("Message-ID", "<reply-1@qz.example>");
        reply.setFrom("qzyjj@example.cn");
        reply.setRecipients(Message.RecipientType.TO, TestMailServer.USER);
        reply.setSubject("回复：" + sent.getSubject(), "UTF-8");
        jakarta.mail.internet.MimeMultipart mp = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("已填好。", "UTF-8");
        jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
        file.attachFile(TestSupport.fixtures().resolve("round/收件/衢州市应急管理局-2024.xlsx").toFile());
        file.setFileName(jakarta.mail.internet.MimeUtility.encodeText("衢州市应急管理局-2024.xlsx", "UTF-8", "B"));
        mp.addBodyPart(text);
        mp.addBodyPart(file);
        reply.setContent(mp);
        reply.saveChanges();
        reply.setHeader("Message-ID", "<reply-1@qz.example>");
        assertThat(reply.getHeader(MailHeaders.SENT)).isNotNull();
        ByteArrayOutputStream rb = new ByteArrayOutputStream();
        reply.writeTo(rb);
        server.deliver("INBOX", rb.toByteArray(), Instant.parse("2025-01-15T02:00:00Z"));

        Path wb = dir.resolve("2024-收集情况.xlsx");
        CliTest.Run c = run("collect", "--roster", roster().toString(), "--year", "2024", "--imap", server.imap("INBOX"),
                "-o", wb.toString(), "--quiet");
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(1);
        try (Workbook w = WorkbookFactory.create(wb.toFile(), null, true)) {
            List<List<String>> items = CollectCommandTest.rows(w.getSheet(CollectionWorkbook.ITEMS));
            assertThat(items).anyMatch(r -> r.get(5).equals("跳过") && r.get(12).startsWith("本工具发出的邮件，不是收到的报送（主题：请填报"));
            assertThat(items).anyMatch(r -> r.get(1).equals("附件 衢州市应急管理局-2024.xlsx") && r.get(6).equals("衢州市应急管理局"));
        }
        assertThat(CollectMailTest.statuses(wb)).filteredOn(s -> s.startsWith("衢州市应急管理局|")).singleElement()
                .satisfies(s -> assertThat(s).startsWith("衢州市应急管理局|已提交-通过"));
    }

    @Test
    void theSendLogIsOnlyEverAddedToAndNoOtherOutputReplacesIt() throws Exception {
        Path out = issue(roster());
        CliTest.Run sent = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        Path log = out.resolve(SendLog.FILE);
        // The supervisor notes something in it (a line of their own).
        Files.writeString(log, "备注：聊城已电话通知\r\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        byte[] noted = Files.readAllBytes(log);
        // A re-issue into the same folder (drafts written again), another send: nothing sent twice, the log only grows.
        issue(roster());
        CliTest.Run again = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(again.out()).contains("已发送 0，以前已发送 5");
        assertThat(Files.readAllBytes(log)).startsWith(noted);
        // Another command's output on the log is refused, --force or not.
        for (String[] args : List.of(new String[] {"read", TestSupport.fixtures().resolve("round/收件").toString(), "--csv", log.toString()},
                new String[] {"read", TestSupport.fixtures().resolve("round/收件").toString(), "--csv", log.toString(), "--force"})) {
            CliTest.Run r = run(args);
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("发送记录").contains("--force 也不会");
        }
        assertThat(Files.readAllBytes(log)).startsWith(noted);
        // A new draft (a new agency in the roster): sent, and its rows added after the note.
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, Files.readString(roster(), java.nio.charset.Charset.forName("GBK"))
                + "新增单位,,xzdw@example.cn,,\r\n", StandardCharsets.UTF_8);
        issue(roster);
        CliTest.Run third = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(third.out()).contains("已发送 1，以前已发送 5");
        assertThat(Files.readAllBytes(log)).startsWith(noted);
        assertThat(Files.readString(log, StandardCharsets.UTF_8).substring(new String(noted, StandardCharsets.UTF_8).length()))
                .contains("新增单位-2024.eml").contains(SendLog.PENDING).contains(SendLog.SENT);
    }

    @Test
    void anEditedDraftGoesAsEditedSaysSoAndTheLogHoldsTheFingerprintOfWhatWasSent() throws Exception {
        Path out = issue(roster());
        Path draft;
        try (Stream<Path> s = Files.list(out)) {
            draft = s.filter(p -> p.getFileName().toString().startsWith("衢州") && p.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        // The supervisor changes the subject (as a mail program saves it: the rest as it was).
        String text = Files.readString(draft, StandardCharsets.ISO_8859_1);
        MimeMessage edit;
        try (InputStream in = Files.newInputStream(draft)) {
            edit = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        edit.setSubject("衢州：请于周五前报送", "UTF-8");
        try (java.io.OutputStream o = Files.newOutputStream(draft)) {
            edit.writeTo(o);
        }
        CliTest.Run dry = run("send", out.toString(), "--dry-run");
        assertThat(dry.out()).contains("有人改过");
        CliTest.Run sent = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out().lines().filter(l -> l.contains("有人改过")).toList()).singleElement().asString().contains("衢州");
        List<MimeMessage> got = readBack("qzyjj@example.cn");
        assertThat(got).singleElement().extracting(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).isEqualTo("衢州：请于周五前报送");
        // The log's fingerprint of the message sent is of the edited draft: it differs from the draft's own mark.
        SendLog.Row row = SendLog.of(out).last(SendLog.of(out).rows().stream()
                .filter(r -> r.draft().equals(draft.getFileName().toString())).findFirst().orElseThrow().fingerprint());
        assertThat(row.result()).isEqualTo(SendLog.SENT);
        String mark = text.lines().findFirst().orElseThrow();
        assertThat(mark).startsWith(cn.nianbao.report.OutputGuard.DRAFT_HEADER + ": nianbao ");
        assertThat(row.sentSha256()).matches("[0-9a-f]{64}").isNotEqualTo(mark.substring(mark.lastIndexOf("sha256=") + 7));
    }

    @Test
    void sendOptionsAreCheckedFirst() throws Exception {
        Path out = issue(roster());
        assertThat(run("send", out.toString()).err()).contains("缺少 --smtp");
        assertThat(run("send", out.toString(), "--smtp", "smtp://gkb@127.0.0.1:25", "--per-minute", "0").err())
                .contains("--per-minute 应为 1 或更大的整数");
        assertThat(run("send", out.toString(), "--smtp", "smtp://gkb@127.0.0.1:" + server.smtpPort()).err())
                .contains("请用 --from 给出发件人邮箱地址");
        Path foreign = out.resolve(SendLog.FILE);
        Files.writeString(foreign, "别人的文件\n");
        CliTest.Run refused = run("send", out.toString(), "--smtp", server.smtp());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(SendLog.FILE).contains("不会替换");
        assertThat(readBack("qzyjj@example.cn")).isEmpty();
    }

    @Test
    void aDraftNamedTwiceInOneRunIsSentOnce() throws Exception {
        server.user("xzdw@example.cn");
        server.user("dierge@example.cn");
        Path out = issue(roster());
        // The folder twice.
        CliTest.Run twice = run("send", out.toString(), out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(twice.code()).as(twice.out() + twice.err()).isZero();
        assertThat(twice.out()).contains("草稿 5 份：已发送 5");
        for (String a : AGENCIES) {
            assertThat(readBack(a)).as(a).hasSize(1);
        }
        // The folder as typed another way and a draft in it, after the drafts are written again (a new round's
        // content: a new year's subject). One log, each draft once.
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, Files.readString(roster(), java.nio.charset.Charset.forName("GBK"))
                + "新增单位,,xzdw@example.cn,,\r\n", StandardCharsets.UTF_8);
        issue(roster);
        Path other = out.resolve("..").resolve(out.getFileName());
        CliTest.Run mixed = run("send", other.toString(), out.resolve("新增单位-2024.eml").toString(), "--smtp", server.smtp(),
                "--per-minute", "6000");
        assertThat(mixed.code()).as(mixed.out() + mixed.err()).isZero();
        assertThat(mixed.out()).contains("草稿 6 份：已发送 1，以前已发送 5");
        assertThat(readBack("xzdw@example.cn")).hasSize(1);
        assertThat(Files.readAllLines(out.resolve(SendLog.FILE), StandardCharsets.UTF_8))
                .filteredOn(l -> l.startsWith("新增单位-2024.eml,") && l.contains("," + SendLog.SENT + ",")).hasSize(1);
        // A copy of a draft beside it (the same message under another name): sent once, the copy reported as sent.
        Files.writeString(roster, Files.readString(roster(), java.nio.charset.Charset.forName("GBK"))
                + "新增单位,,xzdw@example.cn,,\r\n第二个新增单位,,dierge@example.cn,,\r\n", StandardCharsets.UTF_8);
        issue(roster);
        Files.copy(out.resolve("第二个新增单位-2024.eml"), out.resolve("第二个新增单位-2024 - 副本.eml"));
        // --dry-run says what the run will do: the draft once, its copy skipped.
        CliTest.Run dry = run("send", out.toString(), "--dry-run");
        assertThat(dry.out()).contains("草稿 8 份：将发送 1");
        assertThat(dry.out().lines().filter(l -> l.contains("第二个新增单位-2024")).map(l -> l.startsWith("将发送") ? "将发送" : l.contains("内容相同") ? "副本跳过" : l))
                .containsExactlyInAnyOrder("将发送", "副本跳过");
        CliTest.Run copy = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(copy.out()).contains("草稿 8 份：已发送 1，以前已发送 7");
        assertThat(readBack("dierge@example.cn")).hasSize(1);
    }

    @Test
    void aMessageSentWhoseLogCannotBeWrittenStopsTheRunAndSaysItWasSent() throws Exception {
        Path out = issue(roster());
        Path log = out.resolve(SendLog.FILE);
        Path aside = dir.resolve("记录另存");
        // After the second message's end reaches the server, the log is taken away (a folder in its place):
        // that message goes out, and its 已发送 row cannot be written.
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        try (TcpProxy p = TcpProxy.smtp(server.smtpPort(), java.util.Map.of(), 0, (n, data) -> {
            if (n == 2) {
                try {
                    Files.move(log, aside);
                    Files.createDirectory(log);
                    taken.set(true);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        })) {
            CliTest.Run r = run("send", out.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + p.port(),
                    "--per-minute", "6000");
            assertThat(taken).isTrue();
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("已经发出").contains("Message-ID " + MailHeaders.SENT_ID_PREFIX).contains("但无法记入发送记录 " + log)
                    .contains("下次运行会用同一 Message-ID 再发一次").contains("本次在它之前发出的 1 封都已记入发送记录");
        }
        Files.delete(log);
        Files.move(aside, log);
        // The log's last row for the draft named is 开始发送, and it did arrive: under the Message-ID the message named.
        SendLog l = SendLog.of(out);
        List<SendLog.Row> lastRows = l.rows().stream().map(SendLog.Row::fingerprint).distinct().map(l::last).toList();
        assertThat(lastRows).hasSize(2);
        SendLog.Row open = lastRows.stream().filter(x -> x.result().equals(SendLog.PENDING)).findFirst().orElseThrow();
        CliTest.Run last = runs.get(runs.size() - 1);
        assertThat(last.err()).contains("草稿 " + open.draft() + " 已经发出").contains(open.messageId());
        long delivered = AGENCIES.stream().flatMap(a -> {
            try {
                return readBack(a).stream();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> {
            try {
                return open.messageId().equals(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertThat(delivered).isEqualTo(1);
    }

    @Test
    void aLogThatCannotBeWrittenStopsTheRunBeforeAnythingIsSent() throws Exception {
        Path out = issue(roster());
        CliTest.Run first = run("send", out.resolve("衢州市应急管理局-2024.eml").toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        Path log = out.resolve(SendLog.FILE);
        byte[] before = Files.readAllBytes(log);
        Locked locked = Locked.of(log);
        try {
            // No password and a server that is not there: neither is reached, the log is the first thing checked.
            MailOptions.environment = name -> null;
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            CliTest.Run r = run("send", out.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + port);
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("无法写入 " + log).contains("没有发送任何邮件").contains("Excel")
                    .doesNotContain("密码").doesNotContain("无法连接");
        } finally {
            locked.close();
        }
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        for (String a : AGENCIES) {
            assertThat(readBack(a)).as(a).hasSize(a.startsWith("qzyjj") ? 1 : 0);
        }
    }


    @Test
    void aTemporaryRefusalIsNoWrongAddressAndTheNextRunSendsIt() throws Exception {
        Path out = issue(roster());
        java.util.Map<String, String> replies = java.util.Map.of(
                "lcyjj@example.cn", "451 4.7.1 <lcyjj@example.cn>: Recipient address rejected: Greylisted, try again later",
                "jzyjj@example.cn", "450 4.2.0 <jzyjj@example.cn>: Too many messages, slow down",
                "yjglb@example.cn", "550 5.1.1 <yjglb@example.cn>: Recipient address rejected: User unknown");
        try (TcpProxy p = TcpProxy.smtp(server.smtpPort(), replies, 0, (n, data) -> { })) {
            CliTest.Run r = run("send", out.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + p.port(),
                    "--per-minute", "6000");
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            List<String> lines = r.out().lines().toList();
            for (String a : List.of("聊城", "焦作")) {
                // 4xx: said to be temporary, no advice to fix the roster
                assertThat(lines).filteredOn(l -> l.contains(a) && l.contains(".eml")).singleElement().asString()
                        .startsWith("服务器暂时拒绝（限速或灰名单），未发送，下次运行会再发：").contains("服务器回复：45")
                        .doesNotContain("名册中的邮箱");
            }
            // 5xx: the address is wrong, fix it
            assertThat(lines).filteredOn(l -> l.contains("服务器回复：550")).singleElement().asString()
                    .startsWith("服务器拒绝，未发送：").contains("请改正名册中的邮箱");
            assertThat(r.out()).contains("已发送 2，以前已发送 0，服务器暂时拒绝 2（下次运行会再发），未发送（没有收件人、被拒绝等）1");
        }
        // Not logged as refused for good: the next run sends the two (and tries the wrong address again).
        SendLog log = SendLog.of(out);
        assertThat(log.rows()).filteredOn(x -> x.result().equals(SendLog.REJECTED)).singleElement()
                .satisfies(x -> assertThat(x.recipients()).isEqualTo("yjglb@example.cn"));
        assertThat(log.rows()).filteredOn(x -> x.result().equals(SendLog.DEFERRED)).extracting(SendLog.Row::recipients)
                .containsExactlyInAnyOrder("lcyjj@example.cn", "jzyjj@example.cn");
        CliTest.Run next = run("send", out.toString(), "--smtp", server.smtp(), "--per-minute", "6000");
        assertThat(next.out()).contains("已发送 3，以前已发送 2");
        for (String a : AGENCIES) {
            assertThat(readBack(a)).as(a).hasSize(1);
        }
    }


    @Test
    void theLoggedSha256IsOfWhatTheServerWasHandedWithoutTheBcc() throws Exception {
        server.user("bcc@example.cn");
        Path out = issue(roster());
        Path draft = out.resolve("衢州市应急管理局-2024.eml");
        // The supervisor adds a blind copy in a mail program.
        MimeMessage edit;
        try (InputStream in = Files.newInputStream(draft)) {
            edit = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        edit.setRecipients(Message.RecipientType.BCC, "bcc@example.cn");
        try (java.io.OutputStream o = Files.newOutputStream(draft)) {
            edit.writeTo(o);
        }
        List<byte[]> handed = java.util.Collections.synchronizedList(new ArrayList<>());
        try (TcpProxy p = TcpProxy.smtp(server.smtpPort(), java.util.Map.of(), 0, (n, data) -> handed.add(data))) {
            CliTest.Run r = run("send", draft.toString(), "--smtp", "smtp://" + TestMailServer.USER + "@127.0.0.1:" + p.port(),
                    "--per-minute", "6000");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
        assertThat(handed).hasSize(1);
        String wire = new String(handed.get(0), StandardCharsets.ISO_8859_1);
        assertThat(wire).doesNotContainIgnoringCase("\nBcc:").contains("qzyjj@example.cn");
        assertThat(readBack("bcc@example.cn")).hasSize(1); // the blind copy still went
        SendLog.Row row = SendLog.of(out).last(SendLog.of(out).rows().get(0).fingerprint());
        assertThat(row.result()).isEqualTo(SendLog.SENT);
        assertThat(row.sentSha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(handed.get(0))));
    }

    /**
     * A file that cannot be opened for writing, as Excel holds one on Windows: read-only, or for root
     * (who writes read-only files) immutable; the test is skipped where neither can be made.
     */
    static final class Locked implements AutoCloseable {
        private final Path file;
        private final boolean immutable;

        private Locked(Path file, boolean immutable) {
            this.file = file;
            this.immutable = immutable;
        }

        static Locked of(Path file) throws Exception {
            file.toFile().setWritable(false, false);
            if (!writable(file)) {
                return new Locked(file, false);
            }
            boolean made = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start().waitFor() == 0;
            Locked l = new Locked(file, made);
            if (!made || writable(file)) {
                l.close();
                org.junit.jupiter.api.Assumptions.abort("cannot make a file unwritable here");
            }
            return l;
        }

        static boolean writable(Path f) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", file.toString()).redirectErrorStream(true).start().waitFor();
            }
            file.toFile().setWritable(true, false);
        }
    }
}
