package cn.nianbao.round;

import cn.nianbao.round.Inbox.Kind;
import cn.nianbao.round.Inbox.Origin;
import cn.nianbao.util.Decoding;
import cn.nianbao.util.OutputFailure;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

/**
 * The attachments of a message in an inbox (parsed by Angus Mail), each copied out
 * ({@link Extraction}) and handed back to {@link Inbox#classify}: names encoded by RFC 2047 or
 * RFC 2231 or sent as raw 8-bit bytes, attached messages followed, the sender, date and subject
 * handed down. A message that carries nothing is listed with its subject; one of this tool's own
 * drafts is no reply.
 */
final class MimeParts {
    private static final Session SESSION = session();

    private MimeParts() {
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(p);
    }

    /**
     * A name as mail software wrote it, decoded: RFC 2047 words inside a quoted parameter (as
     * Outlook writes attachment names; not standard, so the mail library leaves them), and raw
     * 8-bit bytes read as Latin-1 (UTF-8 or GBK names sent unencoded).
     */
    static String repairName(String s) {
        if (s == null) {
            return null;
        }
        if (s.contains("=?") && s.contains("?=")) {
            try {
                s = jakarta.mail.internet.MimeUtility.decodeText(s);
            } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
                return s; // an unknown charset: the name stays as written
            }
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c >= 0x80;
        }
        return high ? Decoding.decode(s.getBytes(StandardCharsets.ISO_8859_1)) : s;
    }

    static void open(Inbox box, Path file, Origin o, String relative, int depth) throws OutputFailure {
        // A message of a mail store: the block on top says when the server received it (trusted only
        // on top of a file of the store itself — never in a file of the inbox folder, which anyone could
        // have written, nor inside another message), and whether its body was left on the server.
        java.util.Map<String, String> block;
        try {
            block = depth == 0 && box.inStore() ? MailHeaders.storeBlock(file) : java.util.Map.of();
        } catch (IOException e) {
            block = java.util.Map.of();
        }
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
            MimeMessage m = new MimeMessage(SESSION, in);
            String from = "";
            try {
                jakarta.mail.Address[] a = m.getFrom();
                if (a != null && a.length > 0 && a[0] instanceof InternetAddress ia && ia.getAddress() != null) {
                    from = ia.getAddress().strip().toLowerCase(Locale.ROOT);
                }
            } catch (MessagingException ignored) {
                // an unparsable From: the message is still read, matched by what it carries
            }
            Instant date = null;
            try {
                date = m.getSentDate() == null ? null : m.getSentDate().toInstant();
            } catch (MessagingException ignored) {
                // no usable Date header: the file's time stands
            }
            String subject;
            try {
                subject = repairName(m.getSubject());
            } catch (MessagingException e) {
                subject = "";
            }
            Origin mo = o.sent(from.isEmpty() ? o.sender() : from, date, subject == null ? "" : subject)
                    .at(MailHeaders.received(block), Inbox.TimeSource.SERVER_RECEIVED);
            String about = subject == null || subject.isBlank() ? "（没有主题）" : "（主题：" + subject + "）";
            if (block.containsKey(MailHeaders.OMITTED)) {
                box.add(mo, null, Kind.PROBLEM, "邮件太大（" + megabytes(block.get(MailHeaders.OMITTED)) + "，超过"
                        + (Inbox.MAX_MESSAGE_BYTES >> 20) + " MB 的上限），只保存了邮件头，附件留在服务器上没有下载" + about
                        + "：请让单位把附件压缩后重新发送，或从网页邮箱下载附件放进收件文件夹");
                return;
            }
            if (sentByUs(m)) {
                // A message `send` sent (a copy in the mailbox, or attached to a reply): ours, not a return.
                box.add(mo, null, Kind.SKIPPED, "本工具发出的邮件，不是收到的报送" + about);
                return;
            }
            if (m.getHeader(cn.nianbao.report.OutputGuard.DRAFT_HEADER) != null) {
                // One of our own drafts (issue, collect --returns) saved into the inbox: its attachment is our template, not a reply.
                box.add(mo, null, Kind.SKIPPED, "本工具写出的邮件草稿，不是收到的报送" + (subject == null || subject.isBlank() ? ""
                        : "（主题：" + subject + "）"));
                return;
            }
            int before = box.count();
            int[] parts = {0};
            walk(box, m, mo, relative, depth, parts);
            if (box.count() == before) {
                // A question, a reply, a notice: listed with its subject, not a failed filing.
                box.add(mo, null, Kind.SKIPPED, Inbox.NO_ATTACHMENT + (subject == null || subject.isBlank() ? "（没有主题）"
                        : "（主题：" + subject + "）"));
            }
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException | MessagingException | RuntimeException e) {
            box.add(o, null, Kind.PROBLEM, Inbox.lead("邮件无法解析", e));
        }
    }

    private static void walk(Inbox box, Part p, Origin o, String relative, int depth, int[] parts)
            throws MessagingException, IOException {
        if (++parts[0] > Inbox.MAX_MEMBERS) {
            if (parts[0] == Inbox.MAX_MEMBERS + 1) {
                box.add(o, null, Kind.PROBLEM, "邮件的部分超过" + Inbox.MAX_MEMBERS + "个，其余未读取");
            }
            return;
        }
        String filename = null;
        try {
            filename = repairName(p.getFileName());
        } catch (MessagingException ignored) {
            // a malformed Content-Disposition: treated as unnamed
        }
        if (p.isMimeType("multipart/*") && filename == null) {
            Object content = p.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    walk(box, b, o, relative, depth, parts);
                }
            }
            return;
        }
        boolean nested = p.isMimeType("message/rfc822");
        boolean attachment = filename != null || nested || Part.ATTACHMENT.equalsIgnoreCase(disposition(p));
        if (!attachment) {
            return; // body text
        }
        String stored = filename != null ? filename : nested ? "附件邮件.eml" : "未命名附件";
        Extraction.Stored base = Extraction.Stored.of(stored, "附件");
        Origin m = o.inside("附件 " + base.base(), base.base(), base.notes());
        String name = nested && !base.base().toLowerCase(Locale.ROOT).endsWith(".eml") ? base.base() + ".eml" : base.base();
        Path t = box.extraction().target(relative, name);
        try (InputStream in = nested ? rawMessage(p) : p.getInputStream()) {
            if (!Extraction.copyBounded(in, t)) {
                box.add(m, null, Kind.PROBLEM, "附件超过" + (Inbox.MAX_MEMBER_BYTES >> 20) + " MB，未取出");
                return;
            }
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException e) {
            box.add(m, null, Kind.PROBLEM, Inbox.lead("附件无法取出（编码损坏）", e));
            return;
        }
        box.classify(t, m, relative + "/" + t.getFileName(), depth + 1);
    }

    /**
     * Whether {@code m} is a message this tool sent: its own Message-ID is one `send` made and it
     * says so. A reply keeps neither (its client gives it a Message-ID of its own), so a reply that
     * quotes or copies our headers is still read.
     */
    static boolean sentByUs(MimeMessage m) {
        try {
            String id = m.getHeader("Message-ID", null);
            return id != null && id.strip().startsWith(MailHeaders.SENT_ID_PREFIX) && m.getHeader(MailHeaders.SENT) != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String megabytes(String bytes) {
        try {
            long b = Long.parseLong(bytes.strip());
            return "约 " + Math.max(1, (b + (1 << 19)) >> 20) + " MB";
        } catch (NumberFormatException e) {
            return "大小不明";
        }
    }

    private static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The bytes of an attached message, as it would be saved to a file. */
    private static InputStream rawMessage(Part p) throws IOException, MessagingException {
        Object c = p.getContent();
        if (c instanceof MimeMessage inner) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            inner.writeTo(b);
            return new ByteArrayInputStream(b.toByteArray());
        }
        return p.getInputStream();
    }
}
