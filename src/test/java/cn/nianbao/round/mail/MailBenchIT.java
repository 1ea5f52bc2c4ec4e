package cn.nianbao.round.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.cli.Main;
import cn.nianbao.round.RoundMessages;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measured mail run (Failsafe, in `mvn verify`, after packaging; not a unit test): N agencies
 * each reply with their workbook to a real IMAP server on loopback, and the production jar, run as
 * a user runs it (its own JVM, -Xmx512m, the password in NIANBAO_MAIL_PASSWORD), fetches and
 * collects them. Then a re-run that fetches nothing, and the mailbox grown to 5 N messages, of which
 * only the 4 N new ones are fetched. It prints its timings (MAIL-BENCH lines) and asserts only what
 * was fetched and collected: a time limit on a shared machine is a benchmark's figure to quote, not
 * a test. In `mvn verify` N is 200; the README's figures are for
 * {@code mvn verify -Dit.test=MailBenchIT -Dmail.bench.agencies=1000}.
 */
class MailBenchIT {
    private static final Path JAR = Path.of(System.getProperty("nianbao.target",
            TestSupport.repo().resolve("target").toString())).resolve("nianbao.jar");
    static final int AGENCIES = Integer.getInteger("mail.bench.agencies", 200);

    @TempDir
    Path dir;

    record Run(int code, String out, String err, double seconds) {
    }

    private Run jar(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out).redirectError(err);
        pb.environment().put("NIANBAO_MAIL_PASSWORD", TestMailServer.PASSWORD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        double s = (System.nanoTime() - t0) / 1e9;
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), s);
    }

    @Test
    void repliesFetchedAndCollectedFromALoopbackServerThenOnlyTheNewOnes() throws Exception {
        Path roster = dir.resolve("名册.csv");
        StringBuilder csv = new StringBuilder("单位名称,统一社会信用代码,联系邮箱\n");
        for (int i = 1; i <= AGENCIES; i++) {
            csv.append(String.format("测试市第%04d局,,a%04d@example.cn%n", i, i));
        }
        Files.writeString(roster, csv, StandardCharsets.UTF_8);
        Path issued = dir.resolve("发出");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(Main.run(new String[] {"issue", "--roster", roster.toString(), "--year", "2024", "-o", issued.toString()},
                new PrintWriter(o), new PrintWriter(e))).as(o + " " + e).isZero();

        try (TestMailServer server = new TestMailServer()) {
            ZonedDateTime t = ZonedDateTime.parse("2025-01-10T09:00:00+08:00");
            for (int i = 1; i <= AGENCIES; i++) {
                Path wb = issued.resolve(String.format("测试市第%04d局-2024.xlsx", i));
                RoundMessages.Message m = RoundMessages.workbook(String.format("测试市第%04d局报表", i),
                        String.format("a%04d@example.cn", i), t.plusMinutes(i), wb);
                server.deliver("INBOX", m.raw(), m.date());
            }
            String[] collect = {"collect", "--roster", roster.toString(), "--year", "2024", "--imap", server.imap("INBOX"),
                "-o", dir.resolve("2024-收集情况.xlsx").toString(), "--quiet"};
            Run first = jar(collect);
            assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1); // blank templates: V7 errors
            assertThat(first.out()).contains("本次新取 " + AGENCIES + " 封").contains("收件 " + AGENCIES + " 份");
            assertThat(first.out()).contains("名册 " + AGENCIES + " 个单位");
            System.out.printf("MAIL-BENCH fetch+collect %d messages over IMAP: %.1f s%n", AGENCIES, first.seconds());

            Run again = jar(collect);
            assertThat(again.out()).contains("以前已取 " + AGENCIES + " 封，本次新取 0 封");
            System.out.printf("MAIL-BENCH re-run (nothing new, %d in the store): %.1f s%n", AGENCIES, again.seconds());

            for (int i = 1; i <= 4 * AGENCIES; i++) {
                RoundMessages.Message q = RoundMessages.question("提问" + i, "someone" + i + "@other.example", t.plusSeconds(i));
                server.deliver("INBOX", q.raw(), q.date());
            }
            Run big = jar(collect);
            assertThat(big.out()).contains("邮箱 " + server.imap("INBOX") + "：" + 5 * AGENCIES + " 封，以前已取 " + AGENCIES
                    + " 封，本次新取 " + 4 * AGENCIES + " 封");
            System.out.printf("MAIL-BENCH mailbox of %d, %d new: %.1f s%n", 5 * AGENCIES, 4 * AGENCIES, big.seconds());
        }
    }
}
