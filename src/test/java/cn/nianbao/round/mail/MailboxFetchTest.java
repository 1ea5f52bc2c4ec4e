package cn.nianbao.round.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.round.Inbox;
import cn.nianbao.round.MailHeaders;
import cn.nianbao.round.RoundMessages;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from a real IMAP and POP3 server on loopback into the mail store. */
class MailboxFetchTest {
    @TempDir
    Path dir;

    TestMailServer server;
    List<RoundMessages.Message> messages;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer();
        messages = RoundMessages.all();
        for (RoundMessages.Message m : messages) {
            server.deliver("INBOX", m.raw(), m.date());
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MailSecurity security() {
        return new MailSecurity(false, null, 10);
    }

    MailboxFetch.Result fetch(String url, MailAccount.Protocol p, MailboxFetch.Options o) throws Exception {
        MailStore store = MailStore.open(dir.resolve("store"));
        return MailboxFetch.fetch(MailAccount.parse(url, p, "--test"), o, store, f -> { });
    }

    static MailboxFetch.Options plain() {
        return new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, null);
    }

    List<Path> stored() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("store"))) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void imapFetchesEachMessageOnceRawWithTheServersTimeAndLeavesThemUnread() throws Exception {
        MailboxFetch.Result r = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain());
        assertThat(r.onServer()).isEqualTo(messages.size());
        assertThat(r.fetched()).hasSize(messages.size()).noneMatch(MailboxFetch.Fetched::duplicate);
        assertThat(stored()).hasSize(messages.size());
        for (Path p : stored()) {
            var block = MailHeaders.storeBlock(p);
            assertThat(MailHeaders.received(block)).isNotNull();
            assertThat(block.get(MailHeaders.SOURCE)).startsWith("imap://" + TestMailServer.USER + "@127.0.0.1:");
        }
        // The server's INTERNALDATE is each message's received time.
        assertThat(r.fetched()).extracting(MailboxFetch.Fetched::received)
                .containsExactlyInAnyOrderElementsOf(messages.stream().map(RoundMessages.Message::date).toList());
        // Nothing marked read, nothing deleted.
        assertThat(server.folder("INBOX").getMessages()).hasSize(messages.size())
                .noneMatch(m -> flags(m).contains(Flags.Flag.SEEN));

        MailboxFetch.Result again = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain());
        assertThat(again.fetched()).isEmpty();
        assertThat(again.alreadyStored()).isEqualTo(messages.size());
        assertThat(stored()).hasSize(messages.size());
    }

    @Test
    void aMailboxOfSeveralFetchBatchesStoresEveryMessageWholeAndOnceAndLeavesThemUnread() throws Exception {
        // More than two batches of one FETCH each, with messages over the size limit among them.
        java.time.ZonedDateTime t = java.time.ZonedDateTime.parse("2025-01-20T09:00:00+08:00");
        java.util.Map<String, byte[]> sent = new java.util.HashMap<>();
        for (int i = 1; i <= 230; i++) {
            RoundMessages.Message q = RoundMessages.question("提问" + i, "someone" + i + "@other.example", t.plusSeconds(i));
            server.deliver("INBOX", q.raw(), q.date());
            sent.put("提问" + i, q.raw());
        }
        MailboxFetch.Result r = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, null, 20_000));
        assertThat(r.onServer()).isEqualTo(messages.size() + 230);
        assertThat(r.fetched()).hasSize(messages.size() + 230).noneMatch(MailboxFetch.Fetched::duplicate);
        assertThat(stored()).hasSize(messages.size() + 230);
        assertThat(r.fetched()).filteredOn(f -> f.omittedBytes() > 0).isNotEmpty();
        for (MailboxFetch.Fetched f : r.fetched()) {
            byte[] raw = sent.get(f.subject());
            if (raw != null) {
                // the stored file is our block on top of the message byte for byte
                byte[] file = Files.readAllBytes(f.file());
                assertThat(f.omittedBytes()).isZero();
                assertThat(java.util.Arrays.copyOfRange(file, file.length - raw.length, file.length)).isEqualTo(raw);
            }
        }
        assertThat(r.fetched()).filteredOn(f -> sent.containsKey(f.subject())).hasSize(230);
        assertThat(server.folder("INBOX").getMessages()).noneMatch(m -> flags(m).contains(Flags.Flag.SEEN));
        assertThat(fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain()).fetched()).isEmpty();
    }

    static Flags flags(StoredMessage m) {
        try {
            return m.getFlags();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStoredMessagesReadAsTheInboxFilesWithTheServersTime() throws Exception {
        fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain());
        Path inbox = dir.resolve("收件");
        RoundMessages.write(messages, inbox);
        List<Inbox.Item> files = Inbox.open(inbox, dir.resolve("a1"));
        List<Inbox.Item> mail = Inbox.open(null, dir.resolve("store"), dir.resolve("a2"));
        assertThat(mail).hasSameSizeAs(files);
        assertThat(summary(mail)).containsExactlyInAnyOrderElementsOf(summary(files));
        // Each item's time is its message's received time on the server: for the forwarded message the
        // time it arrived, not the date of the message inside it.
        assertThat(mail).allMatch(i -> i.timeSource() == Inbox.TimeSource.SERVER_RECEIVED);
        assertThat(mail).filteredOn(i -> i.member().startsWith("附件 附件邮件.eml")).singleElement()
                .satisfies(i -> assertThat(i.time()).isEqualTo(java.time.Instant.parse("2025-01-15T02:20:00Z")));
        assertThat(files).filteredOn(i -> i.member().startsWith("附件 附件邮件.eml")).singleElement()
                .satisfies(i -> assertThat(i.time()).isEqualTo(java.time.Instant.parse("2025-01-15T02:00:00Z")));
        assertThat(mail).filteredOn(i -> i.sender().equals("someone@other.example")).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(Inbox.NO_ATTACHMENT + "（主题：请问表三怎么填）"));
    }

    @Test
    void theStoresReceivedTimeIsTrustedOnlyInTheStoreNotInAFilePutIntoTheInbox() throws Exception {
        fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain());
        // A stored message copied into the inbox folder with an earlier "received" time written over the
        // server's (an agency forging an on-time receipt), and one claiming its body was left on the server.
        Path inbox = dir.resolve("收件");
        Files.createDirectories(inbox);
        Path original = stored().stream().filter(p -> {
            try {
                return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains("X-Nianbao-Received: 2")
                        && !MailHeaders.storeBlock(p).containsKey(MailHeaders.OMITTED);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).findFirst().orElseThrow();
        String text = Files.readString(original, java.nio.charset.StandardCharsets.ISO_8859_1);
        String forged = text.replaceFirst("X-Nianbao-Received: [^\r\n]+", "X-Nianbao-Received: 2024-12-01T00:00:00Z");
        Files.writeString(inbox.resolve("伪造.eml"), forged, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(inbox.resolve("伪造太大.eml"), forged.replaceFirst("\r\n", "\r\nX-Nianbao-Omitted: 999999999\r\n"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Inbox.Item> items = Inbox.open(inbox, dir.resolve("a"));
        assertThat(items).isNotEmpty().noneMatch(i -> i.timeSource() == Inbox.TimeSource.SERVER_RECEIVED)
                .noneMatch(i -> i.reason().startsWith("邮件太大"))
                .noneMatch(i -> java.time.Instant.parse("2024-12-01T00:00:00Z").equals(i.time()));
        // The same message in the store: the server's time.
        Instant received = MailHeaders.received(MailHeaders.storeBlock(original));
        List<Inbox.Item> fromStore = Inbox.open(inbox, dir.resolve("store"), dir.resolve("b"));
        assertThat(fromStore).filteredOn(i -> i.inboxFile().equals(original.toString())).isNotEmpty()
                .allSatisfy(i -> assertThat(i.timeSource()).isEqualTo(Inbox.TimeSource.SERVER_RECEIVED))
                .allSatisfy(i -> assertThat(i.time()).isEqualTo(received));
        assertThat(fromStore).filteredOn(i -> i.inboxFile().startsWith(inbox.toString()))
                .isNotEmpty().noneMatch(i -> i.timeSource() == Inbox.TimeSource.SERVER_RECEIVED);
    }

    /** What an item is, apart from the file it is in (the store names its files itself) and its time. */
    static List<String> summary(List<Inbox.Item> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.member() + "|" + (i.member().isEmpty() ? "" : i.name()) + "|" + i.kind() + "|" + i.reason()
                + "|" + i.sender() + "|" + i.subject()));
        return out;
    }

    @Test
    void pop3FetchesByUidlAndNeverDeletes() throws Exception {
        MailboxFetch.Result r = fetch(server.pop3(), MailAccount.Protocol.POP3, plain());
        assertThat(r.fetched()).hasSize(messages.size());
        assertThat(server.folder("INBOX").getMessages()).hasSize(messages.size());
        assertThat(fetch(server.pop3(), MailAccount.Protocol.POP3, plain()).fetched()).isEmpty();
        server.deliver("INBOX", RoundMessages.question("新的提问", "yjglb@example.cn",
                java.time.ZonedDateTime.parse("2025-01-20T10:00:00+08:00")).raw(), java.time.Instant.now());
        MailboxFetch.Result third = fetch(server.pop3(), MailAccount.Protocol.POP3, plain());
        assertThat(third.fetched()).singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("新的提问"));
        // The same messages over IMAP: already in the store (by Message-ID and content), not stored twice.
        MailboxFetch.Result imap = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP, plain());
        assertThat(imap.fetched()).hasSize(messages.size() + 1).allMatch(MailboxFetch.Fetched::duplicate);
        assertThat(stored()).hasSize(messages.size() + 1);
    }

    @Test
    void markSeenAndMoveToActOnlyOnStoredMessages() throws Exception {
        fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, true, null));
        assertThat(server.folder("INBOX").getMessages()).allMatch(m -> flags(m).contains(Flags.Flag.SEEN));
        MailboxFetch.Result moved = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, "已处理"));
        assertThat(moved.moved()).isEqualTo(messages.size());
        assertThat(server.folder("INBOX").getMessages()).isEmpty();
        assertThat(server.folder("已处理").getMessages()).hasSize(messages.size());
        assertThat(stored()).hasSize(messages.size());
    }

    @Test
    void aMessageKeptAsHeadersOnlyIsNeitherMarkedNorMoved() throws Exception {
        MailboxFetch.Result r = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, true, null, 20_000));
        java.util.Set<String> big = new java.util.HashSet<>();
        r.fetched().stream().filter(f -> f.omittedBytes() > 0).forEach(f -> big.add(f.subject()));
        assertThat(big).isNotEmpty();
        assertThat(r.marked()).isEqualTo(messages.size() - big.size());
        assertThat(r.leftHeadersOnly()).isEqualTo(big.size());
        for (StoredMessage m : server.folder("INBOX").getMessages()) {
            assertThat(flags(m).contains(Flags.Flag.SEEN)).as(m.getMimeMessage().getSubject())
                    .isEqualTo(!big.contains(m.getMimeMessage().getSubject()));
        }
        // A later run moving what the store holds: the headers-only ones stay where they are.
        MailboxFetch.Result moved = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, "已处理", 20_000));
        assertThat(moved.moved()).isEqualTo(messages.size() - big.size());
        assertThat(moved.leftHeadersOnly()).isEqualTo(big.size());
        assertThat(server.folder("INBOX").getMessages()).extracting(m -> m.getMimeMessage().getSubject())
                .containsExactlyInAnyOrderElementsOf(big);
    }

    @Test
    void moveToWithoutMoveNeedsUidplusAndIsRefusedBeforeAnythingIsCopied() throws Exception {
        try (TcpProxy old = TcpProxy.imapWithout(server.imapPort(), java.util.Set.of("MOVE", "UIDPLUS"))) {
            String url = "imap://" + TestMailServer.USER + "@127.0.0.1:" + old.port() + "/INBOX";
            assertThatThrownBy(() -> fetch(url, MailAccount.Protocol.IMAP,
                    new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, "已处理")))
                    .isInstanceOf(MailException.class).hasMessageContaining("不支持 MOVE 和 UIDPLUS").hasMessageContaining("--move-to")
                    .hasMessageContaining("127.0.0.1:" + old.port());
            assertThat(server.folder("INBOX").getMessages()).hasSize(messages.size())
                    .noneMatch(m -> flags(m).contains(Flags.Flag.DELETED));
            assertThat(server.folder("已处理").getMessages()).isEmpty();
        }
        // With UIDPLUS (no MOVE): copied, and only our messages expunged.
        try (TcpProxy noMove = TcpProxy.imapWithout(server.imapPort(), java.util.Set.of("MOVE"))) {
            String url = "imap://" + TestMailServer.USER + "@127.0.0.1:" + noMove.port() + "/INBOX";
            MailboxFetch.Result r = fetch(url, MailAccount.Protocol.IMAP,
                    new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, "已处理"));
            assertThat(r.moved()).isEqualTo(messages.size());
            assertThat(server.folder("INBOX").getMessages()).isEmpty();
            assertThat(server.folder("已处理").getMessages()).hasSize(messages.size());
        }
    }

    @Test
    void sinceLimitsTheSearchToMessagesReceivedFromThatDay() throws Exception {
        MailboxFetch.Result r = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), LocalDate.of(2025, 1, 20), false, null));
        assertThat(r.fetched()).extracting(MailboxFetch.Fetched::subject)
                .containsExactlyInAnyOrder("回复：请填报2024年政府信息公开工作年度报告统计表", "聊城市应急管理局报表", "尖山区应急管理局2024年报表");
    }

    @Test
    void aMessageOverTheSizeLimitKeepsItsHeadersAndSaysWhy() throws Exception {
        MailboxFetch.Result r = fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options(TestMailServer.PASSWORD.toCharArray(), security(), null, false, null, 20_000));
        assertThat(r.fetched()).filteredOn(f -> f.omittedBytes() > 0).isNotEmpty()
                .allSatisfy(f -> assertThat(Files.size(f.file())).isLessThan(20_000));
        List<Inbox.Item> items = Inbox.open(null, dir.resolve("store"), dir.resolve("a"));
        assertThat(items).filteredOn(i -> i.reason().startsWith("邮件太大")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.kind()).isEqualTo(Inbox.Kind.PROBLEM));
    }

    @Test
    void aWrongPasswordIsAClearMessageWithoutThePassword() throws Exception {
        assertThatThrownBy(() -> fetch(server.imap("INBOX"), MailAccount.Protocol.IMAP,
                new MailboxFetch.Options("wrong-Pw-123".toCharArray(), security(), null, false, null)))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("IMAP 服务器 127.0.0.1:" + server.imapPort() + " 拒绝了用户名“gkb@example.cn”或密码")
                .hasMessageNotContaining("wrong-Pw-123");
    }
}
