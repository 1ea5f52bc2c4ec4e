package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.round.CollectionWorkbook;
import cn.nianbao.round.RoundTotal;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collect command end to end on the demo round plus broken and foreign inbox files. */
class CollectCommandTest {
    @TempDir
    Path dir;

    private Path inbox() throws Exception {
        Path inbox = dir.resolve("收件");
        TestSupport.copyTree(TestSupport.fixtures().resolve("round/收件"), inbox);
        cn.nianbao.round.RoundFixtures.setTimes(inbox);
        // The hostile corpus too: every file must come out with a status.
        TestSupport.copyTree(TestSupport.fixtures().resolve("broken"), inbox.resolve("broken"));
        return inbox;
    }

    static List<List<String>> rows(Sheet s) {
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row r : s) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.getLastCellNum(); c++) {
                cells.add(r.getCell(c) == null ? "" : f.formatCellValue(r.getCell(c)));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void aWholeRoundFromTheInbox() throws Exception {
        Path inbox = inbox();
        Path out = dir.resolve("结果/2024-收集情况.xlsx");
        Path returns = dir.resolve("结果/退回");
        CliTest.Run r = CliTest.run("collect", "--roster", TestSupport.fixtures().resolve("round/名册.csv").toString(),
                "--year", "2024", "--inbox", inbox.toString(), "--previous", TestSupport.fixtures().resolve("seeds").toString(),
                "-o", out.toString(), "--returns", returns.toString(), "--resubmit-days", "10", "--quiet");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("Exception");
        long inboxFiles;
        try (var s = Files.walk(inbox)) {
            inboxFiles = s.filter(Files::isRegularFile).count();
        }
        assertThat(r.out()).contains("名册 5 个单位 —— 通过 3，有警告 0，有错误 1，无法读取 0，未提交 1；逾期 1");
        // Accounting: found = read + unreadable + unmatched + skipped, and nothing in the inbox is missing from it.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("收件 (\\d+) 份 = 读取 (\\d+) \\+ 无法读取 (\\d+) \\+ 无法识别 (\\d+) \\+ 跳过 (\\d+)")
                .matcher(r.out());
        assertThat(m.find()).isTrue();
        int[] n = new int[6];
        for (int i = 1; i <= 5; i++) {
            n[i] = Integer.parseInt(m.group(i));
        }
        assertThat(n[1]).isEqualTo(n[2] + n[3] + n[4] + n[5]);
        assertThat(n[2]).isEqualTo(5);
        assertThat(n[3]).as("empty, truncated, doc, pdf, encrypted, xxe").isEqualTo(6);
        assertThat(n[4]).as("the readable broken ones: templates for 某局, not on the roster").isEqualTo(5);

        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo(CollectionWorkbook.STATUS);
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("收集情况", "汇总", "问题清单", "跨年核对", "收件明细", "无法识别", "被替代");
            assertThat(((XSSFSheet) wb.getSheetAt(0)).getDrawingPatriarch().getCharts()).hasSize(1);
            List<List<String>> status = rows(wb.getSheet(CollectionWorkbook.STATUS));
            List<List<String>> table = status.subList(status.size() - 6, status.size());
            assertThat(table.get(0)).isEqualTo(CollectionWorkbook.STATUS_HEADER);
            assertThat(table).extracting(x -> x.get(1) + "=" + x.get(5)).containsExactly("单位名称=状态",
                    "衢州市应急管理局=已提交-通过", "焦作市应急管理局=已提交-通过", "聊城市应急管理局=已提交-有错误",
                    "尖山区应急管理局=已提交-通过", "应急管理部=未提交");
            // Every inbox file is in 收件明细 (a container once per thing inside it).
            List<List<String>> items = rows(wb.getSheet(CollectionWorkbook.ITEMS));
            for (Path f : Files.walk(inbox).filter(Files::isRegularFile).toList()) {
                assertThat(items).as(f.toString()).anyMatch(x -> x.get(0).equals(f.toString()));
            }
            assertThat(items.size() - 1).isGreaterThanOrEqualTo((int) inboxFiles);
            assertThat(items).filteredOn(x -> x.get(0).endsWith("tampered.xlsx")).singleElement()
                    .satisfies(x -> assertThat(x.get(5)).isEqualTo("无法识别"));
            assertThat(items).filteredOn(x -> x.get(0).endsWith("encrypted.xlsx")).singleElement()
                    .satisfies(x -> assertThat(x.get(12)).contains("密码"));
            // The reader's reasons reach users without Java class names ("IOException：…"), their detail kept.
            assertThat(items).filteredOn(x -> x.get(0).endsWith("truncated.xlsx")).singleElement()
                    .satisfies(x -> assertThat(x.get(12)).isEqualTo("不是可以读取的Excel工作簿（.xlsx/.xls），或文件已损坏："
                            + "找不到压缩包的目录（文件不完整或已损坏）"));
            for (Sheet sh : wb) {
                for (List<String> row : rows(sh)) {
                    assertThat(String.join("|", row)).as(sh.getSheetName()).doesNotContain("Exception");
                }
            }
            assertThat(rows(wb.getSheet(CollectionWorkbook.SUPERSEDED))).hasSize(2);
            assertThat(rows(wb.getSheet(CollectionWorkbook.UNMATCHED)).size()).isGreaterThan(1);
        }
        Path total = dir.resolve("结果/2024-收集情况-汇总.xlsx");
        try (Workbook wb = WorkbookFactory.create(total.toFile(), null, true)) {
            assertThat(rows(wb.getSheet(RoundTotal.SCOPE_SHEET)).get(0).get(0)).isEqualTo("本汇总计入 3 个单位（共 5 个名册单位）");
        }
        assertThat(dir.resolve("结果/2024-收集情况-汇总.csv")).exists();

        // The drafts: one return with the annotated copy, one reminder with a fresh template.
        MimeMessage back = message(returns.resolve("聊城市应急管理局-2024-退回.eml"));
        assertThat(back.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("lcyjj@example.cn");
        assertThat(attachmentName(back)).isEqualTo("聊城市应急管理局-2024-问题标注.xlsx");
        assertThat(text(back)).contains("R1").contains("问题清单");
        MimeMessage remind = message(returns.resolve("应急管理部-2024-催报.eml"));
        assertThat(attachmentName(remind)).isEqualTo("应急管理部-2024.xlsx");
        java.time.LocalDate by = java.time.LocalDate.now(cn.nianbao.round.Collector.ZONE).plusDays(10);
        String byText = by.getYear() + "年" + by.getMonthValue() + "月" + by.getDayOfMonth() + "日";
        assertThat(text(remind)).contains("还没有收到").contains("截止日期（2025年1月31日）已过，请于" + byText + "前报送");
        assertThat(text(back)).contains("（“聊城市应急管理局2024年报表.xlsx”）").contains("请改正后于" + byText + "前").doesNotContain("»");

        // Run again: the same result, the extraction folder rebuilt.
        CliTest.Run again = CliTest.run("collect", "--roster", TestSupport.fixtures().resolve("round/名册.csv").toString(),
                "--year", "2024", "--inbox", inbox.toString(), "-o", out.toString(), "--quiet");
        assertThat(again.out()).contains("名册 5 个单位 —— 通过 3，有警告 0，有错误 1，无法读取 0，未提交 1；逾期 1");
    }

    @Test
    void outputsInsideTheInboxOrOverAForeignFolderAreRefused() throws Exception {
        Path inbox = inbox();
        String roster = TestSupport.fixtures().resolve("round/名册.csv").toString();
        CliTest.Run inside = CliTest.run("collect", "--roster", roster, "--year", "2024", "--inbox", inbox.toString(),
                "-o", inbox.resolve("情况.xlsx").toString());
        assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inside.err()).contains("在要读取的文件夹").contains(inbox.toString());
        Files.createDirectories(dir.resolve("情况-附件"));
        Files.writeString(dir.resolve("情况-附件/重要.txt"), "别删");
        // A roster with a bad row would be reported as soon as it is read: nothing is, before the refusal.
        Path badRoster = Files.writeString(dir.resolve("名册-有问题.csv"), "单位名称,联系邮箱\n,x@example.cn\n甲局,a@example.cn\n");
        CliTest.Run foreign = CliTest.run("collect", "--roster", badRoster.toString(), "--year", "2024", "--inbox", inbox.toString(),
                "-o", dir.resolve("情况.xlsx").toString());
        assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("不是本工具建立的");
        assertThat(foreign.out()).as("refused before the roster is read").doesNotContain("名册");
        assertThat(dir.resolve("情况-附件/重要.txt")).hasContent("别删");
        CliTest.Run negative = CliTest.run("collect", "--roster", roster, "--year", "2024", "--inbox", inbox.toString(),
                "-o", dir.resolve("其他.xlsx").toString(), "--resubmit-days", "-1");
        assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--resubmit-days 不能是负数");
    }

    /** A message as a mail client writes it (Angus Mail): text body, then each attachment under its Chinese name. */
    static byte[] eml(String from, String date, String subject, Object... nameAndBytes) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new jakarta.mail.internet.InternetAddress(from));
        m.setHeader("Date", date);
        m.setSubject(subject, "UTF-8");
        jakarta.mail.internet.MimeMultipart mp = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("您好，请查收。", "UTF-8");
        mp.addBodyPart(text);
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            jakarta.mail.internet.MimeBodyPart a = new jakarta.mail.internet.MimeBodyPart();
            a.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource((byte[]) nameAndBytes[i + 1], "application/octet-stream")));
            a.setFileName(jakarta.mail.internet.MimeUtility.encodeText((String) nameAndBytes[i], "UTF-8", "B"));
            a.setDisposition(Part.ATTACHMENT);
            mp.addBodyPart(a);
        }
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Date", date);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void messagesAndFilesWithoutAReportAreSkippedAndDoNotFailTheRun() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("收件"));
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, "单位名称,统一社会信用代码,联系邮箱\n甲县财政局,,czj@example.cn\n甲县教育局,,jyj@example.cn\n");
        byte[] cz = Files.readAllBytes(TestSupport.filled(TestSupport.request("2021", 2024, "甲县财政局", ""),
                TestSupport.zeros(cn.nianbao.TestSupport.FORMATS.get("2021")), dir.resolve("cz.xlsx")));
        byte[] jy = Files.readAllBytes(TestSupport.filled(TestSupport.request("2021", 2024, "甲县教育局", ""),
                TestSupport.zeros(cn.nianbao.TestSupport.FORMATS.get("2021")), dir.resolve("jy.xlsx")));
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("甲县财政局2024年政府信息公开工作年度报告");
            d.write(b);
            docx = b.toByteArray();
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        String date = "Fri, 10 Jan 2025 09:00:00 +0800";
        Files.write(inbox.resolve("1.eml"), eml("czj@example.cn", date, "报表", "财政局报表.xlsx", cz));
        // Beside the report: the Word report, a screenshot, a note, the PDF.
        Files.write(inbox.resolve("2.eml"), eml("jyj@example.cn", date, "报表", "教育局报表.xlsx", jy,
                "年度报告.docx", docx, "截图.png", png.toByteArray(), "说明.txt", "报表已审核".getBytes(StandardCharsets.UTF_8),
                "年度报告全文.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)));
        // A question without attachments from someone not on the roster, and a message with only a Word file.
        Files.write(inbox.resolve("3.eml"), eml("someone@example.com", date, "请问上年结转怎么填"));
        Files.write(inbox.resolve("4.eml"), eml("czj@example.cn", date, "年度报告", "年度报告.docx", docx));
        Path out = dir.resolve("结果/情况.xlsx");
        CliTest.Run r = CliTest.run("collect", "--roster", roster.toString(), "--year", "2024", "--inbox", inbox.toString(),
                "-o", out.toString(), "--quiet");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("收件 8 份 = 读取 2 + 无法读取 0 + 无法识别 0 + 跳过 6").doesNotContain("Exception");
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            List<String> items = rows(wb.getSheet(CollectionWorkbook.ITEMS)).stream().skip(1)
                    .map(x -> x.get(0).substring(inbox.toString().length() + 1) + " | " + x.get(1) + " | " + x.get(2) + " | "
                            + x.get(3) + " | " + x.get(5) + " | " + x.get(12))
                    .toList();
            assertThat(items).containsExactly(
                    "1.eml | 附件 财政局报表.xlsx | czj@example.cn | 报表 | 当前报送 | ",
                    "2.eml | 附件 教育局报表.xlsx | jyj@example.cn | 报表 | 当前报送 | ",
                    "2.eml | 附件 年度报告.docx | jyj@example.cn | 报表 | 跳过 | Word 文档（.docx），不是报表工作簿",
                    "2.eml | 附件 截图.png | jyj@example.cn | 报表 | 跳过 | 图片（.png），不是报表工作簿",
                    "2.eml | 附件 说明.txt | jyj@example.cn | 报表 | 跳过 | 文本文件（.txt），不是报表工作簿",
                    "2.eml | 附件 年度报告全文.pdf | jyj@example.cn | 报表 | 跳过 | PDF 文档（.pdf），不是报表工作簿",
                    "3.eml |  | someone@example.com | 请问上年结转怎么填 | 跳过 | 邮件中没有附件，没有报表（主题：请问上年结转怎么填）",
                    "4.eml | 附件 年度报告.docx | czj@example.cn | 年度报告 | 跳过 | Word 文档（.docx），不是报表工作簿");
            List<List<String>> status = rows(wb.getSheet(CollectionWorkbook.STATUS));
            assertThat(status.get(status.size() - 2).get(14)).isEqualTo("还收到 " + inbox.resolve("4.eml") + " » 附件 年度报告.docx："
                    + "Word 文档（.docx），不是报表工作簿");
            for (Sheet sh : wb) {
                for (List<String> row : rows(sh)) {
                    assertThat(String.join("|", row)).as(sh.getSheetName()).doesNotContain("Exception");
                }
            }
        }
    }

    static MimeMessage message(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    static String attachmentName(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                return p.getFileName();
            }
        }
        return null;
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    /** Names of the regular files directly in {@code d}, sorted. */
    private static List<String> names(Path d) throws java.io.IOException {
        try (java.util.stream.Stream<Path> st = Files.list(d)) {
            return st.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theReturnsFolderHoldsExactlyThisRunsDraftsAndOurOwnDraftsAndCopiesInTheInboxAreSkipped() throws Exception {
        Path roster = Files.writeString(dir.resolve("名册.csv"), "单位名称,联系邮箱\n甲局,a@example.cn\n乙局,b@example.cn\n",
                StandardCharsets.UTF_8);
        Path inbox = Files.createDirectories(dir.resolve("收件"));
        java.util.Map<String, java.math.BigDecimal> bad = TestSupport.zeros(cn.nianbao.TestSupport.FORMATS.get("2021"));
        bad.put("t3.received.natural", java.math.BigDecimal.valueOf(5)); // R1: nothing handled, nothing carried forward
        TestSupport.filled(TestSupport.request("2021", 2024, "甲局", ""), bad, inbox.resolve("甲局.xlsx"));
        TestSupport.filled(TestSupport.request("2021", 2024, "乙局", ""), TestSupport.zeros(cn.nianbao.TestSupport.FORMATS.get("2021")),
                inbox.resolve("乙局.xlsx"));
        Path returns = dir.resolve("退回");
        Path out = dir.resolve("情况.xlsx");
        String[] args = {"collect", "--roster", roster.toString(), "--year", "2024", "--inbox", inbox.toString(), "-o",
            out.toString(), "--returns", returns.toString(), "--quiet"};
        CliTest.Run first = CliTest.run(args);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(names(returns)).containsExactly("甲局-2024-退回.eml", "甲局-2024-问题标注.xlsx");
        // The supervisor keeps notes and someone's workbook in the same folder: they are never touched.
        Files.writeString(returns.resolve("笔记.txt"), "甲局已电话联系", StandardCharsets.UTF_8);
        TestSupport.filled(TestSupport.request("2021", 2024, "丙局", ""), bad, returns.resolve("丙局-2024.xlsx"));
        // Our own draft and an untouched copy saved into the inbox are no filings.
        Files.copy(returns.resolve("甲局-2024-退回.eml"), inbox.resolve("草稿.eml"));
        Files.copy(returns.resolve("甲局-2024-问题标注.xlsx"), inbox.resolve("副本.xlsx"));

        // 甲局 corrects its return: the next run writes no 退回 for it and removes the old one.
        java.util.Map<String, java.math.BigDecimal> good = new java.util.LinkedHashMap<>(bad);
        good.put("t3.carry_forward.natural", java.math.BigDecimal.valueOf(5));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲局", ""), good, inbox.resolve("甲局.xlsx"));
        CliTest.Run again = CliTest.run(args);
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(names(returns)).containsExactly("丙局-2024.xlsx", "笔记.txt");
        assertThat(again.out()).contains("已删除上次运行留在").contains("甲局-2024-退回.eml").contains("甲局-2024-问题标注.xlsx");
        assertThat(again.out()).contains("跳过 2");
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            List<List<String>> items = rows(wb.getSheet(CollectionWorkbook.ITEMS));
            assertThat(items).filteredOn(r -> r.get(0).endsWith("草稿.eml")).singleElement()
                    .satisfies(r -> assertThat(String.join("|", r)).contains("跳过").contains("本工具写出的邮件草稿"));
            assertThat(items).filteredOn(r -> r.get(0).endsWith("副本.xlsx")).singleElement()
                    .satisfies(r -> assertThat(String.join("|", r)).contains("跳过").contains("退回标注副本"));
        }
    }
}
