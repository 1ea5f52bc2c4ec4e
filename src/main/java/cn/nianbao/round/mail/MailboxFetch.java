package cn.nianbao.round.mail;

import cn.nianbao.util.OutputFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;

/**
 * Fetches the messages of a mailbox that the mail store does not hold yet: over IMAP (one folder;
 * known by UIDVALIDITY and UID, received time the server's INTERNALDATE) or POP3 (the inbox; known
 * by UIDL, received time from the server's own Received line on top). Each message is stored as it
 * arrives, so a run cut off keeps what it had and the next run goes on from there. Nothing is ever
 * deleted; reading never marks a message read (IMAP: the folder is opened read-only and bodies are
 * peeked); {@code --mark-seen} and {@code --move-to} act only on messages safely in the store.
 */
public final class MailboxFetch {
    /** Messages larger than this are not downloaded: their headers are stored, marked, and the inbox says so. */
    public static final long MAX_MESSAGE_BYTES = cn.nianbao.round.Inbox.MAX_MESSAGE_BYTES;
    /** The state file is written after this many new messages, so a cut-off run loses none. */
    private static final int SAVE_EVERY = 50;
    /**
     * IMAP messages fetched with one command: at most this many, and this many bytes (a message over
     * it goes alone). The first batches are smaller (1, 2, 4 …): a connection that drops in a batch
     * loses that batch's progress, so a run keeps what came before while the connection is unproven.
     */
    private static final int BATCH = 100;
    private static final long BATCH_BYTES = 16L << 20;

    /**
     * What to fetch and how: the password (never logged), the transport's rules, only messages
     * received on or after {@code since} (null: all), flag them \Seen, move them to {@code moveTo}
     * (null: stay), and the size limit.
     */
    public record Options(char[] password, MailSecurity security, LocalDate since, boolean markSeen, String moveTo,
                          long maxBytes) {
        public Options(char[] password, MailSecurity security, LocalDate since, boolean markSeen, String moveTo) {
            this(password, security, since, markSeen, moveTo, MAX_MESSAGE_BYTES);
        }
    }

    /** One message fetched: where it is kept, from whom, its subject, when the server received it. */
    public record Fetched(Path file, String from, String subject, Instant received, boolean duplicate, long omittedBytes) {
    }

    /**
     * A run's fetch: messages on the server (after --since), those the store had, those fetched, those
     * marked and moved, and those left unmarked and unmoved because only their headers are in the store.
     */
    public record Result(MailAccount account, int onServer, int alreadyStored, List<Fetched> fetched, int marked, int moved,
                         String movedTo, int leftHeadersOnly) {
        public long duplicates() {
            return fetched.stream().filter(Fetched::duplicate).count();
        }
    }

    private MailboxFetch() {
    }

