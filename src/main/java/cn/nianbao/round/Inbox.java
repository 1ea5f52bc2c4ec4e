package cn.nianbao.round;

import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Decoding;
import cn.nianbao.util.FileKind;
import cn.nianbao.util.FileNames;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The files of a collection inbox, unpacked: workbooks saved straight into the folder, workbooks
 * inside .zip archives (entry names in GBK as Windows writes them, or UTF-8), attachments of .eml
 * messages (names encoded by RFC 2047 or RFC 2231, in GBK or UTF-8; nested messages followed) and
 * the messages of .mbox files. Every file found becomes at least one {@link Item}, including what
 * could not be opened and why, so nothing is lost. Archive members and attachments are copied
 * into {@code extractDir} under names this class makes (only the last part of a stored name is
 * used), so nothing is ever written outside it; the inbox itself is only read.
 */
public final class Inbox {
    /** Largest member unpacked from an archive or message. */
    public static final long MAX_MEMBER_BYTES = 50L << 20;
    /** Archive members over 1 MB that unpack to more than this many times their stored size are refused. */
    public static final int MAX_RATIO = 200;
    /** The reason of a message that carried nothing: a question or a notice, not a filing. */
    public static final String NO_ATTACHMENT = "邮件中没有附件，没有报表";
    /** Members per archive or message, messages per .mbox, and levels of nesting followed. */
    public static final int MAX_MEMBERS = 1000;
    public static final int MAX_MESSAGES = 10_000;
    public static final int MAX_DEPTH = 3;

    /** What an inbox entry turned out to be. */
    public enum Kind {
        /** A file to read as a workbook ({@link Item#file()} is set; reading may still fail). */
        WORKBOOK,
        /** Something that should have carried a workbook and could not be opened or held none. */
        PROBLEM,
        /** A file that is not a workbook (a PDF, an image, a note): listed, not read. */
        SKIPPED
    }

    /**
     * What an item's time is taken from, best evidence first: the time the message says it was
     * sent, the time stored for the archive entry, the time the workbook says it was last saved,
     * and last the time of the file on this disk (which copying or downloading after the deadline
     * changes). A new kind of evidence (the receiving server's time) takes its place in this order.
     */
    public enum TimeSource {
        MAIL_DATE("邮件日期"),
        ZIP_ENTRY("压缩包条目时间"),
        WORKBOOK_SAVED("工作簿保存时间"),
        FILE("文件时间");

        private final String chinese;

        TimeSource(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        /** Whether this is better evidence of when an item was sent than {@code other}. */
        public boolean betterThan(TimeSource other) {
            return compareTo(other) < 0;
        }
    }

    /**
     * One thing found in the inbox. {@code inboxFile} is the file in the inbox folder;
     * {@code member} where inside it (attachment or archive entry, nested with " » "; empty for
     * the file itself); {@code name} the name it arrived under (the attachment's or entry's last
     * path component, else the file's); {@code file} the copy to read (or the inbox file itself); {@code sender}
     * the From address of the message it came in (lower case, may be empty); {@code time} when it
     * was sent, by the best evidence there is ({@code timeSource}); null when there is none.
     */
    public record Item(String inboxFile, String member, String name, Path file, Kind kind, String reason, String sender,
                       Instant time, TimeSource timeSource, String subject, List<String> notes) {
        public Item {
            notes = List.copyOf(notes);
        }

        /** The inbox file and where inside it, as the user reads it. */
        public String origin() {
            return member.isEmpty() ? inboxFile : inboxFile + " » " + member;
        }
    }

    private static final Session SESSION = session();
    private static final Instant ZIP_EPOCH = Instant.parse("1980-01-02T00:00:00Z");

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(p);
    }

    private final Path extractDir;
    private final List<Item> items = new ArrayList<>();
    private final Map<Path, Integer> used = new HashMap<>();

    private Inbox(Path extractDir) {
        this.extractDir = extractDir;
    }

