package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.round.CollectionWorkbook;
import cn.nianbao.round.RoundMessages;
import cn.nianbao.round.mail.MailStore;
import cn.nianbao.round.mail.TestMailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collect --imap / --pop3 against a real mail server on loopback, compared with the same messages as files. */
class CollectMailTest {
    @TempDir
    Path dir;

    TestMailServer server;
    List<RoundMessages.Message> messages;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer();
        MailOptions.environment = name -> name.equals(MailOptions.PASSWORD_VARIABLE) ? TestMailServer.PASSWORD : null;
        messages = RoundMessages.all();
        for (RoundMessages.Message m : messages) {
            server.deliver("INBOX", m.raw(), m.date());
        }
    }

    @AfterEach
    void stop() {
        server.close();
        MailOptions.environment = System::getenv;
    }

    static String roster() {
        return TestSupport.fixtures().resolve("round/名册.csv").toString();
    }

    static CliTest.Run collect(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("collect", "--roster", roster(), "--year", "2024", "-o", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(new String[0]));
    }

    /** Per roster agency: name, status, late, matched by, errors, warnings. */
    static List<String> statuses(Path workbook) throws Exception {
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            List<List<String>> rows = CollectCommandTest.rows(wb.getSheet(CollectionWorkbook.STATUS));
            List<String> out = new ArrayList<>();
            int header = rows.indexOf(CollectionWorkbook.STATUS_HEADER);
            for (List<String> r : rows.subList(header + 1, rows.size())) {
                out.add(String.join("|", r.get(1), r.get(5), r.get(7), r.get(9), r.get(10), r.get(11), r.get(12), r.get(13)));
            }
            return out;
        }
    }

    /** Per inbox item: where inside its message, sender, subject, what became of it, whose, how, on time, file status, counts. */
    static List<String> items(Path workbook) throws Exception {
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            List<List<String>> rows = CollectCommandTest.rows(wb.getSheet(CollectionWorkbook.ITEMS));
            List<String> out = new ArrayList<>();
            for (List<String> r : rows.subList(1, rows.size())) {
                out.add(String.join("|", r.get(1), r.get(2), r.get(3), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9), r.get(10),
                        r.get(11)));
            }
            out.sort(null);
            return out;
        }
    }

    static List<String> times(Path workbook) throws Exception {
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            List<List<String>> rows = CollectCommandTest.rows(wb.getSheet(CollectionWorkbook.ITEMS));
            return rows.subList(1, rows.size()).stream().map(r -> r.get(4)).toList();
        }
    }

    static long stored(Path store) throws Exception {
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(p -> p.toString().endsWith(".eml")).count();
        }
    }

    @Test
    void overImapAndPop3TheMessagesGiveExactlyTheStatusesTheyGiveAsFiles() throws Exception {
        Path inbox = dir.resolve("收件");
        RoundMessages.write(messages, inbox);
        Path files = dir.resolve("文件/2024-收集情况.xlsx");
        CliTest.Run f = collect(files, "--inbox", inbox.toString());
        assertThat(f.code()).as(f.out() + f.err()).isEqualTo(1);
        assertThat(f.out()).contains("名册 5 个单位 —— 通过 3，有警告 0，有错误 1，无法读取 0，未提交 1；逾期 1");

        Path imap = dir.resolve("imap/2024-收集情况.xlsx");
        CliTest.Run i = collect(imap, "--imap", server.imap("INBOX"));
        assertThat(i.code()).as(i.out() + i.err()).isEqualTo(1);
        assertThat(statuses(imap)).isEqualTo(statuses(files));
        assertThat(items(imap)).isEqualTo(items(files));
        assertThat(times(imap)).allMatch(t -> t.endsWith("（服务器收到时间）"));
        // Every message fetched is listed, with its subject.
        assertThat(i.out().lines().filter(l -> l.startsWith("  新邮件：")).count()).isEqualTo(messages.size());
        assertThat(i.out()).contains("主题：请问表三怎么填").contains("本次新取 " + messages.size() + " 封");
        assertThat(stored(dir.resolve("imap/2024-收集情况-邮件"))).isEqualTo(messages.size());

        Path pop3 = dir.resolve("pop3/2024-收集情况.xlsx");
        CliTest.Run p = collect(pop3, "--pop3", server.pop3());
        assertThat(p.code()).as(p.out() + p.err()).isEqualTo(1);
        assertThat(statuses(pop3)).isEqualTo(statuses(files));
        assertThat(items(pop3)).isEqualTo(items(files));
    }

    @Test
    void aRerunFetchesNothingANewMessageAloneAndWithoutTheNetworkEveryMessageIsStillThere() throws Exception {
        Path out = dir.resolve("2024-收集情况.xlsx");
        Path store = dir.resolve("2024-收集情况-邮件");
        CliTest.Run first = collect(out, "--imap", server.imap("INBOX"));
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
        List<String> before = statuses(out);
        CliTest.Run again = collect(out, "--imap", server.imap("INBOX"));
        assertThat(again.out()).contains("以前已取 " + messages.size() + " 封，本次新取 0 封").doesNotContain("新邮件：");
        assertThat(statuses(out)).isEqualTo(before);
        assertThat(stored(store)).isEqualTo(messages.size());

        // 应急管理部 sends its report after all: only that message is fetched.
        Path report = TestSupport.filled(TestSupport.request("2021", 2024, "应急管理部", null),
                TestSupport.zeros(TestSupport.FORMATS.get("2021")), dir.resolve("应急管理部-2024.xlsx"));
        RoundMessages.Message late = RoundMessages.workbook("应急管理部报表", "yjglb@example.cn",
                ZonedDateTime.parse("2025-01-30T16:00:00+08:00"), report);
        server.deliver("INBOX", late.raw(), late.date());
        CliTest.Run third = collect(out, "--imap", server.imap("INBOX"));
        assertThat(third.out().lines().filter(l -> l.startsWith("  新邮件：")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("应急管理部报表"));
        assertThat(statuses(out)).filteredOn(s -> s.startsWith("应急管理部|")).singleElement()
                .satisfies(s -> assertThat(s).startsWith("应急管理部|已提交-通过|按时"));

        // The store is read on every run: no output may go into it (drafts there would be read as mail).
        CliTest.Run intoStore = collect(out, "--returns", store.toString());
        assertThat(intoStore.code()).as(intoStore.out() + intoStore.err()).isEqualTo(2);
        assertThat(intoStore.err()).contains(store.toString()).contains("输入");
        assertThat(stored(store)).isEqualTo(messages.size() + 1);

        // The server gone: the store still has every message.
        server.close();
        CliTest.Run offline = collect(out);
        assertThat(offline.code()).as(offline.out() + offline.err()).isEqualTo(1);
        assertThat(statuses(out)).filteredOn(s -> s.startsWith("应急管理部|")).singleElement()
                .satisfies(s -> assertThat(s).startsWith("应急管理部|已提交-通过"));
        assertThat(stored(store)).isEqualTo(messages.size() + 1);
    }

    @Test
    void aChangedUidValidityOrAStoreCopiedElsewhereFetchesAgainButNeverStoresTwice() throws Exception {
        for (RoundMessages.Message m : messages) {
            server.deliver("报送", m.raw(), m.date());
        }
        Path out = dir.resolve("2024-收集情况.xlsx");
        Path store = dir.resolve("2024-收集情况-邮件");
        assertThat(collect(out, "--imap", server.imap("报送")).out()).contains("本次新取 " + messages.size() + " 封");
        server.recreate("报送");
        for (RoundMessages.Message m : messages) {
            server.deliver("报送", m.raw(), m.date());
        }
        CliTest.Run again = collect(out, "--imap", server.imap("报送"));
        assertThat(again.out()).contains("以前已取 0 封，本次新取 0 封，另有 " + messages.size() + " 封与邮件库中已有的相同（未重复保存）");
        assertThat(stored(store)).isEqualTo(messages.size());
        // Known now under the new UIDVALIDITY: nothing is downloaded again.
        assertThat(collect(out, "--imap", server.imap("报送")).out()).contains("以前已取 " + messages.size() + " 封，本次新取 0 封");

        // The outputs copied to another machine, its state file lost, the server named another way.
        Path other = dir.resolve("另一台/2024-收集情况.xlsx");
        TestSupport.copyTree(store, other.resolveSibling("2024-收集情况-邮件"));
        Files.delete(other.resolveSibling("2024-收集情况-邮件").resolve(MailStore.STATE));
        CliTest.Run copied = collect(other, "--imap", server.imap("报送").replace("127.0.0.1", "localhost"));
        assertThat(copied.out()).contains("本次新取 0 封，另有 " + messages.size() + " 封与邮件库中已有的相同");
        assertThat(stored(other.resolveSibling("2024-收集情况-邮件"))).isEqualTo(messages.size());
    }

    @Test
    void mailOptionsAreCheckedBeforeAnythingHappens() {
        Path out = dir.resolve("x.xlsx");
        assertThat(collect(out).err()).contains("没有收件来源");
        CliTest.Run pw = collect(out, "--imap", "imaps://gkb:secret123@mail.example.cn/INBOX");
        assertThat(pw.code()).isEqualTo(2);
        assertThat(pw.err()).contains("密码不能写在命令行上").doesNotContain("secret123");
        assertThat(collect(out, "--pop3", server.pop3(), "--mark-seen").err()).contains("--mark-seen 只用于 --imap");
        assertThat(collect(out, "--imap", "ftp://gkb@mail.example.cn").err()).contains("--imap 只能用 imaps://");
        assertThat(collect(out, "--imap", server.imap("INBOX"), "--since", "2025/01/01").err()).contains("日期格式应为 YYYY-MM-DD");
        MailOptions.environment = name -> null;
        CliTest.Run none = collect(out, "--imap", server.imap("INBOX"));
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("没有邮箱密码：请设置环境变量 NIANBAO_MAIL_PASSWORD");
    }
}
