package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.read.WorkbookReader;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyRosterAgencyGetsATemplateAndADraft() throws Exception {
        Path roster = Files.writeString(dir.resolve("名册.csv"), """
                单位名称,统一社会信用代码,联系邮箱,别名
                衢州市应急管理局,11330800002618736G,yjj@example.cn,
                某市应急管理局,,,某市安全生产监督管理局
                ,,,
                无名氏,BAD,x@example.cn,
                """, StandardCharsets.UTF_8);
        Path prev = Files.createDirectories(dir.resolve("2023"));
        Map<String, BigDecimal> q = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        q.put("t3.received.natural", BigDecimal.valueOf(4));
        q.put("t3.carry_forward.natural", BigDecimal.valueOf(4));
        TestSupport.filled(TestSupport.request("2021", 2023, "衢州市应急局", "11330800002618736G"), q, prev.resolve("q.xlsx"));
        Map<String, BigDecimal> m = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        m.put("t3.received.legal", BigDecimal.valueOf(2));
        m.put("t3.carry_forward.legal", BigDecimal.valueOf(2));
        TestSupport.filled(TestSupport.request("2021", 2023, "某市安全生产监督管理局", ""), m, prev.resolve("m.xlsx"));

        Path out = dir.resolve("发出");
        CliTest.Run r = CliTest.run("issue", "--roster", roster.toString(), "--year", "2024", "--previous", prev.toString(),
                "-o", out.toString(), "--deadline", "2025-01-20", "--quiet");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("名册问题（已跳过）：第5行（无名氏）").contains("已为 2 个单位生成模板和邮件草稿")
                .contains("上年结转已预填 2 个").contains("某市应急管理局：名册中没有联系邮箱");

        Filing f = new WorkbookReader(TestSupport.FORMATS).read(out.resolve("衢州市应急管理局-2024.xlsx")).filing();
        assertThat(f.agency()).isEqualTo("衢州市应急管理局");
        assertThat(f.identity().code()).isEqualTo("11330800002618736G");
        assertThat(f.value("t3.carried_over.natural").plain()).isEqualTo("4");
        assertThat(f.identity().prefillSource()).contains("衢州市应急局 2023年报表");
        Filing g = new WorkbookReader(TestSupport.FORMATS).read(out.resolve("某市应急管理局-2024.xlsx")).filing();
        assertThat(g.value("t3.carried_over.legal").plain()).as("matched by alias").isEqualTo("2");

        MimeMessage mail;
        try (InputStream in = Files.newInputStream(out.resolve("衢州市应急管理局-2024.eml"))) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("yjj@example.cn");
        assertThat(mail.getSubject()).contains("请填报2024年政府信息公开工作年度报告统计表").contains("2025年1月20日");
        assertThat(mail.getHeader("X-Unsent")[0]).isEqualTo("1");
        Multipart parts = (Multipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("衢州市应急管理局：").contains("已按贵单位2023年报表预填并锁定");
        Part att = parts.getBodyPart(1);
        assertThat(MimeUtility.decodeText(att.getFileName())).isEqualTo("衢州市应急管理局-2024.xlsx");
        try (InputStream in = att.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(out.resolve("衢州市应急管理局-2024.xlsx")));
        }
        try (InputStream in = Files.newInputStream(out.resolve("某市应急管理局-2024.eml"))) {
            assertThat(new MimeMessage(Session.getInstance(new Properties()), in).getRecipients(Message.RecipientType.TO)).isNull();
        }
    }

    @Test
    void aRosterCellWithSeveralAddressesAddressesEveryOne() throws Exception {
        Path roster = Files.writeString(dir.resolve("名册.csv"), "单位名称,联系邮箱\n民政局,mzj@example.cn; bgs@example.cn\n",
                StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("issue", "--roster", roster.toString(), "--year", "2024", "-o", dir.resolve("发出").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        try (InputStream in = Files.newInputStream(dir.resolve("发出/民政局-2024.eml"))) {
            MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(msg.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("mzj@example.cn", "bgs@example.cn");
        }
    }

    /**
     * A mistyped address in the roster ("b@x.cn(办公室") is a roster problem naming the row; the
     * agency still gets its template and a draft with the addresses that are good (or none).
     */
    @Test
    void aMistypedAddressIsARosterProblemNotACrash() throws Exception {
        Path roster = Files.writeString(dir.resolve("名册.csv"),
                "单位名称,联系邮箱\n民政局,mzj@example.cn；b@x.cn(办公室\n财政局,czj@@example\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("issue", "--roster", roster.toString(), "--year", "2024", "-o", dir.resolve("发出").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("第2行（民政局）：联系邮箱中 b@x.cn(办公室 不是有效的邮箱地址，已忽略")
                .contains("第3行（财政局）：联系邮箱中 czj@@example 不是有效的邮箱地址，已忽略（这个单位没有可用的邮箱地址）")
                .doesNotContain("已跳过");
        assertThat(dir.resolve("发出/民政局-2024.xlsx")).exists();
        assertThat(dir.resolve("发出/财政局-2024.xlsx")).exists();
        try (InputStream in = Files.newInputStream(dir.resolve("发出/民政局-2024.eml"))) {
            MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(msg.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("mzj@example.cn");
        }
        try (InputStream in = Files.newInputStream(dir.resolve("发出/财政局-2024.eml"))) {
            MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(msg.getRecipients(Message.RecipientType.TO)).isNull();
        }
    }
}
