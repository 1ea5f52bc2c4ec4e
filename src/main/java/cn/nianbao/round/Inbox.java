package cn.nianbao.round;

import cn.nianbao.util.FileKind;
import cn.nianbao.util.OutputFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of a collection inbox, unpacked: workbooks saved straight into the folder, workbooks
 * inside .zip archives (entry names in GBK as Windows writes them, or UTF-8), attachments of .eml
 * messages (names encoded by RFC 2047 or RFC 2231, in GBK or UTF-8; nested messages followed) and
 * the messages of .mbox files. Every file found becomes at least one {@link Item}, including what
 * could not be opened and why, so nothing is lost. Archive members and attachments are copied
 * into {@code extractDir} under names {@link Extraction} makes (only the last part of a stored
 * name is used), so nothing is ever written outside it; the inbox itself is only read.
 *
 * <p>This class walks the inbox and decides what each file is ({@link FileKind}); the containers
 * are opened by {@link ZipMembers}, {@link MimeParts} and {@link MboxSplitter}, which hand what
 * they find back to {@link #classify}.
 */
public final class Inbox {
    /** Largest member unpacked from an archive or message. */
    public static final long MAX_MEMBER_BYTES = 50L << 20;
    /** Largest message downloaded from a mailbox (collect --imap / --pop3); a larger one keeps only its headers. */
    public static final long MAX_MESSAGE_BYTES = 100L << 20;
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
        /**
         * A published report instead of the template (a PDF, a Word document, a web page): read by its
         * labels ({@link Item#file()} is set; {@link Item#reason()} says what it is); one that holds
         * none of the national tables (a cover letter) is then listed as skipped.
         */
        DOCUMENT,
        /** A file that is not a workbook or a report (an image, a note): listed, not read. */
        SKIPPED
    }

    /**
     * What an item's time is taken from, best evidence first: the time the message says it was
     * sent, the time stored for the archive entry, the time the workbook says it was last saved,
     * and last the time of the file on this disk (which copying or downloading after the deadline
     * changes). Best of all is the time the mailbox's own server received the message (IMAP
     * INTERNALDATE, or the server's Received line over POP3), kept with each message of a mail store:
     * the sender's clock and the files' times cannot move it.
     */
    public enum TimeSource {
        SERVER_RECEIVED("服务器收到时间"),
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

    private final Extraction extraction;
    private final List<Item> items = new ArrayList<>();
    /** Whether the top-level file being opened is a message of the mail store (whose block on top is ours). */
    private boolean inStore;

    private Inbox(Path extractDir) {
        this.extraction = new Extraction(extractDir);
    }

    /**
     * Every item of {@code inbox} (a folder, searched recursively, or one file), in a stable
     * order; members are copied under {@code extractDir}.
     */
    public static List<Item> open(Path inbox, Path extractDir) throws IOException {
        return open(inbox, null, extractDir);
    }

    /**
     * Every item of {@code inbox} (null when there is none) and then of the mail store {@code store}
     * (the messages a collect run fetched from a mailbox: its .eml files; null or missing when there
     * is none), in a stable order; members are copied under {@code extractDir}.
     */
    public static List<Item> open(Path inbox, Path store, Path extractDir) throws IOException {
        Inbox box = new Inbox(extractDir);
        if (inbox != null) {
            List<Path> files;
            if (Files.isDirectory(inbox)) {
                try (Stream<Path> walk = Files.walk(inbox)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(inbox);
            }
            for (Path f : files) {
                box.top(f, Files.isDirectory(inbox) ? inbox.relativize(f).toString() : f.getFileName().toString());
            }
        }
        if (store != null && Files.isDirectory(store)) {
            List<Path> messages;
            try (Stream<Path> list = Files.list(store)) {
                // the store's own files (marker, state) start with a dot; every message is an .eml
                messages = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            box.inStore = true; // only the store's own files: a file put into --inbox carrying such a block is not trusted
            try {
                for (Path f : messages) {
                    box.top(f, store.getFileName() + "/" + f.getFileName());
                }
            } finally {
                box.inStore = false;
            }
        }
        return Collections.unmodifiableList(box.items);
    }

    private void top(Path f, String relative) throws OutputFailure {
        Origin o = new Origin(f.toString(), "", f.getFileName().toString(), "", fileTime(f), TimeSource.FILE, "", List.of());
        classify(f, o, relative, 0);
    }

    /** Where an item came from, handed down as containers are opened. */
    record Origin(String inboxFile, String member, String name, String sender, Instant time, TimeSource timeSource,
                  String subject, List<String> notes) {
        /** One level in: shown as {@code shown} in the member path, arrived as {@code arrivedAs}. */
        Origin inside(String shown, String arrivedAs, List<String> more) {
            List<String> n = new ArrayList<>(notes);
            n.addAll(more);
            return new Origin(inboxFile, member.isEmpty() ? shown : member + " » " + shown, arrivedAs, sender, time, timeSource,
                    subject, n);
        }

        /**
         * Inside a message from {@code from}, dated {@code at}: its Date is the time unless the
         * server's received time of an enclosing message is known (a forwarded message's own date
         * does not move when the forward arrived).
         */
        Origin sent(String from, Instant at, String subj) {
            boolean dated = at != null && !timeSource.betterThan(TimeSource.MAIL_DATE);
            return new Origin(inboxFile, member, name, from, dated ? at : time, dated ? TimeSource.MAIL_DATE : timeSource,
                    subj, notes);
        }

        /** The time {@code t} from {@code source} when that is better evidence than what is known. */
        Origin at(Instant t, TimeSource source) {
            return t != null && source.betterThan(timeSource) ? new Origin(inboxFile, member, name, sender, t, source, subject, notes)
                    : this;
        }
    }

    /**
     * Whether the top-level file now being opened came from the mail store, so the block of lines a
     * fetch put on top of it (the server's received time, a body left on the server) is trusted; in a
     * file from the inbox folder anyone could have written it.
     */
    boolean inStore() {
        return inStore;
    }

    /** Where members of this inbox are copied. */
    Extraction extraction() {
        return extraction;
    }

    /** How many items have been found so far. */
    int count() {
        return items.size();
    }

    void add(Origin o, Path file, Kind kind, String reason) {
        items.add(new Item(o.inboxFile(), o.member(), o.name(), file, kind, reason, o.sender(), o.time(), o.timeSource(),
                o.subject(), o.notes()));
    }

    /**
     * Decides what {@code file} is by its content ({@link FileKind}) and handles it. A file named
     * as a workbook is read as one whatever it holds (the reader says what is wrong with it, so it
     * counts as unreadable, never as skipped), except a plain zip archive under a workbook's name:
     * it is unpacked like any zip.
     */
    void classify(Path file, Origin o, String relative, int depth) throws OutputFailure {
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
        FileKind kind = FileKind.of(file, head);
        if (FileKind.workbookName(name) && kind != FileKind.ZIP) {
            kind = null; // named as a workbook: read as one, and judged by the reader
        }
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
                    ZipMembers.open(this, file, o, relative, depth);
                }
            }
            case MBOX -> {
                if (depth >= MAX_DEPTH) {
                    add(o, null, Kind.PROBLEM, "邮箱文件嵌套超过" + MAX_DEPTH + "层，未再解开");
                } else {
                    MboxSplitter.open(this, file, o, relative, depth);
                }
            }
            case EML -> {
                if (depth >= MAX_DEPTH) {
                    add(o, null, Kind.PROBLEM, "邮件嵌套超过" + MAX_DEPTH + "层，未再解开");
                } else {
                    MimeParts.open(this, file, o, relative, depth);
                }
            }
            case EMPTY -> add(o, null, Kind.PROBLEM, "文件是空的（0字节）");
            // An agency that answers with its Word or PDF report: read it (issue 16), by its labels.
            case PDF, DOCX, DOC, HTML, MHTML -> add(o, file, Kind.DOCUMENT, kind.chinese() + "（" + ext + "）");
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

    private static Instant fileTime(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** A Chinese lead, then what the exception says (if anything once class names are taken out). */
    static String lead(String lead, Throwable e) {
        String d = cn.nianbao.util.IoErrors.plain(e.getMessage());
        return d.isEmpty() ? lead : lead + "：" + d;
    }
}