    /**
     * Every item of {@code inbox} (a folder, searched recursively, or one file), in a stable
     * order; members are copied under {@code extractDir}.
     */
    public static List<Item> open(Path inbox, Path extractDir) throws IOException {
        Inbox box = new Inbox(extractDir);
        List<Path> files;
        if (Files.isDirectory(inbox)) {
            try (Stream<Path> walk = Files.walk(inbox)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(inbox);
        }
        for (Path f : files) {
            String shown = f.toString();
            Origin o = new Origin(shown, "", f.getFileName().toString(), "", fileTime(f), TimeSource.FILE, "", List.of());
            box.classify(f, o, Files.isDirectory(inbox) ? inbox.relativize(f).toString() : f.getFileName().toString(), 0);
        }
        return Collections.unmodifiableList(box.items);
    }

    /** Where an item came from, handed down as containers are opened. */
    private record Origin(String inboxFile, String member, String name, String sender, Instant time, TimeSource timeSource,
                          String subject, List<String> notes) {
        /** One level in: shown as {@code shown} in the member path, arrived as {@code arrivedAs}. */
        Origin inside(String shown, String arrivedAs, List<String> more) {
            List<String> n = new ArrayList<>(notes);
            n.addAll(more);
            return new Origin(inboxFile, member.isEmpty() ? shown : member + " » " + shown, arrivedAs, sender, time, timeSource,
                    subject, n);
        }

        Origin sent(String from, Instant at, String subj) {
            return new Origin(inboxFile, member, name, from, at != null ? at : time, at != null ? TimeSource.MAIL_DATE : timeSource,
                    subj, notes);
        }

        /** The time {@code t} from {@code source} when that is better evidence than what is known. */
        Origin at(Instant t, TimeSource source) {
            return t != null && source.betterThan(timeSource) ? new Origin(inboxFile, member, name, sender, t, source, subject, notes)
                    : this;
        }
    }

    private void add(Origin o, Path file, Kind kind, String reason) {
        items.add(new Item(o.inboxFile(), o.member(), o.name(), file, kind, reason, o.sender(), o.time(), o.timeSource(),
                o.subject(), o.notes()));
    }

    /**
     * Decides what {@code file} is by its content ({@link FileKind}) and handles it. A file named
     * as a workbook is read as one whatever it holds: the reader says what is wrong with it, so it
     * counts as unreadable, never as skipped.
     */
    private void classify(Path file, Origin o, String relative, int depth) {
        String name = file.getFileName().toString();
        if (FileKind.lockFile(name)) {
            add(o, null, Kind.SKIPPED, FileKind.LOCK_FILE);
            return;
        }
        byte[] head;
        try {
            head = FileKind.head(file);
        } catch (IOException e) {
            add(o, null, Kind.PROBLEM, lead("文件无法打开", e));
            return;
        }
        FileKind kind = FileKind.workbookName(name) ? null : FileKind.of(file, head);
        String ext = extension(name);
        if (kind == null || kind.workbook()) {
            // Read only when nothing better is known: a plain file's time changes when it is copied.
            add(TimeSource.WORKBOOK_SAVED.betterThan(o.timeSource()) ? o.at(SavedTime.of(file, head), TimeSource.WORKBOOK_SAVED) : o,
                    file, Kind.WORKBOOK, "");
            return;
        }
        switch (kind) {
            case ZIP -> {
                if (depth >= MAX_DEPTH) {
                    add(o, null, Kind.PROBLEM, "压缩包嵌套超过" + MAX_DEPTH + "层，未再解开");
                } else {
                    archive(file, o, relative, depth);
                }
            }
            case MBOX -> {
                if (depth >= MAX_DEPTH) {
                    add(o, null, Kind.PROBLEM, "邮箱文件嵌套超过" + MAX_DEPTH + "层，未再解开");
                } else {
                    mbox(file, o, relative, depth);
                }
            }
            case EML -> {
                if (depth >= MAX_DEPTH) {
                    add(o, null, Kind.PROBLEM, "邮件嵌套超过" + MAX_DEPTH + "层，未再解开");
                } else {
                    message(file, o, relative, depth);
                }
            }
            case EMPTY -> add(o, null, Kind.PROBLEM, "文件是空的（0字节）");
            // Kinds that may hold a report this tool cannot open: a problem to resolve, not a file to pass over.
            case RAR, SEVEN_Z -> add(o, null, Kind.PROBLEM, (kind == FileKind.RAR ? "RAR" : "7z") + " 压缩包（" + ext
                    + "），本工具只能解开 zip 压缩包：请用 zip 格式重新压缩后报送");
            case MSG -> add(o, null, Kind.PROBLEM, "Outlook 邮件文件（" + ext + "），本工具不能打开："
                    + "请在邮件软件中把它另存为 .eml，或把其中的附件直接放进收件文件夹");
            case OTHER -> add(o, null, Kind.SKIPPED, "不是报表工作簿、压缩包或邮件（" + ext + " 文件），未读取");
            default -> add(o, null, Kind.SKIPPED, kind.chinese() + "（" + ext + "），不是报表工作簿");
        }
    }

    /** The extension of a name as a user reads it in a reason: ".docx", or 无扩展名. */
    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? "无扩展名" : lower.substring(dot);
    }

