package cn.nianbao.round;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers this tool adds to mail: on a message kept in a mail store (collect --imap / --pop3),
 * a block of lines at the very top of the file — when the server received it, where it came from,
 * its identity for de-duplication, and, for a message too large to download, that its body was
 * left on the server; on a message sent by {@code send}, that we sent it.
 *
 * <p>The store's block is trusted only at the top of a file of the mail store itself (its first line
 * is {@link #RECEIVED}): a sender cannot put it there, since a mail server puts its own lines above
 * anything a message carries; a file in the inbox folder (anyone may have written it) and a message
 * inside another are never trusted.
 */
public final class MailHeaders {
    /** The server's received time (IMAP INTERNALDATE, or the top Received line), ISO-8601, or {@link #NONE}. */
    public static final String RECEIVED = "X-Nianbao-Received";
    /** Where a stored message came from: the account, and its UIDVALIDITY and UID, or its POP3 UIDL. */
    public static final String SOURCE = "X-Nianbao-Source";
    /** The identity of a stored message: a digest of its Message-ID and body (of the whole message when it has no Message-ID). */
    public static final String KEY = "X-Nianbao-Key";
    /** A message whose body was not downloaded (too large): its size in bytes. */
    public static final String OMITTED = "X-Nianbao-Omitted";
    /** A message this tool sent (send): the kind of draft it was. */
    public static final String SENT = "X-Nianbao-Sent";
    /** The start of the Message-ID of a message this tool sent: {@code <nianbao-…@domain>}. */
    public static final String SENT_ID_PREFIX = "<nianbao-";
    /** The value of {@link #RECEIVED} when the server gave no time. */
    public static final String NONE = "-";

    private static final int MAX_BLOCK = 8192;

    private MailHeaders() {
    }

    /**
     * The block at the top of {@code file}: header names to values, in order, empty when the file
     * does not start with {@link #RECEIVED}.
     */
    public static Map<String, String> storeBlock(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BLOCK);
        }
        return storeBlock(head);
    }

    /** The block at the start of {@code head} (see {@link #storeBlock(Path)}). */
    public static Map<String, String> storeBlock(byte[] head) {
        Map<String, String> block = new LinkedHashMap<>();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (!text.startsWith(RECEIVED + ":")) {
            return block;
        }
        for (String line : text.split("\r?\n", -1)) {
            if (!line.startsWith("X-Nianbao-")) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                block.putIfAbsent(line.substring(0, colon), new String(line.substring(colon + 1).strip()
                        .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return block;
    }

    /** The received time of a store block, or null when the server gave none. */
    public static Instant received(Map<String, String> block) {
        String v = block.get(RECEIVED);
        if (v == null || v.equals(NONE)) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
