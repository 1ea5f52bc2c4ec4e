package cn.nianbao.round;

import cn.nianbao.util.AtomicFiles;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Unsent e-mail messages (.eml) a supervisor opens in any mail client and sends: addressee,
 * Chinese subject and body, a workbook attached under its Chinese name. Marked X-Unsent so
 * Outlook opens them as drafts, and X-Nianbao-Draft so this tool knows them for its own.
 */
public final class Drafts {
    private static final Session SESSION = session();

    private Drafts() {
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.charset", "UTF-8");
        return Session.getInstance(p);
    }

    /** RFC 2231 / RFC 5987 percent-encoding of UTF-8 bytes (attr-char kept). */
    static String percent(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** Writes one draft to {@code out}, whole or not at all. {@code to} may be empty (the sender fills it in). */
    public static void write(Path out, String to, String subject, String body, Path attachment, String attachmentName)
            throws IOException {
        try {
            MimeMessage m = new MimeMessage(SESSION);
            // A roster cell may hold several addresses, separated as people type them (, ; ，；or spaces).
            String addresses = to == null ? "" : String.join(", ", Agency.addresses(to));
            if (!addresses.isEmpty()) {
                m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(addresses, false));
            }
            m.setSubject(subject, "UTF-8");
            m.setHeader("X-Unsent", "1");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            FileDataSource source = new FileDataSource(attachment.toFile());
            source.setFileTypeMap(new jakarta.activation.MimetypesFileTypeMap() {
                @Override
                public String getContentType(String filename) {
                    return filename.toLowerCase(java.util.Locale.ROOT).endsWith(".xls") ? "application/vnd.ms-excel"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
            });
            file.setDataHandler(new DataHandler(source));
            // The Chinese name both ways, as Thunderbird writes it: filename* (RFC 2231) for clients
            // that follow the standard, an RFC 2047 word in filename and name for those that do not.
            String rfc2047 = MimeUtility.encodeText(attachmentName, "UTF-8", "B");
            String rfc2231 = "UTF-8''" + percent(attachmentName);
            file.setHeader("Content-Type", source.getContentType() + "; name=\"" + rfc2047 + "\"");
            file.setHeader("Content-Disposition", "attachment; filename=\"" + rfc2047 + "\"; filename*=" + rfc2231);
            file.setHeader("Content-Transfer-Encoding", "base64");
            MimeMultipart mixed = new MimeMultipart();
            mixed.addBodyPart(text);
            mixed.addBodyPart(file);
            m.setContent(mixed);
            m.saveChanges();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            m.writeTo(bytes);
            // Ours, recognisable by content with a fingerprint: a later run may replace it while
            // nobody has edited it, and a collect run that meets it in an inbox knows it is no
            // reply (report.OutputGuard).
            byte[] marked = cn.nianbao.report.OutputGuard.markDraft(bytes.toByteArray());
            AtomicFiles.write(out, os -> os.write(marked));
        } catch (MessagingException e) {
            throw new IOException("无法生成邮件草稿：" + e.getMessage(), e);
        }
    }
}
