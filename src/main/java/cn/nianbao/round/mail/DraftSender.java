package cn.nianbao.round.mail;

import cn.nianbao.report.OutputGuard;
import cn.nianbao.round.MailHeaders;
import cn.nianbao.util.OutputFailure;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends the drafts that {@code issue} and {@code collect --returns} wrote (.eml files carrying
 * {@link OutputGuard#DRAFT_HEADER}), each exactly once: a draft is known by a fingerprint of what
 * it says (recipients, subject, text, attachment names — not the MIME boundaries or the dates a
 * rewrite changes), and the send log beside it ({@link SendLog}) says whether that was sent. A
 * draft is logged as being sent before it goes to the server and as sent when the server has
 * taken it; one left "being sent" by a dropped connection goes again under the same Message-ID.
 *
 * <p>The message sent is the draft as written — its body, attachments and their Chinese names
 * byte for byte — with From, Date and a Message-ID of ours set at sending. The draft's marks
 * (X-Unsent, X-Nianbao-Draft) are taken off: a sent message is no draft, and a reply that copies
 * its headers must not be taken for one. It carries {@link MailHeaders#SENT} instead, which with
 * our Message-ID lets a collect run that meets it in a mailbox pass over it.
 */
public final class DraftSender {
    /** Default pace: government mail servers throttle senders. */
    public static final int PER_MINUTE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(cn.nianbao.round.Collector.ZONE);

    /**
     * A draft found: its file, the folder its log is in, recipients, subject, fingerprint;
     * {@code problem} (and what it means, {@code problemKind}) when it cannot be sent.
     */
    public record Draft(Path file, Path folder, List<String> recipients, String subject, String fingerprint, String problem,
                        Outcome problemKind, boolean edited) {
        Draft(Path file, Path folder, List<String> recipients, String subject, String fingerprint, String problem,
              Outcome problemKind) {
            this(file, folder, recipients, subject, fingerprint, problem, problemKind, false);
        }
    }

    /** What became of one draft. */
    public enum Outcome {
        SENT("已发送"), ALREADY_SENT("以前已发送，跳过"), WOULD_SEND("将发送"), NO_RECIPIENT("没有收件人，未发送"),
        REJECTED("服务器拒绝，未发送"), DEFERRED("服务器暂时拒绝（限速或灰名单），未发送，下次运行会再发"), NOT_A_DRAFT("不是本工具写出的邮件草稿，未发送");

        private final String chinese;

        Outcome(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** One line of the report: the draft, what became of it, and why (the server's reply, the earlier sending). */
    public record Report(Path file, Outcome outcome, String detail) {
    }

    private DraftSender() {
    }

    /**
     * The drafts among {@code inputs} (folders: their .eml files, not their subfolders; files as
     * given), in order. A named file that is no draft of ours is listed with its problem.
     */
    public static List<Draft> find(List<Path> inputs) throws IOException {
        List<Draft> out = new ArrayList<>();
        // A draft named twice (a folder given twice, a folder and a file in it, a link) is one draft: by its real path.
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                Path folder = in.toRealPath(); // the log's folder, however it was typed
                List<Path> files;
                try (Stream<Path> s = Files.list(in)) {
                    files = s.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")).sorted().toList();
                }
                for (Path f : files) {
                    if (seen.add(f.toRealPath()) && isDraft(f)) {
                        out.add(read(f, folder));
                    }
                }
            } else if (!seen.add(in.toRealPath())) {
                continue;
            } else if (isDraft(in)) {
                out.add(read(in, in.toRealPath().getParent()));
            } else {
                out.add(new Draft(in, in.toRealPath().getParent(), List.of(), "", "", "不是本工具写出的邮件草稿（没有 "
                        + OutputGuard.DRAFT_HEADER + " 邮件头），不会发送", Outcome.NOT_A_DRAFT));
            }
        }
        return out;
    }

    /** The folders whose send logs {@link #send} writes for {@code drafts}. */
    public static List<Path> logFolders(List<Draft> drafts) {
        return drafts.stream().filter(d -> d.problem() == null).map(Draft::folder).distinct().toList();
    }

    static boolean isDraft(Path f) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(64 * 1024);
        }
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(head, 0, MailStore.bodyStart(head)), true);
            return h.getHeader(OutputGuard.DRAFT_HEADER) != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static final Session PARSE = Session.getInstance(parseProperties());

    private static Properties parseProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    static MimeMessage parse(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return new MimeMessage(PARSE, in);
        } catch (MessagingException e) {
            throw new IOException("邮件草稿 " + f + " 无法解析：" + e.getMessage(), e);
        }
    }

    private static Draft read(Path f, Path folder) throws IOException {
        MimeMessage m = parse(f);
        List<String> to = new ArrayList<>();
        String problem = null;
        String subject = "";
        String fingerprint;
        try {
            subject = m.getSubject() == null ? "" : m.getSubject();
            for (Message.RecipientType t : List.of(Message.RecipientType.TO, Message.RecipientType.CC, Message.RecipientType.BCC)) {
                String[] h = m.getHeader(t == Message.RecipientType.TO ? "To" : t == Message.RecipientType.CC ? "Cc" : "Bcc");
                if (h != null) {
                    for (String line : h) {
                        for (InternetAddress a : InternetAddress.parseHeader(line, true)) {
                            to.add(a.getAddress());
                        }
                    }
                }
            }
            fingerprint = fingerprint(m, to, subject);
        } catch (AddressException e) {
            return new Draft(f, folder, to, subject, "", "收件人地址写法不对（" + e.getRef() + "），未发送：请改正名册中的邮箱后重新生成草稿，"
                    + "或在邮件软件中改正", Outcome.REJECTED);
        } catch (MessagingException e) {
            throw new IOException("邮件草稿 " + f + " 无法解析：" + e.getMessage(), e);
        }
        // A draft the supervisor edited (in a mail program or by hand) is theirs: it goes as edited, and the report says so.
        boolean edited = OutputGuard.draftEdited(Files.readAllBytes(f));
        if (to.isEmpty()) {
            problem = "草稿没有收件人（名册中没有这个单位的联系邮箱）：请在名册中补上邮箱后重新生成草稿，或在邮件软件中填写收件人后手工发送";
        }
        return new Draft(f, folder, to, subject, fingerprint, problem, problem == null ? null : Outcome.NO_RECIPIENT, edited);
    }

    /**
     * What the draft says, as a digest: recipients (in order of address), subject, each text part's
     * text, each attachment's name. A draft written again with the same content has the same one.
     */
    static String fingerprint(MimeMessage m, List<String> recipients, String subject) throws MessagingException, IOException {
        MessageDigest d = cn.nianbao.util.Sha256.digest();
        TreeSet<String> to = new TreeSet<>();
        recipients.forEach(r -> to.add(r.toLowerCase(Locale.ROOT)));
        d.update(("to\0" + String.join(",", to) + "\0subject\0" + subject + "\0").getBytes(StandardCharsets.UTF_8));
        parts(m, d);
        return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    }

    private static void parts(Part p, MessageDigest d) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                parts(b, d);
            }
            return;
        }
        String name = p.getFileName();
        if (name != null) {
            d.update(("file\0" + jakarta.mail.internet.MimeUtility.decodeText(name) + "\0").getBytes(StandardCharsets.UTF_8));
        } else if (p.isMimeType("text/*")) {
            Object c = p.getContent();
            String text = c instanceof String s ? s : "";
            d.update(("text\0" + text.replace("\r\n", "\n").strip() + "\0").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Lists what {@link #send} would do, without the network: each draft to send, each sent before,
     * each without recipient.
     */
    public static List<Report> dryRun(List<Draft> drafts) throws IOException {
        List<Report> out = new ArrayList<>();
        Map<Path, SendLog> logs = new LinkedHashMap<>();
        Map<String, Path> first = new java.util.HashMap<>(); // a copy of a draft is sent once, as the real run does
        for (Draft d : drafts) {
            Report r = before(d, logs);
            Path same = r == null ? first.putIfAbsent(d.folder() + "\0" + d.fingerprint(), d.file()) : null;
            if (r == null && same != null) {
                r = new Report(d.file(), Outcome.ALREADY_SENT, "与 " + same.getFileName() + " 内容相同（草稿的副本）：发送那一份之后，这一份按已发送跳过，不会重复发送");
            }
            out.add(r != null ? r : new Report(d.file(), Outcome.WOULD_SEND, "发给 " + String.join("、", d.recipients())
                    + "，主题：" + d.subject() + edited(d)));
        }
        return out;
    }

    /** What is already decided for {@code d} before any sending: not a draft, no recipient, sent before; null when it is to go. */
    private static Report before(Draft d, Map<Path, SendLog> logs) throws IOException {
        if (d.problem() != null) {
            return new Report(d.file(), d.problemKind(), d.problem());
        }
        SendLog log = logs.computeIfAbsent(d.folder(), f -> {
            try {
                return SendLog.of(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        SendLog.Row last = log.last(d.fingerprint());
        if (last != null && last.result().equals(SendLog.SENT)) {
            return new Report(d.file(), Outcome.ALREADY_SENT, last.time() + " 已发给 " + last.recipients() + "（" + last.messageId()
                    + (last.draft().equals(d.file().getFileName().toString()) ? "" : "，当时的草稿是 " + last.draft()) + "）");
        }
        return null;
    }

    /**
     * Makes sure every send log {@link #send} will add to for {@code drafts} can be written now, so that
     * a log open in Excel stops the run before anything is sent, not after a message went out unrecorded.
     */
    public static void checkLogs(List<Draft> drafts) throws IOException {
        for (Path folder : logFolders(drafts)) {
            String why = SendLog.of(folder).unwritable();
            if (why != null) {
                Path file = folder.resolve(SendLog.FILE);
                throw new OutputFailure(file, why + "。发送记录写不进去就不能保证每份草稿只发一次，所以没有发送任何邮件："
                        + "如果它在 Excel 或别的程序中打开着，请先关闭它再运行", null);
            }
        }
    }

    /** How to send: the password, the transport's rules, the sender's address, the pace. */
    public record Options(char[] password, MailSecurity security, String from, int perMinute) {
    }

    /**
     * Sends every draft of {@code drafts} not sent before, over {@code account}, at most
     * {@code perMinute} a minute; {@code listener} hears of each as it is decided. A draft the
     * server refuses is reported and the rest go on; a lost connection or a server that stops
     * answering ends the run (what was sent is logged; the next run goes on from there).
     */
    public static List<Report> send(MailAccount account, Options o, List<Draft> drafts, Consumer<Report> listener)
            throws MailException, IOException {
        List<Report> out = new ArrayList<>();
        Map<Path, SendLog> logs = new LinkedHashMap<>();
        List<Draft> toSend = new ArrayList<>();
        for (Draft d : drafts) {
            Report r = before(d, logs);
            if (r != null) {
                out.add(r);
                listener.accept(r);
            } else {
                toSend.add(d);
            }
        }
        if (toSend.isEmpty()) {
            return out;
        }
        checkLogs(toSend);
        Properties props = o.security().properties(account);
        props.setProperty("mail." + account.angusProtocol() + ".from", o.from());
        Session session = Session.getInstance(props);
        Transport t = null;
        long interval = 60_000L / Math.max(1, o.perMinute());
        long lastStart = 0;
        int sent = 0;
        Draft current = null;
        try {
            t = session.getTransport(account.angusProtocol());
            t.connect(account.host(), account.port(), account.user(), new String(o.password()));
            for (Draft d : toSend) {
                current = d;
                SendLog log = logs.get(d.folder());
                SendLog.Row last = log.last(d.fingerprint());
                if (last != null && last.result().equals(SendLog.SENT)) {
                    // Sent earlier in this run (the same draft under another name, a copy of it): never twice.
                    Report r = new Report(d.file(), Outcome.ALREADY_SENT, last.time() + " 已发给 " + last.recipients() + "（"
                            + last.messageId() + "，草稿 " + last.draft() + "）");
                    out.add(r);
                    listener.accept(r);
                    continue;
                }
                long wait = lastStart == 0 ? 0 : lastStart + interval - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                lastStart = System.currentTimeMillis();
                if (!t.isConnected()) {
                    t.connect(account.host(), account.port(), account.user(), new String(o.password()));
                }
                Report r = sendOne(t, session, d, log, o);
                if (r.outcome() == Outcome.SENT) {
                    sent++;
                }
                out.add(r);
                listener.accept(r);
            }
            current = null;
            return out;
        } catch (LogNotWritten e) {
            throw new MailException(e.getMessage() + "。本次在它之前发出的 " + sent + " 封都已记入发送记录；其余草稿没有发送", e.getCause());
        } catch (OutputFailure e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException("发送被中断：已发送 " + sent + " 封，下次运行接着发送");
        } catch (MessagingException | IllegalStateException e) {
            String where = current == null ? "" : "草稿 " + current.file().getFileName() + " 是否已送达不能确定（发送记录中只有“"
                    + SendLog.PENDING + "”、没有结果），下次运行会用同一 Message-ID 再发一次；";
            throw new MailException(MailFaults.describe(e, account, o.security().timeoutSeconds(), o.password()) + "。本次已发送 "
                    + sent + " 封，都记在发送记录中；" + where + "其余草稿下次运行接着发送，已发送的不会重发", e);
        } finally {
            if (t != null) {
                try {
                    t.close();
                } catch (MessagingException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    /** Sends one draft: logged as pending first, then as sent or refused. A lost connection is thrown. */
    private static Report sendOne(Transport t, Session session, Draft d, SendLog log, Options o)
            throws MessagingException, IOException {
        SendLog.Row before = log.last(d.fingerprint());
        String id = before != null && before.result().equals(SendLog.PENDING) ? before.messageId() : newMessageId(o.from());
        MimeMessage m = message(session, d, o.from(), id);
        Address[] to = m.getAllRecipients();
        String when = TIME.format(Instant.now());
        String recipients = String.join(", ", d.recipients());
        String name = d.file().getFileName().toString();
        String sha = sha256(m); // of what the server is handed: the draft as it is now, edited or not
        try {
            log.add(new SendLog.Row(name, d.fingerprint(), id, recipients, when, SendLog.PENDING, "", sha));
        } catch (IOException e) {
            throw new LogNotWritten("无法写入发送记录 " + log.file() + "（" + cn.nianbao.util.IoErrors.reason(e) + "），草稿 " + name
                    + " 没有发送：如果发送记录在 Excel 或别的程序中打开着，请先关闭它再运行", e);
        }
        try {
            t.sendMessage(m, to);
        } catch (SendFailedException e) {
            if (!refusedByServer(e)) {
                throw e; // no answer from the server (the connection dropped): whether it arrived is not known
            }
            String reply = reply(t, e);
            if (temporary(e)) {
                // 4xx: the server will take it later (a rate limit, greylisting): not a wrong address, and tried again next run.
                record(log, new SendLog.Row(name, d.fingerprint(), id, recipients, TIME.format(Instant.now()), SendLog.DEFERRED, reply,
                        ""), "草稿 " + name + " 被服务器暂时拒绝，没有发出（服务器回复：" + reply + "）");
                return new Report(d.file(), Outcome.DEFERRED, "服务器回复：" + reply
                        + "。这不是地址写错，不必改名册：稍后再运行 send 即可，已发送的不会重发");
            }
            record(log, new SendLog.Row(name, d.fingerprint(), id, recipients, TIME.format(Instant.now()), SendLog.REJECTED, reply,
                    ""), "草稿 " + name + " 被服务器拒绝，没有发出（服务器回复：" + reply + "）");
            return new Report(d.file(), Outcome.REJECTED, rejected(e, reply));
        }
        String reply = t instanceof SMTPTransport s && s.getLastServerResponse() != null ? s.getLastServerResponse().strip() : "";
        record(log, new SendLog.Row(name, d.fingerprint(), id, recipients, TIME.format(Instant.now()), SendLog.SENT, reply, sha),
                "草稿 " + name + " 已经发出（发给 " + recipients + "，Message-ID " + id + "，服务器回复：" + reply + "）");
        return new Report(d.file(), Outcome.SENT, "发给 " + recipients + "（" + id + "）" + edited(d));
    }

    /** A log that could not be written while sending: what happened to the draft in hand is in the message. */
    private static final class LogNotWritten extends IOException {
        private static final long serialVersionUID = 1L;

        LogNotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Adds the outcome row {@code r} after the server answered; {@code what} says what the server did.
     * When the log cannot be written the run stops and says so: the draft's last row is still
     * {@link SendLog#PENDING}, so the next run would send it again.
     */
    private static void record(SendLog log, SendLog.Row r, String what) throws LogNotWritten {
        try {
            log.add(r);
        } catch (IOException e) {
            boolean sent = r.result().equals(SendLog.SENT);
            throw new LogNotWritten(what + "，但无法记入发送记录 " + log.file() + "（" + cn.nianbao.util.IoErrors.reason(e) + "）。"
                    + (sent ? "记录中它的最后一行仍是“" + SendLog.PENDING + "”，下次运行会用同一 Message-ID 再发一次：要避免对方收到两封，"
                    + "请把这份草稿移出草稿文件夹；关闭占用发送记录的程序（如 Excel）后再运行"
                    : "关闭占用发送记录的程序（如 Excel）后再运行"), e);
        }
    }

    private static String edited(Draft d) {
        return d.edited() ? "（草稿写出后有人改过，按改过的内容发送）" : "";
    }

    /** What SMTP leaves out of the message it hands the server (as Angus Mail's SMTPTransport does): Bcc is not sent. */
    static final String[] NOT_SENT = {"Bcc", "Content-Length"};

    /**
     * The SHA-256 of {@code m} as it is handed to the server: without {@link #NOT_SENT}, its lines
     * ended CRLF as the SMTP transport writes them (before the dot-stuffing of the DATA command).
     */
    static String sha256(MimeMessage m) throws MessagingException, IOException {
        MessageDigest d = cn.nianbao.util.Sha256.digest();
        try (java.security.DigestOutputStream digest = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), d);
             java.io.OutputStream out = new org.eclipse.angus.mail.util.CRLFOutputStream(digest)) {
            m.writeTo(out, NOT_SENT);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Whether the server answered with a refusal (a 4xx or 5xx reply), as against the connection failing. */
    static boolean refusedByServer(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a && a.getReturnCode() >= 400) {
                return true;
            }
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s && s.getReturnCode() >= 400) {
                return true;
            }
        }
        return false;
    }

    /** Whether every refusal in {@code e} is temporary (4xx: try again later), none final (5xx). */
    static boolean temporary(MessagingException e) {
        boolean any = false;
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = x instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a ? a.getReturnCode()
                    : x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s ? s.getReturnCode() : -1;
            if (code >= 500) {
                return false;
            }
            any |= code >= 400;
        }
        return any;
    }

    private static String rejected(SendFailedException e, String reply) {
        List<String> bad = new ArrayList<>();
        if (e.getInvalidAddresses() != null) {
            Arrays.stream(e.getInvalidAddresses()).forEach(a -> bad.add(a.toString()));
        }
        return (bad.isEmpty() ? "服务器拒绝了这封邮件" : "服务器拒绝了收件人 " + String.join("、", bad)) + "（服务器回复：" + reply
                + "）：这份草稿没有发出，其余照常发送。请改正名册中的邮箱后重新生成草稿，或在邮件软件中改正后手工发送";
    }

    private static String reply(Transport t, MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) {
                return a.getReturnCode() + " " + stripCode(a.getMessage());
            }
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) {
                return s.getReturnCode() + " " + stripCode(s.getMessage());
            }
        }
        return t instanceof SMTPTransport s && s.getLastServerResponse() != null ? s.getLastServerResponse().strip()
                : String.valueOf(e.getMessage());
    }

    private static String stripCode(String s) {
        return s == null ? "" : s.replaceFirst("^\\d{3}[ -]", "").strip();
    }

    /** The draft as written, its marks taken off, with From, Date and the Message-ID {@code id}. */
    static MimeMessage message(Session session, Draft d, String from, String id) throws MessagingException, IOException {
        MimeMessage m;
        try (InputStream in = Files.newInputStream(d.file())) {
            m = new MimeMessage(session, in) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
        }
        m.removeHeader("X-Unsent");
        m.removeHeader(OutputGuard.DRAFT_HEADER);
        m.setHeader(MailHeaders.SENT, "nianbao " + cn.nianbao.util.Version.get());
        m.setFrom(new InternetAddress(from));
        m.setSentDate(new java.util.Date());
        m.saveChanges();
        return m;
    }

    /** A Message-ID of ours: {@code <nianbao-RANDOM@domain of the sender>}. */
    static String newMessageId(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "nianbao.local" : from.substring(at + 1);
        return MailHeaders.SENT_ID_PREFIX + UUID.randomUUID().toString().replace("-", "") + "@" + domain + ">";
    }
}
