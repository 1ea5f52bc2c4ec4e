package cn.nianbao.round.mail;

import cn.nianbao.round.MailHeaders;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.FileNames;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mail store of a collect run (…-邮件/ beside its outputs): every message fetched from a
 * mailbox, kept raw as an .eml with a block of lines on top ({@link MailHeaders}: the server's
 * received time, where it came from, its identity), so a later run without the network still has
 * every message, and the inbox reads it like any other .eml.
 *
 * <p>Never twice: a message's identity is a digest of its Message-ID and body (of the whole message
 * when it has none), and a message whose identity is already in the store is not written again,
 * whatever UID it now has (UIDVALIDITY changed, the store copied to another machine, the same
 * message in two folders). Which UIDs were fetched is written in a state file ({@link #STATE}),
 * rebuilt from the messages' own lines when it is missing. Every file is written whole
 * ({@link AtomicFiles}); the folder is made only by this tool and carries a marker ({@link #MARKER}),
 * and a folder of that name without it is never written into.
 */
public final class MailStore {
    /** Written into the store; only a folder carrying it is written into. */
    public static final String MARKER = ".nianbao-邮件库";
    /** The fetched UIDs: account, UIDVALIDITY (empty for POP3), UID or UIDL, file; tab-separated. */
    public static final String STATE = ".nianbao-已取邮件.tsv";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(cn.nianbao.round.Collector.ZONE);

    private final Path dir;
    private final Map<String, Path> byKey = new HashMap<>();
    private final Map<String, Path> fetched = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    /** The files holding only a message's headers (its body over the size limit, left on the server). */
    private final Set<Path> headersOnly = new HashSet<>();
    private boolean dirty;

    private MailStore(Path dir) {
        this.dir = dir;
    }

    /** Why {@code dir} may not be used as a mail store (it exists and this tool did not make it), or null. */
    public static String refusal(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " 已存在而且是一个文件，不能作为邮件库文件夹：请换一个 -o 文件名或移走它";
        }
        return Files.exists(dir) && !Files.exists(dir.resolve(MARKER))
                ? "文件夹 " + dir + " 已存在，但不是本工具建立的邮件库，为免混入别的文件不会往里写：请换一个 -o 文件名或移走该文件夹" : null;
    }

    /** Whether {@code dir} is a mail store this tool made. */
    public static boolean exists(Path dir) {
        return Files.isDirectory(dir) && Files.exists(dir.resolve(MARKER));
    }

    /** Opens the store in {@code dir}, making it when it is missing; reads what it holds. */
    public static MailStore open(Path dir) throws IOException {
        String refused = refusal(dir);
        if (refused != null) {
            throw new IOException(refused);
        }
        MailStore s = new MailStore(dir);
        if (!Files.exists(dir.resolve(MARKER))) {
            AtomicFiles.write(dir.resolve(MARKER), out -> out.write(("nianbao collect 从邮箱取到的邮件（原样保存的 .eml）。"
                    + "每封只存一次；以后的运行不联网也会读取这里的邮件。请不要改动或删除其中的文件。\n").getBytes(StandardCharsets.UTF_8)));
        }
        s.load();
        return s;
    }

    public Path dir() {
        return dir;
    }

    /** How many messages the store holds. */
    public int size() {
        return names.size();
    }

    private void load() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            names.add(f.getFileName().toString());
            Map<String, String> block = MailHeaders.storeBlock(f);
            if (block.containsKey(MailHeaders.OMITTED)) {
                headersOnly.add(f);
            }
            String key = block.get(MailHeaders.KEY);
            if (key != null) {
                byKey.putIfAbsent(key, f);
            }
            String source = block.get(MailHeaders.SOURCE);
            if (source != null) {
                fetched.putIfAbsent(source, f);
            }
        }
        Path state = dir.resolve(STATE);
        if (Files.exists(state)) {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t", -1);
                if (p.length == 2 && names.contains(p[1])) {
                    // a message no longer in the store (removed by hand) is fetched again
                    fetched.putIfAbsent(p[0], dir.resolve(p[1]));
                }
            }
        }
    }

    /** Whether the message known to the server as {@code source} ({@link #source}) is in the store. */
    public boolean fetched(String source) {
        return fetched.containsKey(source);
    }

    /**
     * Whether the message known as {@code source} is in the store whole (its body too): only such a
     * message may be marked read or moved on the server.
     */
    public boolean whole(String source) {
        Path f = fetched.get(source);
        return f != null && !headersOnly.contains(f);
    }

    /** The source line of an IMAP message: account, UIDVALIDITY, UID. */
    public static String source(MailAccount account, long uidValidity, long uid) {
        return account + " uidvalidity=" + uidValidity + " uid=" + uid;
    }

    /** The source line of a POP3 message: account and UIDL. */
    public static String source(MailAccount account, String uidl) {
        return account + " uidl=" + uidl;
    }

    /** A message put into the store: its file, and whether the store already held it (under another UID). */
    public record Stored(Path file, boolean duplicate) {
    }

    /**
     * Keeps {@code raw} (a whole message as the server sent it) with the block on top, unless the
     * store already holds it; either way the store now knows {@code source}. {@code received} is the
     * server's time, null when it gave none; {@code omittedBytes} &gt; 0 marks a message of which only
     * the headers were downloaded.
     */
    public Stored put(byte[] raw, Instant received, String source, long omittedBytes) throws IOException {
        String key = key(raw);
        Path have = byKey.get(key);
        if (have != null) {
            fetched.put(source, have);
            dirty = true;
            return new Stored(have, true);
        }
        StringBuilder block = new StringBuilder();
        block.append(MailHeaders.RECEIVED).append(": ").append(received == null ? MailHeaders.NONE : received.toString()).append("\r\n");
        block.append(MailHeaders.SOURCE).append(": ").append(oneLine(source)).append("\r\n");
        block.append(MailHeaders.KEY).append(": ").append(key).append("\r\n");
        if (omittedBytes > 0) {
            block.append(MailHeaders.OMITTED).append(": ").append(omittedBytes).append("\r\n");
        }
        byte[] top = block.toString().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(name(raw, received, key));
        AtomicFiles.write(file, out -> {
            out.write(top);
            out.write(raw);
        });
        names.add(file.getFileName().toString());
        if (omittedBytes > 0) {
            headersOnly.add(file);
        }
        byKey.put(key, file);
        fetched.put(source, file);
        dirty = true;
        return new Stored(file, false);
    }

    /** Writes the state file (whole) when something changed since it was last written. */
    public void save() throws IOException {
        if (!dirty) {
            return;
        }
        StringBuilder b = new StringBuilder();
        fetched.forEach((source, file) -> b.append(oneLine(source)).append('\t').append(file.getFileName()).append('\n'));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(STATE), out -> out.write(bytes));
        dirty = false;
    }

    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** Where the header block of {@code raw} ends (the index of the body), or raw.length when it has no body. */
    static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return raw.length;
    }

    static InternetHeaders headers(byte[] raw) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(raw, 0, bodyStart(raw)), true);
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    /**
     * The identity of a message: its Message-ID with a digest of its body, so the same message is
     * the same whatever lines servers added on top of it; the digest of everything when it has no
     * Message-ID.
     */
    static String key(byte[] raw) {
        String id = headers(raw).getHeader("Message-ID", null);
        MessageDigest d = cn.nianbao.util.Sha256.digest();
        if (id != null && !id.isBlank()) {
            d.update(("mid\0" + id.strip() + "\0").getBytes(StandardCharsets.UTF_8));
            int body = bodyStart(raw);
            d.update(raw, body, raw.length - body);
        } else {
            d.update("raw\0".getBytes(StandardCharsets.UTF_8));
            d.update(raw);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** 20250110-093000-主题-1a2b3c4d.eml: the time, some of the subject, and part of the identity. */
    private String name(byte[] raw, Instant received, String key) {
        InternetHeaders h = headers(raw);
        Instant t = received;
        if (t == null) {
            try {
                String date = h.getHeader("Date", null);
                t = date == null ? null : new jakarta.mail.internet.MailDateFormat().parse(date).toInstant();
            } catch (java.text.ParseException | RuntimeException e) {
                t = null;
            }
        }
        String subject = h.getHeader("Subject", null);
        try {
            subject = subject == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(subject));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            subject = "";
        }
        subject = subject.strip();
        if (subject.codePointCount(0, subject.length()) > 24) {
            subject = subject.substring(0, subject.offsetByCodePoints(0, 24));
        }
        String stem = (t == null ? "无时间" : NAME_TIME.format(t)) + (subject.isEmpty() ? "" : "-" + subject);
        String safe = FileNames.safeFile(stem + "-" + key.substring(0, 8) + ".eml");
        for (int n = 12; names.contains(safe) && n <= key.length(); n += 4) {
            safe = FileNames.safeFile(stem + "-" + key.substring(0, n) + ".eml");
        }
        return safe;
    }

    /** The messages of the store, in name order. */
    public List<Path> messages() {
        List<Path> out = new ArrayList<>();
        names.stream().sorted().forEach(n -> out.add(dir.resolve(n)));
        return out;
    }
}