    /** Fetches {@code account} (IMAP or POP3) into {@code store}; {@code listener} hears of each message as it is stored. */
    public static Result fetch(MailAccount account, Options o, MailStore store, Consumer<Fetched> listener)
            throws MailException, IOException {
        Session session = Session.getInstance(o.security().properties(account));
        List<Fetched> done = new ArrayList<>();
        Store st = null;
        try {
            st = session.getStore(account.angusProtocol());
            st.connect(account.host(), account.port(), account.user(), new String(o.password()));
            return account.protocol() == MailAccount.Protocol.IMAP ? imap(account, o, store, st, done, listener)
                    : pop3(account, o, store, st, done, listener);
        } catch (OutputFailure e) {
            throw e; // the disk, not the server: a file error
        } catch (MessagingException | IOException | IllegalStateException e) {
            // IllegalStateException: the library's word for a folder whose connection has gone
            String progress = done.isEmpty() ? "" : "。已取到的 " + done.size() + " 封已完整保存在 " + store.dir()
                    + "，下次运行从中断处继续，不会重复";
            throw new MailException(MailFaults.describe(e, account, o.security().timeoutSeconds(), o.password()) + progress, e);
        } finally {
            store.save();
            if (st != null) {
                try {
                    st.close();
                } catch (MessagingException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    private static Result imap(MailAccount account, Options o, MailStore store, Store st, List<Fetched> done,
                               Consumer<Fetched> listener) throws MessagingException, IOException, MailException {
        IMAPFolder folder = (IMAPFolder) st.getFolder(account.folder());
        if (!folder.exists()) {
            throw new jakarta.mail.FolderNotFoundException(folder, account.folder());
        }
        boolean write = o.markSeen() || o.moveTo() != null;
        IMAPStore imap = (IMAPStore) st;
        if (o.moveTo() != null && !imap.hasCapability("MOVE") && !imap.hasCapability("UIDPLUS")) {
            // Without MOVE a move is copy, \Deleted and expunge; without UIDPLUS the expunge cannot be limited to our
            // messages and would also remove any other message someone marked deleted: refused before anything is done.
            throw new MailException(account.protocol().shown() + " 服务器 " + account.server() + " 不支持 MOVE 和 UIDPLUS，"
                    + "无法只移动本工具取到的邮件（只能连同别人标了删除的邮件一起清除），所以没有取信，也没有移动任何邮件："
                    + "请去掉 --move-to 再运行（可以用 --mark-seen 标为已读），取完后在邮件软件中手工移动");
        }
        folder.open(write ? Folder.READ_WRITE : Folder.READ_ONLY);
        try {
            long validity = folder.getUIDValidity();
            Message[] messages = o.since() == null ? folder.getMessages()
                    : folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(o.since().atStartOfDay(
                            cn.nianbao.round.Collector.ZONE).toInstant())));
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            fp.add(FetchProfile.Item.SIZE);
            fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            folder.fetch(messages, fp);
            int had = 0;
            List<Message> stored = new ArrayList<>();
            List<Message> batch = new ArrayList<>();
            long batchBytes = 0;
            int batchSize = 1;
            for (Message m : messages) {
                long uid = folder.getUID(m);
                if (store.fetched(MailStore.source(account, validity, uid))) {
                    had++;
                    stored.add(m);
                    continue;
                }
                if (!batch.isEmpty() && (batch.size() >= batchSize || batchBytes + Math.max(0, m.getSize()) > BATCH_BYTES)) {
                    keepImap(folder, batch, account, validity, o, store, done, listener);
                    stored.addAll(batch);
                    batch.clear();
                    batchBytes = 0;
                    batchSize = Math.min(BATCH, batchSize * 2);
                }
                batch.add(m);
                batchBytes += Math.max(0, m.getSize());
            }
            if (!batch.isEmpty()) {
                keepImap(folder, batch, account, validity, o, store, done, listener);
                stored.addAll(batch);
            }
            store.save();
            int marked = 0;
            int moved = 0;
            // Only messages whole in the store are marked or moved: one over the size limit (its headers
            // kept, its body on the server) stays as it is, where the user will look for it.
            List<Message> whole = new ArrayList<>();
            for (Message m : stored) {
                if (store.whole(MailStore.source(account, validity, folder.getUID(m)))) {
                    whole.add(m);
                }
            }
            Message[] ours = whole.toArray(new Message[0]);
            if (o.markSeen() && ours.length > 0) {
                folder.setFlags(ours, new Flags(Flags.Flag.SEEN), true);
                marked = ours.length;
            }
            if (o.moveTo() != null && ours.length > 0) {
                Folder target = st.getFolder(o.moveTo());
                if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("无法在服务器上建立文件夹“" + o.moveTo() + "”");
                }
                if (imap.hasCapability("MOVE")) {
                    folder.moveMessages(ours, target);
                } else {
                    folder.copyMessages(ours, target);
                    folder.setFlags(ours, new Flags(Flags.Flag.DELETED), true);
                    folder.expunge(ours);
                }
                moved = ours.length;
            }
            return new Result(account, messages.length, had, done, marked, moved, o.moveTo(),
                    write ? stored.size() - ours.length : 0);
        } finally {
            if (folder.isOpen()) {
                try {
                    folder.close(false); // never expunge on close
                } catch (MessagingException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    private static Result pop3(MailAccount account, Options o, MailStore store, Store st, List<Fetched> done,
                               Consumer<Fetched> listener) throws MessagingException, IOException {
        POP3Folder folder = (POP3Folder) st.getFolder("INBOX");
        folder.open(Folder.READ_ONLY); // READ_ONLY: no message can be deleted
        try {
            Message[] messages = folder.getMessages();
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(messages, fp);
            int[] sizes = folder.getSizes(); // one LIST for all, not one per message
            int had = 0;
            int onServer = 0;
            int since = 0;
            Instant from = o.since() == null ? null : o.since().atStartOfDay(cn.nianbao.round.Collector.ZONE).toInstant();
            for (Message m : messages) {
                String uidl = folder.getUID(m);
                String source = uidl == null ? null : MailStore.source(account, uidl);
                if (source != null && store.fetched(source)) {
                    onServer++;
                    had++;
                    continue;
                }
                if (from != null) {
                    // POP3 cannot search: the headers (TOP) say when it came
                    Instant received = topReceived(m.getHeader("Received"));
                    Instant t = received != null ? received : m.getSentDate() == null ? null : m.getSentDate().toInstant();
                    if (t != null && t.isBefore(from)) {
                        ((POP3Message) m).invalidate(true);
                        continue;
                    }
                }
                onServer++;
                int n = m.getMessageNumber();
                int size = n - 1 < sizes.length ? sizes[n - 1] : m.getSize();
                byte[] whole = size > o.maxBytes() ? null : body(m, o.maxBytes());
                Instant received = topReceived(whole != null ? MailStore.headers(whole).getHeader("Received") : m.getHeader("Received"));
                done.add(keep(m, whole, received, source != null ? source : MailStore.source(account, "无UIDL-" + n), o, store,
                        listener));
                ((POP3Message) m).invalidate(true); // 5,000 messages must not stay in memory
                if (++since % SAVE_EVERY == 0) {
                    store.save();
                }
            }
            store.save();
            return new Result(account, onServer, had, done, 0, 0, null, 0);
        } finally {
            if (folder.isOpen()) {
                try {
                    folder.close(false); // false: nothing marked deleted, nothing expunged
                } catch (MessagingException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    /**
     * Downloads a batch of IMAP messages with one FETCH (a round trip per message would make a
     * distant server's latency, not its bandwidth, the limit) and stores each: the whole message as
     * the server holds it, or its headers alone when it is over the size limit. The state is saved
     * after each batch.
     */
    private static void keepImap(IMAPFolder folder, List<Message> batch, MailAccount account, long validity, Options o,
                                 MailStore store, List<Fetched> done, Consumer<Fetched> listener)
            throws MessagingException, IOException {
        List<Message> whole = new ArrayList<>();
        for (Message m : batch) {
            if (m.getSize() <= o.maxBytes()) {
                whole.add(m);
            }
        }
        Map<Integer, byte[]> raw = whole.isEmpty() ? Map.of() : rawMessages(folder, whole);
        for (Message m : batch) {
            Date received = m.getReceivedDate();
            byte[] bytes = raw.get(m.getMessageNumber());
            if (bytes == null && m.getSize() <= o.maxBytes()) {
                bytes = body(m, o.maxBytes()); // not in the batch's answer: asked for alone
            }
            done.add(keep(m, bytes, received == null ? null : received.toInstant(),
                    MailStore.source(account, validity, folder.getUID(m)), o, store, listener));
        }
        store.save();
    }

    /** The raw bytes of {@code messages} (BODY.PEEK[]: reading never sets \Seen), by message number. */
    @SuppressWarnings("unchecked")
    private static Map<Integer, byte[]> rawMessages(IMAPFolder folder, List<Message> messages) throws MessagingException {
        int[] numbers = messages.stream().mapToInt(Message::getMessageNumber).toArray();
        return (Map<Integer, byte[]>) folder.doCommand(p -> {
            Response[] r = p.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]");
            Map<Integer, byte[]> out = new HashMap<>();
            for (Response x : r) {
                if (x instanceof FetchResponse f) {
                    BODY b = f.getItem(BODY.class);
                    if (b != null && b.getByteArray() != null) {
                        out.put(f.getNumber(), b.getByteArray().getNewBytes());
                    }
                }
            }
            p.notifyResponseHandlers(r);
            p.handleResult(r[r.length - 1]);
            return out;
        });
    }

    /** Downloads one message (its headers only when it is too large) and puts it into the store. */
    private static Fetched keep(Message m, Instant received, String source, Options o, MailStore store,
                                Consumer<Fetched> listener) throws MessagingException, IOException {
        return keep(m, m.getSize() > o.maxBytes() ? null : body(m, o.maxBytes()), received, source, o, store, listener);
    }

    /** Puts {@code whole} (null: too large, the headers are kept) into the store. */
    private static Fetched keep(Message m, byte[] whole, Instant received, String source, Options o, MailStore store,
                                Consumer<Fetched> listener) throws MessagingException, IOException {
        byte[] raw = whole;
        long omitted = 0;
        if (raw == null || raw.length > o.maxBytes()) {
            raw = headerBytes(m);
            omitted = Math.max(m.getSize(), o.maxBytes() + 1);
        }
        MailStore.Stored s = store.put(raw, received, source, omitted);
        var h = MailStore.headers(raw);
        Fetched f = new Fetched(s.file(), from(h.getHeader("From", ",")), subject(h.getHeader("Subject", null)), received,
                s.duplicate(), omitted);
        listener.accept(f);
        return f;
    }

    /** The whole message, or null when it turns out larger than {@code max}. */
    private static byte[] body(Message m, long max) throws MessagingException, IOException {
        InputStream in = m instanceof org.eclipse.angus.mail.imap.IMAPMessage im ? im.getMimeStream()
                : ((POP3Message) m).getMimeStream();
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(Math.max(1024, Math.min(m.getSize(), 1 << 20)));
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > max) {
                    return null;
                }
                b.write(buf, 0, n);
            }
            return b.toByteArray();
        }
    }

    private static byte[] headerBytes(Message m) throws MessagingException {
        StringBuilder b = new StringBuilder();
        Enumeration<String> lines = ((jakarta.mail.internet.MimeMessage) m).getAllHeaderLines();
        while (lines.hasMoreElements()) {
            b.append(lines.nextElement()).append("\r\n");
        }
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * When the mailbox's server received a POP3 message: the date of the topmost Received line, which
     * the receiving server writes above everything the sender sent; null when there is none.
     */
    static Instant topReceived(String[] r) {
        if (r == null || r.length == 0) {
            return null;
        }
        String line = MimeUtility.unfold(r[0]);
        int semi = line.lastIndexOf(';');
        if (semi < 0) {
            return null;
        }
        try {
            return new MailDateFormat().parse(line.substring(semi + 1).strip()).toInstant();
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    private static String from(String header) {
        if (header == null) {
            return "";
        }
        try {
            InternetAddress[] a = InternetAddress.parseHeader(header, false);
            return a.length == 0 || a[0].getAddress() == null ? header.strip() : a[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.AddressException e) {
            return header.strip();
        }
    }

    private static String subject(String header) {
        if (header == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header)).strip();
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return header.strip();
        }
    }
}
