package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.round.RoundMessages;
import cn.nianbao.round.mail.MailAccount;
import cn.nianbao.round.mail.MailSecurity;
import cn.nianbao.round.mail.TcpProxy;
import cn.nianbao.round.mail.TestMailServer;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail servers that fail: unreachable, the password refused, no answer, the connection dropped in
 * the middle of a fetch, a certificate nobody vouches for, no STARTTLS. Each is a Chinese message
 * naming the server, exit 2, nothing half-written, and the next run resumes.
 */
class MailFaultsTest {
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
    void stop() throws Exception {
        server.close();
        MailOptions.environment = System::getenv;
        SendMailTest.assertNoPassword(dir);
    }

    Path out() {
        return dir.resolve("2024-收集情况.xlsx");
    }

    Path store() {
        return dir.resolve("2024-收集情况-邮件");
    }

    CliTest.Run collect(String... more) {
        CliTest.Run r = CollectMailTest.collect(out(), more);
        assertThat(r.out() + r.err()).doesNotContain(TestMailServer.PASSWORD).doesNotContain("Exception");
        return r;
    }

    /** Nothing half-written: no temporary file anywhere, no outputs of a run that stopped. */
    void nothingHalfWritten() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(out()).doesNotExist();
    }

    @Test
    void anUnreachableServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliTest.Run r = collect("--imap", "imap://gkb@example.cn@127.0.0.1:" + port + "/INBOX");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("错误：无法连接 IMAP 服务器 127.0.0.1:" + port + "（连接被拒绝）");
        nothingHalfWritten();
    }

    @Test
    void aWrongPassword() throws Exception {
        MailOptions.environment = name -> "wrong-password-42";
        CliTest.Run r = collect("--imap", server.imap("INBOX"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("IMAP 服务器 127.0.0.1:" + server.imapPort() + " 拒绝了用户名“gkb@example.cn”或密码")
                .doesNotContain("wrong-password-42");
        nothingHalfWritten();
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        try (TcpProxy silent = TcpProxy.silent()) {
            long t0 = System.nanoTime();
            CliTest.Run r = collect("--imap", "imap://gkb@example.cn@127.0.0.1:" + silent.port() + "/INBOX", "--timeout", "2");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("IMAP 服务器 127.0.0.1:" + silent.port() + " 在 2 秒内没有响应（超时）");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
            CliTest.Run s = CliTest.run("send", dir.toString(), "--smtp", "smtp://gkb@example.cn@127.0.0.1:" + silent.port(),
                    "--timeout", "2");
            assertThat(s.code()).as(s.out() + s.err()).isEqualTo(1); // no drafts there: nothing to send, no connection
        }
        nothingHalfWritten();
    }

    @Test
    void aConnectionDroppedInTheMiddleOfAFetchKeepsWhatCameAndTheNextRunGoesOn() throws Exception {
        try (TcpProxy cut = TcpProxy.cutting(server.imapPort(), 60_000)) {
            CliTest.Run r = collect("--imap", "imap://gkb@example.cn@127.0.0.1:" + cut.port() + "/INBOX", "--timeout", "5");
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("与 IMAP 服务器 127.0.0.1:" + cut.port() + " 的连接中断")
                    .contains("已完整保存在 " + store()).contains("下次运行从中断处继续");
        }
        nothingHalfWritten();
        long kept;
        try (Stream<Path> s = Files.list(store())) {
            kept = s.filter(p -> p.toString().endsWith(".eml")).count();
        }
        assertThat(kept).isBetween(1L, (long) messages.size() - 1);
        CliTest.Run next = collect("--imap", server.imap("INBOX"));
        assertThat(next.code()).as(next.out() + next.err()).isEqualTo(1);
        assertThat(next.out()).contains("本次新取 " + (messages.size() - kept) + " 封");
        try (Stream<Path> s = Files.list(store())) {
            assertThat(s.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(messages.size());
        }
        assertThat(out()).exists();
    }

    @Test
    void tlsWithTheServersOwnCertificateOnlyThroughTrustCert() throws Exception {
        CliTest.Run untrusted = collect("--imap", server.imaps("INBOX"));
        assertThat(untrusted.code()).isEqualTo(2);
        assertThat(untrusted.err()).contains("IMAP 服务器 localhost:" + server.greenMail().getImaps().getPort() + " 的证书无法验证")
                .contains("--trust-cert");
        nothingHalfWritten();
        CliTest.Run trusted = collect("--imap", server.imaps("INBOX"), "--trust-cert", TestMailServer.certificate().toString());
        assertThat(trusted.code()).as(trusted.out() + trusted.err()).isEqualTo(1);
        assertThat(trusted.out()).contains("本次新取 " + messages.size() + " 封");
        CliTest.Run pop3s = CollectMailTest.collect(dir.resolve("pop3s/x.xlsx"), "--pop3", server.pop3s(), "--trust-cert",
                TestMailServer.certificate().toString());
        assertThat(pop3s.code()).as(pop3s.out() + pop3s.err()).isEqualTo(1);
        // The certificate is issued to localhost: under another name it is refused even when trusted.
        Path cert = TestMailServer.certificate();
        String wrongName = server.imaps("INBOX").replace("@localhost:", "@127.0.0.1:");
        CliTest.Run other = CollectMailTest.collect(dir.resolve("other/x.xlsx"), "--imap", wrongName, "--trust-cert", cert.toString(),
                "--timeout", "5");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("IMAP 服务器 127.0.0.1:" + server.greenMail().getImaps().getPort() + " 的证书");
    }

    @Test
    void plainProtocolsToAnotherMachineRequireStartTls() throws Exception {
        MailSecurity strict = new MailSecurity(false, null, 5);
        MailAccount remote = MailAccount.parse("imap://gkb@mail.example.cn/INBOX", MailAccount.Protocol.IMAP, "--imap");
        assertThat(strict.startTlsRequired(remote)).isTrue();
        assertThat(new MailSecurity(true, null, 5).startTlsRequired(remote)).isFalse();
        assertThat(strict.startTlsRequired(MailAccount.parse(server.imap("INBOX"), MailAccount.Protocol.IMAP, "--imap"))).isFalse();
        assertThat(strict.startTlsRequired(MailAccount.parse("imaps://gkb@mail.example.cn", MailAccount.Protocol.IMAP, "--imap")))
                .isFalse();
        // Those properties against a real server without STARTTLS: the connection is refused before the password is sent.
        var store = Session.getInstance(strict.properties(remote)).getStore("imap");
        try {
            store.connect("127.0.0.1", server.imapPort(), TestMailServer.USER, TestMailServer.PASSWORD);
            throw new AssertionError("connected in plain text");
        } catch (jakarta.mail.MessagingException e) {
            assertThat(e.getMessage()).contains("STARTTLS");
        }
    }

    @Test
    void aMalformedAddressNeverRepeatsThePasswordWrittenIntoIt() throws Exception {
        String pw = "Pw-Zq81x";
        List<String[]> bad = List.of(
                new String[] {"--imap", "imap4s://gkb:" + pw + "@mail.example.cn/INBOX"},
                new String[] {"--imap", "imaps//gkb:" + pw + "@mail.example.cn/INBOX"},
                new String[] {"--imap", "imaps://gkb:" + pw + "/INBOX"},
                new String[] {"--imap", "imaps://gkb:" + pw},
                new String[] {"--pop3", "pop://gkb@example.cn:" + pw + "@mail.example.cn"},
                new String[] {"--smtp", "smtp://gkb:pa/" + pw + "@mail.example.cn"},
                new String[] {"--smtp", "smtp://gkb:" + pw + "/x@mail.example.cn"},
                new String[] {"--smtp", "smtps:/gkb:" + pw + "@mail.example.cn"});
        for (String[] b : bad) {
            CliTest.Run r = b[0].equals("--smtp") ? CliTest.run("send", dir.toString(), b[0], b[1], "--from", "gkb@example.cn")
                    : CliTest.run("collect", "--roster", TestSupport.fixtures().resolve("round/名册.csv").toString(), "--year", "2024",
                    b[0], b[1], "-o", out().toString());
            assertThat(r.code()).as(b[1]).isEqualTo(2);
            assertThat(r.err()).as(b[1]).contains(b[0]).doesNotContain(pw).doesNotContain("pa/");
            MailAccount.Protocol p = b[0].equals("--imap") ? MailAccount.Protocol.IMAP : b[0].equals("--pop3")
                    ? MailAccount.Protocol.POP3 : MailAccount.Protocol.SMTP;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailAccount.parse(b[1], p, b[0])).as(b[1])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(pw);
        }
        // A password whose "/" ends the server part early is still a password.
        assertThat(CliTest.run("send", dir.toString(), "--smtp", "smtp://gkb:pa/" + pw + "@mail.example.cn").err())
                .contains("密码不能写在命令行上");
        nothingHalfWritten();
    }
}
