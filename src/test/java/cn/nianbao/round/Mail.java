package cn.nianbao.round;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds .eml messages byte by byte, the way different mail clients write them, so the tests
 * control every header encoding: RFC 2047 words in GBK or UTF-8, RFC 2231 parameters, raw 8-bit
 * names, nested messages. Deterministic (fixed boundaries), for fixtures kept in git.
 */
public final class Mail {
    private final List<String> headers = new ArrayList<>();
    private final List<byte[]> parts = new ArrayList<>();
    private String boundary = "----=_nianbao_test_0";

    Mail(String from, String date, String subject) {
        headers.add("From: " + from);
        headers.add("To: gkb@example.cn");
        if (date != null) {
            headers.add("Date: " + date);
        }
        headers.add("Subject: " + subject);
        headers.add("MIME-Version: 1.0");
    }

    Mail boundary(String b) {
        boundary = b;
        return this;
    }

    /** A text body in {@code charset}, base64-encoded. */
    Mail body(String text, Charset charset) {
        parts.add(("Content-Type: text/plain; charset=" + charset.name() + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(text.getBytes(charset))).getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** An attachment; {@code nameHeaders} is the raw Content-Type name/Content-Disposition parameter text. */
    Mail attach(String contentType, String dispositionParams, byte[] content) {
        parts.add(("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment"
                + dispositionParams + "\r\n\r\n" + b64(content)).getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** An attachment whose header bytes are raw (8-bit names as some clients send them). */
    Mail attachRaw(byte[] headerBytes, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(headerBytes);
        b.writeBytes(("\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(content)).getBytes(StandardCharsets.ISO_8859_1));
        parts.add(b.toByteArray());
        return this;
    }

    /** A forwarded message attached as message/rfc822. */
    Mail attachMessage(byte[] message) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(message);
        parts.add(b.toByteArray());
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String h : headers) {
            b.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            b.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(p);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    static String b64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + "\r\n";
    }

    /** An RFC 2047 encoded word. */
    static String word(String text, Charset charset) {
        return "=?" + charset.name() + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }

    /** An RFC 2231 extended parameter value (charset''percent-encoded). */
    static String rfc2231(String text, Charset charset) {
        StringBuilder s = new StringBuilder(charset.name()).append("''");
        for (byte x : text.getBytes(charset)) {
            int c = x & 0xFF;
            if (c < 0x80 && Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    static final Charset GBK = Charset.forName("GBK");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