    private static boolean startsWith(byte[] head, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (head.length < b.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (head[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static Instant fileTime(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** A fresh path under the extraction folder for a member called {@code name} of container {@code relative}. */
    private Path target(String relative, String name) throws IOException {
        Path dir = extractDir;
        for (String part : relative.split("[/\\\\]")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                dir = dir.resolve(FileNames.safe(part) + "-内容");
            }
        }
        String safe = name.strip().isEmpty() || name.strip().equals(".") || name.strip().equals("..") ? "未命名"
                : FileNames.safeFile(name.strip());
        Path t = dir.resolve(safe).normalize();
        if (!t.startsWith(extractDir.normalize())) {
            throw new IOException("名称不安全：" + name);
        }
        int n = used.merge(t, 1, Integer::sum);
        if (n > 1) {
            int dot = safe.lastIndexOf('.');
            String stem = dot > 0 ? safe.substring(0, dot) : safe;
            String ext = dot > 0 ? safe.substring(dot) : "";
            t = dir.resolve(stem + "(" + n + ")" + ext);
        }
        return t;
    }

    /** The last part of a stored name, and a note when the stored name carried a path (zip slip, absolute). */
    private static String[] baseName(String stored, String what) {
        String s = stored.replace('\\', '/');
        String base = s.substring(s.lastIndexOf('/') + 1);
        boolean escapes = s.startsWith("/") || s.matches("^[A-Za-z]:.*") || ("/" + s + "/").contains("/../");
        String note = escapes ? what + "名称“" + stored + "”含有上级目录（..）或绝对路径，可能是恶意构造的；只取文件名“" + base
                + "”，解出的文件只写在本工具的输出文件夹中" : null;
        return new String[] {base, note};
    }

    /** Copies at most {@link #MAX_MEMBER_BYTES} to {@code target}; false when the member is larger. */
    private static boolean copyBounded(InputStream in, Path target) throws IOException {
        boolean[] fits = {true};
        AtomicFiles.write(target, out -> {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_MEMBER_BYTES) {
                    fits[0] = false;
                    throw new IOException("too large");
                }
                out.write(buf, 0, n);
            }
        });
        return fits[0];
    }

    private void archive(Path file, Origin o, String relative, int depth) {
        List<ZipArchiveEntry> entries;
        try (ZipFile z = ZipFile.builder().setPath(file).setCharset(StandardCharsets.ISO_8859_1)
                .setUseUnicodeExtraFields(true).get()) {
            entries = Collections.list(z.getEntries());
            int count = 0;
            for (ZipArchiveEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                String stored = entryName(e);
                String[] base = baseName(stored, "压缩包条目");
                List<String> notes = base[1] == null ? List.of() : List.of(base[1]);
                Origin m = o.inside(stored, base[0], notes);
                // An entry stored without a time carries the zip epoch (1980-01-01): no evidence.
                if (e.getLastModifiedTime() != null && e.getLastModifiedTime().toInstant().isAfter(ZIP_EPOCH)) {
                    m = m.at(e.getLastModifiedTime().toInstant(), TimeSource.ZIP_ENTRY);
                }
                if (++count > MAX_MEMBERS) {
                    add(o, null, Kind.PROBLEM, "压缩包中的文件超过" + MAX_MEMBERS + "个，其余未解开");
                    break;
                }
                if (stored.startsWith("__MACOSX/") || base[0].startsWith("._") || base[0].equalsIgnoreCase(".DS_Store")
                        || base[0].equalsIgnoreCase("Thumbs.db")) {
                    add(m, null, Kind.SKIPPED, "压缩软件附带的系统文件，不是报表");
                    continue;
                }
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    add(m, null, Kind.PROBLEM, "压缩包中的这个文件设有密码，无法解开。请不加密码重新压缩后报送");
                    continue;
                }
                if (!z.canReadEntryData(e)) {
                    add(m, null, Kind.PROBLEM, "压缩包使用了本工具不支持的压缩方式，无法解开。请用 zip 格式重新压缩");
                    continue;
                }
                long size = e.getSize();
                long stored2 = e.getCompressedSize();
                if (size > MAX_MEMBER_BYTES || size > (1 << 20) && stored2 > 0 && size / stored2 > MAX_RATIO) {
                    add(m, null, Kind.PROBLEM, "压缩包中的文件解压后过大（" + (size >> 20) + " MB，压缩比 "
                            + (stored2 > 0 ? size / stored2 : 0) + ":1），可能是压缩炸弹，未解开");
                    continue;
                }
                Path t = target(relative, base[0]);
                try (InputStream in = z.getInputStream(e)) {
                    if (!copyBounded(in, t)) {
                        add(m, null, Kind.PROBLEM, "压缩包中的文件解压后超过" + (MAX_MEMBER_BYTES >> 20) + " MB，未解开");
                        continue;
                    }
                } catch (IOException | RuntimeException ex) {
                    add(m, null, Kind.PROBLEM, ex.getMessage() != null && ex.getMessage().equals("too large")
                            ? "压缩包中的文件解压后超过" + (MAX_MEMBER_BYTES >> 20) + " MB，未解开"
                            : lead("压缩包中的这个文件已损坏，无法解开", ex));
                    continue;
                }
                classify(t, m, relative + "/" + t.getFileName(), depth + 1);
            }
            if (count == 0) {
                add(o, null, Kind.PROBLEM, "压缩包是空的，没有文件");
            }
        } catch (IOException | RuntimeException e) {
            add(o, null, Kind.PROBLEM, lead("压缩包无法打开（已损坏或不是 zip 格式）", e));
        }
    }

    /** An entry's name: UTF-8 when flagged so or when its bytes are valid UTF-8, else GBK (Windows' Chinese zip names). */
    private static String entryName(ZipArchiveEntry e) {
        byte[] raw = e.getRawName();
        if (raw == null) {
            return e.getName();
        }
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        if (!e.getName().equals(new String(raw, StandardCharsets.ISO_8859_1))) {
            return e.getName(); // an Info-ZIP Unicode path extra field named it
        }
        return Decoding.decode(raw);
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

    private void message(Path file, Origin o, String relative, int depth) {
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
            Origin mo = o.sent(from.isEmpty() ? o.sender() : from, date, subject == null ? "" : subject);
            if (m.getHeader(cn.nianbao.report.OutputGuard.DRAFT_HEADER) != null) {
                // One of our own drafts (issue, collect --returns) saved into the inbox: its attachment is our template, not a reply.
                add(mo, null, Kind.SKIPPED, "本工具写出的邮件草稿，不是收到的报送" + (subject == null || subject.isBlank() ? ""
                        : "（主题：" + subject + "）"));
                return;
            }
            int before = items.size();
            int[] parts = {0};
            walk(m, mo, relative, depth, parts);
            if (items.size() == before) {
                // A question, a reply, a notice: listed with its subject, not a failed filing.
                add(mo, null, Kind.SKIPPED, NO_ATTACHMENT + (subject == null || subject.isBlank() ? "（没有主题）" : "（主题：" + subject + "）"));
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            add(o, null, Kind.PROBLEM, lead("邮件无法解析", e));
        }
    }

    private void walk(Part p, Origin o, String relative, int depth, int[] parts) throws MessagingException, IOException {
        if (++parts[0] > MAX_MEMBERS) {
            if (parts[0] == MAX_MEMBERS + 1) {
                add(o, null, Kind.PROBLEM, "邮件的部分超过" + MAX_MEMBERS + "个，其余未读取");
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
                    walk(b, o, relative, depth, parts);
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
        String[] base = baseName(stored, "附件");
        Origin m = o.inside("附件 " + base[0], base[0], base[1] == null ? List.of() : List.of(base[1]));
        String name = nested && !base[0].toLowerCase(Locale.ROOT).endsWith(".eml") ? base[0] + ".eml" : base[0];
        Path t = target(relative, name);
        try (InputStream in = nested ? rawMessage(p) : p.getInputStream()) {
            if (!copyBounded(in, t)) {
                add(m, null, Kind.PROBLEM, "附件超过" + (MAX_MEMBER_BYTES >> 20) + " MB，未取出");
                return;
            }
        } catch (IOException e) {
            add(m, null, Kind.PROBLEM, "too large".equals(e.getMessage()) ? "附件超过" + (MAX_MEMBER_BYTES >> 20) + " MB，未取出"
                    : lead("附件无法取出（编码损坏）", e));
            return;
        }
        classify(t, m, relative + "/" + t.getFileName(), depth + 1);
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
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            inner.writeTo(b);
            return new java.io.ByteArrayInputStream(b.toByteArray());
        }
        return p.getInputStream();
    }

    /** Splits an mbox (mboxo or mboxrd: lines starting "From " separate messages) into messages and reads each. */
    private void mbox(Path file, Origin o, String relative, int depth) {
        int n = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            OutputStream current = null;
            List<Path> messages = new ArrayList<>();
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            boolean overflow = false;
            boolean midLine = false;
            while (true) {
                b = raw.read();
                if (b != -1) {
                    line.write(b);
                }
                if (line.size() >= 1 << 20 && b != '\n' && b != -1) {
                    // A line of a megabyte is no separator: pass it on in pieces, never held whole.
                    if (current != null) {
                        line.writeTo(current);
                    }
                    line.reset();
                    midLine = true;
                    continue;
                }
                if (b == '\n' || b == -1) {
                    byte[] l = line.toByteArray();
                    line.reset();
                    boolean continued = midLine;
                    midLine = false;
                    if (!continued && startsWith(l, "From ")) {
                        if (current != null) {
                            current.close();
                        }
                        if (++n > MAX_MESSAGES) {
                            overflow = true;
                            current = null;
                            break;
                        }
                        Path currentFile = target(relative, "第" + n + "封邮件.eml");
                        Files.createDirectories(currentFile.getParent());
                        current = new java.io.BufferedOutputStream(Files.newOutputStream(currentFile));
                        messages.add(currentFile);
                    } else if (current != null) {
                        int skip = 0;
                        if (l.length > 0 && l[0] == '>') {
                            int i = 0;
                            while (i < l.length && l[i] == '>') {
                                i++;
                            }
                            if (startsWith(java.util.Arrays.copyOfRange(l, i, l.length), "From ")) {
                                skip = 1; // mboxrd: one level of quoting added when the message was stored
                            }
                        }
                        current.write(l, skip, l.length - skip);
                    }
                    if (b == -1) {
                        break;
                    }
                }
            }
            if (current != null) {
                current.close();
                current = null;
            }
            for (int i = 0; i < messages.size(); i++) {
                Path msg = messages.get(i);
                message(msg, o.inside("第" + (i + 1) + "封邮件", "第" + (i + 1) + "封邮件", List.of()), relative + "/" + msg.getFileName(), depth + 1);
            }
            if (overflow) {
                add(o, null, Kind.PROBLEM, "邮箱文件中的邮件超过" + MAX_MESSAGES + "封，其余未读取");
            }
            if (messages.isEmpty()) {
                add(o, null, Kind.PROBLEM, "邮箱文件（.mbox）中没有邮件");
            }
        } catch (IOException | RuntimeException e) {
            add(o, null, Kind.PROBLEM, lead("邮箱文件无法读取", e));
        }
    }

    /** A Chinese lead, then what the exception says (if anything once class names are taken out). */
    private static String lead(String lead, Throwable e) {
        String d = plain(e.getMessage());
        return d.isEmpty() ? lead : lead + "：" + d;
    }

    /** Text from an exception for a user, without Java class names. */
    static String plain(String reason) {
        return cn.nianbao.util.IoErrors.plain(reason);
    }
}
