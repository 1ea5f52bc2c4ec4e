package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ItemState;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Severity;
import cn.nianbao.template.Protection;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching submissions to the roster, superseded and late ones, the round's states and its total. */
class CollectorTest {
    static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    static final String ROSTER = """
            单位名称,统一社会信用代码,联系邮箱,上级单位,别名
            甲县财政局,11330800002618736G,czj@example.cn,,
            甲县教育局,,jyj@example.cn,,
            甲县卫生健康委员会,,wjw@example.cn,,甲县卫生和计划生育委员会
            甲县民政局,,mzj@example.cn; bgs@example.cn,,
            甲县水利局,,slj@example.cn,,
            甲县审计局,,sjj@example.cn,,
            甲县统计局,,tjj@example.cn,,
            """;

    @TempDir
    Path tmp;

    Path inbox() throws IOException {
        return Files.createDirectories(tmp.resolve("收件"));
    }

    Roster roster() throws IOException {
        Path r = tmp.resolve("名册.csv");
        Files.write(r, ROSTER.getBytes(Mail.GBK));
        return Roster.load(r);
    }

    static Map<String, BigDecimal> values(long received) {
        Map<String, BigDecimal> v = TestSupport.zeros(SPEC);
        v.put("t3.received.natural", BigDecimal.valueOf(received));
        v.put("t3.disclosed.natural", BigDecimal.valueOf(received));
        v.put("t2.art20_5.licensing.decisions", BigDecimal.valueOf(received * 10));
        v.put("t2.art20_8.fees.amount", new BigDecimal("0.25"));
        return v;
    }

    byte[] workbook(String agency, String code, int year, Map<String, BigDecimal> values) throws IOException {
        Path f = TestSupport.filled(TestSupport.request(year >= 2021 ? "2021" : "2019", year, agency, code), values,
                tmp.resolve("src-" + System.nanoTime() + ".xlsx"));
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    static void at(Path f, LocalDateTime t) throws IOException {
        Files.setLastModifiedTime(f, FileTime.from(t.atZone(Collector.ZONE).toInstant()));
    }

    Collector.Round collect() throws IOException {
        List<Inbox.Item> items = Inbox.open(inbox(), tmp.resolve("附件"));
        return new Collector(TestSupport.FORMATS, roster(), 2024, SPEC, LocalDate.of(2025, 1, 31)).collect(items, null, 2, n -> { });
    }

    static Collector.AgencyStatus of(Collector.Round r, String name) {
        return r.agencies().stream().filter(a -> a.agency().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachMatchPathAndWhatCannotBeMatched() throws IOException {
        Path in = inbox();
        // By code: the file calls itself differently, its code is the roster's.
        at(Files.write(in.resolve("a.xlsx"), workbook("甲县财政局（盖章）", "11330800002618736G", 2024, values(1))),
                LocalDateTime.of(2025, 1, 10, 9, 0));
        // By name, written with spaces the roster does not have; sent from 财政局's address (a warning).
        Files.write(in.resolve("b.eml"), new Mail("czj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "report")
                .attach(Mail.XLSX, "; filename=\"b.xlsx\"", workbook(" 甲县 教育局 ", "", 2024, values(2))).bytes());
        // By alias: the agency's former name.
        at(Files.write(in.resolve("c.xlsx"), workbook("甲县卫生和计划生育委员会", "", 2024, values(3))), LocalDateTime.of(2025, 1, 10, 9, 0));
        // By sender: a template issued to someone else, sent from the second address of 民政局.
        Files.write(in.resolve("d.eml"), new Mail("BGS@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "report")
                .attach(Mail.XLSX, "; filename=\"d.xlsx\"", workbook("某个别的单位", "", 2024, values(4))).bytes());
        // By file name: an unreadable file, named after the agency.
        at(Files.write(in.resolve("甲县水利局2024年报表.xlsx"), "not a workbook".getBytes()), LocalDateTime.of(2025, 1, 10, 9, 0));
        // Matches no one.
        at(Files.write(in.resolve("z.xlsx"), workbook("乙县公安局", "", 2024, values(5))), LocalDateTime.of(2025, 1, 10, 9, 0));
        // Unreadable, from nobody known.
        at(Files.write(in.resolve("zz.xlsx"), new byte[0]), LocalDateTime.of(2025, 1, 10, 9, 0));
        Collector.Round r = collect();

        Map<String, String> got = new LinkedHashMap<>();
        r.agencies().forEach(a -> got.put(a.agency().name(), a.status().chinese() + "/" + (a.current() == null ? "" : a.current().matchedBy().chinese())));
        assertThat(got).containsExactly(
                // 教育局's template came from 财政局's address: a U1 warning on both rows.
                Map.entry("甲县财政局", "已提交-有警告/统一社会信用代码"),
                Map.entry("甲县教育局", "已提交-有警告/单位名称"),
                Map.entry("甲县卫生健康委员会", "已提交-通过/别名"),
                Map.entry("甲县民政局", "已提交-有警告/发件人邮箱"),
                Map.entry("甲县水利局", "无法读取/文件名"),
                Map.entry("甲县审计局", "未提交/"),
                Map.entry("甲县统计局", "未提交/"));
        assertThat(of(r, "甲县教育局").current().report().findings()).extracting(Finding::ruleId).containsExactly("U1");
        assertThat(of(r, "甲县民政局").current().report().findings()).extracting(Finding::ruleId, Finding::message)
                .contains(org.assertj.core.groups.Tuple.tuple("U1", "报表中的单位为“某个别的单位”，名册中没有这个单位；按发件人邮箱认定为甲县民政局的报送。"
                        + "可能用了别的单位的模板，请核对"));
        assertThat(r.submissions()).extracting(s -> s.item().name() + "=" + s.state().chinese()).containsExactly(
                "a.xlsx=当前报送", "b.xlsx=当前报送", "c.xlsx=当前报送", "d.xlsx=当前报送", "z.xlsx=无法识别",
                "zz.xlsx=无法读取", "甲县水利局2024年报表.xlsx=无法读取");
        Collector.Submission unmatched = r.submissions().get(4);
        assertThat(unmatched.note()).contains("名册中找不到报表中的单位“乙县公安局”");
        // Accounting: every item is in exactly one state.
        assertThat(r.count(ItemState.CURRENT) + r.count(ItemState.SUPERSEDED) + r.count(ItemState.UNREADABLE)
                + r.count(ItemState.UNMATCHED) + r.count(ItemState.SKIPPED)).isEqualTo(r.submissions().size());
    }

    @Test
    void lastYearsFilingIsFoundByTheRosterAgencysCodeNameOrAlias() throws IOException {
        Path in = inbox();
        Map<String, BigDecimal> carried = values(1);
        carried.put("t3.carried_over.natural", BigDecimal.valueOf(7)); // last year's 四 is 0: C1
        carried.put("t3.disclosed.natural", BigDecimal.valueOf(8));
        at(Files.write(in.resolve("cz.xlsx"), workbook("甲县财政局", "11330800002618736G", 2024, carried)), LocalDateTime.of(2025, 1, 10, 9, 0));
        at(Files.write(in.resolve("jy.xlsx"), workbook("甲县教育局", "", 2024, values(2))), LocalDateTime.of(2025, 1, 10, 9, 0));
        at(Files.write(in.resolve("wjw.xlsx"), workbook("甲县卫生健康委员会", "", 2024, values(3))), LocalDateTime.of(2025, 1, 10, 9, 0));
        at(Files.write(in.resolve("mz.xlsx"), workbook("甲县民政局", "", 2024, values(4))), LocalDateTime.of(2025, 1, 10, 9, 0));
        List<cn.nianbao.model.Filing> previous = new ArrayList<>();
        for (String[] p : new String[][] {{"甲县财政局（旧称）", "11330800002618736G"}, {"甲县 教育局", ""}, {"甲县卫生和计划生育委员会", ""},
            {"甲县水利局", ""}}) {
            Path f = Files.write(tmp.resolve(p[0] + "-2023.xlsx"), workbook(p[0], p[1], 2023, TestSupport.zeros(SPEC)));
            previous.add(new WorkbookReader(TestSupport.FORMATS).read(f).filing());
        }
        List<Inbox.Item> items = Inbox.open(in, tmp.resolve("附件"));
        Collector.Round r = new Collector(TestSupport.FORMATS, roster(), 2024, SPEC, LocalDate.of(2025, 1, 31))
                .collect(items, previous, 2, n -> { });

        assertThat(r.reconciled().matches()).extracting(m -> m.current().agency() + "=" + m.previous().agency() + " " + m.by())
                .containsExactly("甲县财政局=甲县财政局（旧称） 统一社会信用代码", "甲县教育局=甲县 教育局 单位名称",
                        "甲县卫生健康委员会=甲县卫生和计划生育委员会 别名");
        assertThat(r.reconciled().onlyPrevious()).extracting(cn.nianbao.model.Filing::agency).containsExactly("甲县水利局");
        assertThat(of(r, "甲县财政局").current().report().findings()).extracting(Finding::ruleId).containsExactly("C1", "C1"); // 自然人 and 总计
        assertThat(of(r, "甲县民政局").current().report().findings()).extracting(Finding::ruleId, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("M1", "上年（2023年）没有找到甲县民政局的报表（按统一社会信用代码、单位名称和别名均未匹配），无法核对上年结转"));
        assertThat(of(r, "甲县民政局").status()).as("M1 is the supervisor's").isEqualTo(RoundStatus.PASSED);
    }

    /** A workbook of the agency's own: the national tables by their labels, no identity, no title naming the agency. */
    byte[] ownWorkbook(Map<String, BigDecimal> values) throws IOException {
        Path f = TestSupport.filled(TestSupport.request("2021", 2024, "随便什么", ""), values, tmp.resolve("own.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            for (String name : List.of(cn.nianbao.spec.TemplateLayout.ID_SHEET, cn.nianbao.spec.TemplateLayout.COVER_SHEET,
                    cn.nianbao.spec.TemplateLayout.CHECK_SHEET)) {
                wb.removeSheetAt(wb.getSheetIndex(name));
            }
            wb.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList().clear();
            wb.getProperties().getCoreProperties().setTitle("");
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            wb.write(b);
            Files.delete(f);
            return b.toByteArray();
        }
    }

    @Test
    void anAgencysOwnWorkbookIsKnownByTheLongestRosterNameOrAliasInItsFileName() throws IOException {
        Path in = inbox();
        at(Files.write(in.resolve("卫计委-甲县卫生和计划生育委员会-2024年报表.xlsx"), ownWorkbook(values(3))),
                LocalDateTime.of(2025, 1, 10, 9, 0));
        at(Files.write(in.resolve("甲县统计局-政务公开办-2024.xlsx"), ownWorkbook(values(4))), LocalDateTime.of(2025, 1, 10, 9, 0));
        Collector.Round r = collect();
        Collector.AgencyStatus health = of(r, "甲县卫生健康委员会");
        assertThat(health.current()).isNotNull();
        assertThat(health.current().matchedBy().chinese()).isEqualTo("别名");
        assertThat(health.current().report().read().filing().agency()).isEqualTo("甲县卫生和计划生育委员会");
        Collector.AgencyStatus stats = of(r, "甲县统计局");
        assertThat(stats.current().matchedBy().chinese()).isEqualTo("单位名称");
        assertThat(stats.current().report().read().filing().agency()).isEqualTo("甲县统计局");
        for (Collector.AgencyStatus a : List.of(health, stats)) {
            assertThat(a.current().report().findings()).as("no U1: the name came from the file, and the roster knows it")
                    .noneMatch(f -> f.ruleId().equals("U1"));
            assertThat(a.current().report().findings()).anyMatch(f -> f.ruleId().equals("L8")
                    && f.message().contains("取自文件名（名册中的名称）"));
        }
    }

    @Test
    void latestReadableSubmissionIsCurrentAndLateOnesAreMarked() throws IOException {
        Path in = inbox();
        Map<String, BigDecimal> wrong = values(1);
        wrong.put("t3.disclosed.natural", BigDecimal.ZERO); // R1 broken
        // 财政局: an error on 20 January, corrected on 31 January at 23:59 (on time), then a broken file on 1 February.
        Files.write(in.resolve("1.eml"), new Mail("czj@example.cn", "Mon, 20 Jan 2025 10:00:00 +0800", "first")
                .attach(Mail.XLSX, "; filename=\"first.xlsx\"", workbook("甲县财政局", "", 2024, wrong)).bytes());
        Files.write(in.resolve("2.eml"), new Mail("czj@example.cn", "Fri, 31 Jan 2025 15:59:00 +0000", "fixed")
                .attach(Mail.XLSX, "; filename=\"fixed.xlsx\"", workbook("甲县财政局", "", 2024, values(1))).bytes());
        Files.write(in.resolve("3.eml"), new Mail("czj@example.cn", "Sat, 1 Feb 2025 09:00:00 +0800", "again")
                .attach(Mail.XLSX, "; filename=\"again.xlsx\"", "garbage".getBytes()).bytes());
        // 教育局: on time first, then a late correction, which is current; the agency is not late.
        Files.write(in.resolve("4.eml"), new Mail("jyj@example.cn", "Thu, 30 Jan 2025 10:00:00 +0800", "ok")
                .attach(Mail.XLSX, "; filename=\"jy1.xlsx\"", workbook("甲县教育局", "", 2024, values(2))).bytes());
        Files.write(in.resolve("5.eml"), new Mail("jyj@example.cn", "Sat, 1 Feb 2025 00:00:00 +0800", "late")
                .attach(Mail.XLSX, "; filename=\"jy2.xlsx\"", workbook("甲县教育局", "", 2024, values(3))).bytes());
        // 审计局: last year's template sent again (Y1).
        Files.write(in.resolve("6.eml"), new Mail("sjj@example.cn", "Thu, 30 Jan 2025 10:00:00 +0800", "old")
                .attach(Mail.XLSX, "; filename=\"sj.xlsx\"", workbook("甲县审计局", "", 2023, values(2))).bytes());
        // 统计局: this year, but on a 2019-format template (Y1).
        Path old = TestSupport.filled(TestSupport.request("2019", 2024, "甲县统计局", ""), TestSupport.zeros(TestSupport.FORMATS.get("2019")),
                tmp.resolve("old-format.xlsx"));
        Files.write(in.resolve("7.eml"), new Mail("tjj@example.cn", "Thu, 30 Jan 2025 10:00:00 +0800", "format")
                .attach(Mail.XLSX, "; filename=\"tj.xlsx\"", Files.readAllBytes(old)).bytes());
        Files.delete(old);
        Collector.Round r = collect();

        assertThat(of(r, "甲县统计局").current().report().findings()).filteredOn(f -> f.ruleId().equals("Y1"))
                .singleElement().extracting(Finding::message).asString().contains("2019年版").contains("2021年版");
        Collector.AgencyStatus cz = of(r, "甲县财政局");
        assertThat(cz.status()).isEqualTo(RoundStatus.PASSED);
        assertThat(cz.current().item().name()).isEqualTo("fixed.xlsx");
        assertThat(cz.late()).isFalse();
        assertThat(cz.superseded()).extracting(s -> s.item().name()).containsExactly("first.xlsx");
        assertThat(cz.notes()).singleElement().asString().startsWith("之后还收到无法读取的文件：").contains("again.xlsx");
        Collector.AgencyStatus jy = of(r, "甲县教育局");
        assertThat(jy.current().item().name()).isEqualTo("jy2.xlsx");
        assertThat(jy.current().late()).isTrue();
        assertThat(jy.late()).as("its first filing was on time").isFalse();
        assertThat(jy.notes()).singleElement().asString().isEqualTo("当前报送是截止日期之后收到的更正（2025-02-01 00:00（邮件日期））；"
                + "首次报送按时（2025-01-30 10:00（邮件日期）），不算逾期");
        assertThat(jy.superseded()).extracting(s -> s.item().name()).containsExactly("jy1.xlsx");
        Collector.AgencyStatus sj = of(r, "甲县审计局");
        assertThat(sj.status()).isEqualTo(RoundStatus.ERRORS);
        assertThat(sj.current().report().findings()).extracting(Finding::ruleId).contains("Y1");
        assertThat(r.submissions()).extracting(s -> s.item().name() + "=" + s.state().chinese()).containsExactly(
                "first.xlsx=被替代", "fixed.xlsx=当前报送", "again.xlsx=无法读取", "jy1.xlsx=被替代", "jy2.xlsx=当前报送",
                "sj.xlsx=当前报送", "tj.xlsx=当前报送");
    }

    /** The workbook as Excel saves it: dcterms:modified (W3CDTF) in docProps/core.xml. */
    static byte[] savedAt(byte[] xlsx, String modified) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getProperties().getCoreProperties().setModified(modified);
            wb.write(out);
            return out.toByteArray();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void lateIsDecidedByTheBestEvidenceAndByTheFirstFiling() throws IOException {
        Path in = inbox();
        LocalDateTime copied = LocalDateTime.of(2025, 2, 5, 9, 0); // the day the supervisor saved the files into the inbox
        // Saved by the clerk on 20 January, copied into the inbox after the deadline: on time, by the workbook's own time.
        at(Files.write(in.resolve("wjw.xlsx"), savedAt(workbook("甲县卫生健康委员会", "", 2024, values(1)), "2025-01-20T08:30:00Z")),
                copied);
        // Saved after the deadline, though the file's time says January: late.
        at(Files.write(in.resolve("slj.xlsx"), savedAt(workbook("甲县水利局", "", 2024, values(2)), "2025-02-02T01:00:00Z")),
                LocalDateTime.of(2025, 1, 10, 9, 0));
        // The message's Date wins over a workbook saved time that is later (a clerk's clock, a re-save).
        Files.write(in.resolve("sjj.eml"), new Mail("sjj@example.cn", "Thu, 30 Jan 2025 10:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"sj.xlsx\"", savedAt(workbook("甲县审计局", "", 2024, values(3)), "2025-02-03T00:00:00Z"))
                .bytes());
        // A zip entry's time wins over the workbook's saved time and the zip's own file time.
        Path zip = in.resolve("tjj.zip");
        try (java.io.OutputStream o = Files.newOutputStream(zip); ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
            RoundFixtures.entry(z, "tj.xlsx", savedAt(workbook("甲县统计局", "", 2024, values(4)), "2025-02-03T00:00:00Z"),
                    LocalDateTime.of(2025, 1, 25, 14, 30));
        }
        at(zip, copied);
        // No saved time in the workbook (a template as issued): the file's time is all there is.
        at(Files.write(in.resolve("mzj.xlsx"), workbook("甲县民政局", "", 2024, values(5))), copied);
        Collector.Round r = collect();

        Map<String, String> got = new LinkedHashMap<>();
        r.agencies().stream().filter(a -> a.current() != null).forEach(a -> got.put(a.agency().name(),
                CollectionWorkbook.time(a.current().item().time(), a.current().item().timeSource()) + " " + (a.late() ? "逾期" : "按时")));
        assertThat(got).containsExactly(
                Map.entry("甲县卫生健康委员会", "2025-01-20 16:30（工作簿保存时间） 按时"),
                Map.entry("甲县民政局", "2025-02-05 09:00（文件时间） 逾期"),
                Map.entry("甲县水利局", "2025-02-02 09:00（工作簿保存时间） 逾期"),
                Map.entry("甲县审计局", "2025-01-30 10:00（邮件日期） 按时"),
                Map.entry("甲县统计局", "2025-01-25 14:30（压缩包条目时间） 按时"));
    }

    /** The unsent drafts ReturnDrafts writes for a round on {@code today}: file name to body text. */
    Map<String, String> drafts(Collector.Round r, LocalDate today) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("退回-" + System.nanoTime()));
        Issuer issuer = new Issuer(SPEC, 2024, r.deadline(), Protection.none());
        ReturnDrafts.write(dir, r, Map.of(), issuer, issuer.previousIndex(roster(), List.of()), false, today,
                new ArrayList<>());
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                    out.put(p.getFileName().toString(), (String) ((Multipart) m.getContent()).getBodyPart(0).getContent());
                }
            }
        }
        return out;
    }

    @Test
    void anotherAgencysTemplateSentFromAnAgencysAddressShowsOnBothRows() throws Exception {
        Path in = inbox();
        // 审计局 sends 统计局's filled template, and nothing of its own.
        Files.write(in.resolve("1.eml"), new Mail("sjj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"tj.xlsx\"", workbook("甲县统计局", "", 2024, values(1))).bytes());
        // 民政局 sends its own; later 水利局's address sends a 民政局 template too: 民政局's own stays current.
        Files.write(in.resolve("2.eml"), new Mail("mzj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"mz-own.xlsx\"", workbook("甲县民政局", "", 2024, values(2))).bytes());
        Files.write(in.resolve("3.eml"), new Mail("slj@example.cn", "Mon, 20 Jan 2025 09:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"mz-from-slj.xlsx\"", workbook("甲县民政局", "", 2024, values(3))).bytes());
        // 财政局 sends two files in one message: its own and 教育局's.
        Files.write(in.resolve("4.eml"), new Mail("czj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"cz.xlsx\"", workbook("甲县财政局", "11330800002618736G", 2024, values(4)))
                .attach(Mail.XLSX, "; filename=\"jy.xlsx\"", workbook("甲县教育局", "", 2024, values(5))).bytes());
        Collector.Round r = collect();

        // The credited agency: the file counts for it, with U1 (as before).
        Collector.AgencyStatus tj = of(r, "甲县统计局");
        assertThat(tj.status()).isEqualTo(RoundStatus.WARNINGS);
        assertThat(tj.current().item().name()).isEqualTo("tj.xlsx");
        assertThat(tj.current().report().findings()).extracting(Finding::ruleId).containsExactly("U1");
        // The sender: still no filing of its own, but its row names what came from its address, with U1.
        Collector.AgencyStatus sj = of(r, "甲县审计局");
        assertThat(sj.status()).isEqualTo(RoundStatus.MISSING);
        assertThat(sj.count(Severity.WARNING)).isEqualTo(1);
        assertThat(CollectionWorkbook.note(sj)).contains("U1").contains("收到从本单位邮箱 sjj@example.cn 发来的文件“tj.xlsx”")
                .contains("报表是甲县统计局的").contains("已计为甲县统计局的报送").doesNotContain("未收到报送");
        // Its own file, not a later one from another agency's address, is the agency's current filing.
        Collector.AgencyStatus mz = of(r, "甲县民政局");
        assertThat(mz.current().item().name()).isEqualTo("mz-own.xlsx");
        assertThat(mz.status()).isEqualTo(RoundStatus.PASSED);
        assertThat(mz.superseded()).extracting(s -> s.item().name()).containsExactly("mz-from-slj.xlsx");
        assertThat(CollectionWorkbook.note(mz)).contains("从甲县水利局的邮箱 slj@example.cn 发来的“mz-from-slj.xlsx”")
                .contains("以本单位自己发来的“mz-own.xlsx”为准");
        Collector.AgencyStatus sl = of(r, "甲县水利局");
        assertThat(sl.status()).isEqualTo(RoundStatus.MISSING);
        assertThat(sl.count(Severity.WARNING)).isEqualTo(1);
        assertThat(CollectionWorkbook.note(sl)).contains("“mz-from-slj.xlsx”").contains("报表是甲县民政局的")
                .contains("甲县民政局自己另有报送，此件未采用").doesNotContain("未收到报送");
        // Its own file and another's: its own is current, the other is 教育局's, and both rows show U1.
        Collector.AgencyStatus cz = of(r, "甲县财政局");
        assertThat(cz.current().item().name()).isEqualTo("cz.xlsx");
        assertThat(cz.status()).isEqualTo(RoundStatus.WARNINGS);
        assertThat(cz.count(Severity.WARNING)).isEqualTo(1);
        assertThat(CollectionWorkbook.note(cz)).contains("U1").contains("“jy.xlsx”").contains("报表是甲县教育局的");
        Collector.AgencyStatus jy = of(r, "甲县教育局");
        assertThat(jy.current().item().name()).isEqualTo("jy.xlsx");
        assertThat(jy.current().report().findings()).extracting(Finding::ruleId).containsExactly("U1");
        assertThat(r.submissions()).extracting(s -> s.item().name() + "=" + s.state().chinese()).containsExactly(
                "tj.xlsx=当前报送", "mz-own.xlsx=当前报送", "mz-from-slj.xlsx=被替代", "cz.xlsx=当前报送", "jy.xlsx=当前报送");

        // No draft tells an agency that nothing arrived when something did.
        Map<String, String> drafts = drafts(r, LocalDate.of(2025, 1, 20));
        assertThat(drafts).doesNotContainKeys("甲县审计局-2024-催报.eml", "甲县水利局-2024-催报.eml");
        assertThat(drafts.get("甲县审计局-2024-重新报送.eml")).contains("我们收到了从贵单位邮箱（sjj@example.cn）发来的文件“tj.xlsx”")
                .contains("其中的报表是甲县统计局的").contains("不能算作贵单位的报送").contains("用附件中贵单位自己的模板")
                .doesNotContain("还没有收到");
        assertThat(drafts.get("甲县水利局-2024-重新报送.eml")).contains("“mz-from-slj.xlsx”").contains("其中的报表是甲县民政局的")
                .doesNotContain("还没有收到");
        assertThat(drafts.get("甲县卫生健康委员会-2024-催报.eml")).contains("还没有收到");
    }

    @Test
    void draftsGoToEveryAddressOfTheRosterEntry() throws Exception {
        inbox();
        Collector.Round r = collect(); // nothing arrived: a reminder to everyone
        Path dir = Files.createDirectories(tmp.resolve("退回"));
        Issuer issuer = new Issuer(SPEC, 2024, r.deadline(), Protection.none());
        ReturnDrafts.write(dir, r, Map.of(), issuer, issuer.previousIndex(roster(), List.of()), false, LocalDate.of(2025, 1, 20),
                new ArrayList<>());
        try (InputStream in = Files.newInputStream(dir.resolve("甲县民政局-2024-催报.eml"))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            // The roster separates them with "; ", which a To header does not take.
            assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("mzj@example.cn", "bgs@example.cn");
        }
    }

    @Test
    void whatCameWithoutAReportIsSkippedAndNamedInTheDraft() throws Exception {
        Path in = inbox();
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("甲县审计局2024年政府信息公开工作年度报告");
            d.write(b);
            docx = b.toByteArray();
        }
        // 审计局 sends its annual report as Word, no workbook; 统计局 asks a question; someone unknown writes too.
        Files.write(in.resolve("1.eml"), new Mail("sjj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "年度报告")
                .attach("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "; filename*=" + Mail.rfc2231("年度报告.docx", StandardCharsets.UTF_8), docx)
                .bytes());
        Files.write(in.resolve("2.eml"), new Mail("tjj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800",
                Mail.word("请问上年结转怎么填", StandardCharsets.UTF_8)).body("谢谢", StandardCharsets.UTF_8).bytes());
        Files.write(in.resolve("3.eml"), new Mail("who@example.com", "Fri, 10 Jan 2025 09:00:00 +0800", "hello")
                .body("hi", StandardCharsets.UTF_8).bytes());
        Collector.Round r = collect();

        assertThat(r.submissions()).extracting(s -> s.state().chinese() + " | " + (s.agency() == null ? "" : s.agency().name())
                + " | " + s.item().reason()).containsExactly(
                "跳过 | 甲县审计局 | Word 文档（.docx），其中没有找到国家格式的表二、三、四，不是报表",
                "跳过 | 甲县统计局 | 邮件中没有附件，没有报表（主题：请问上年结转怎么填）",
                "跳过 |  | 邮件中没有附件，没有报表（主题：hello）");
        assertThat(r.count(ItemState.UNREADABLE)).isZero();
        Collector.AgencyStatus sj = of(r, "甲县审计局");
        assertThat(sj.status()).isEqualTo(RoundStatus.MISSING);
        assertThat(CollectionWorkbook.note(sj)).isEqualTo("未收到报表（收到的见下）；还收到 " + in.resolve("1.eml")
                + " » 附件 年度报告.docx：Word 文档（.docx），其中没有找到国家格式的表二、三、四，不是报表");
        Map<String, String> drafts = drafts(r, LocalDate.of(2025, 1, 20));
        assertThat(drafts.get("甲县审计局-2024-重新报送.eml")).contains("我们收到了贵单位发来的文件“年度报告.docx”：Word 文档（.docx），"
                + "其中没有找到国家格式的表二、三、四，不是报表。").doesNotContain("还没有收到");
        assertThat(drafts.get("甲县统计局-2024-催报.eml")).contains("我们收到了贵单位的邮件（主题：请问上年结转怎么填），其中没有附件。"
                + "\n\n我们还没有收到贵单位2024年政府信息公开工作年度报告统计表");
    }

    @Test
    void anAgencyThatAnswersWithItsWordReportIsReadFromItWithANote() throws Exception {
        // 审计局 sends its published report (the tables typed as lines, as in seed 000) as Word, no workbook.
        Path in = inbox();
        String seed = Files.readString(TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt"));
        String tables = seed.substring(seed.indexOf("二、主动公开政府信息情况"), seed.indexOf("五、存在的主要问题及改进情况"));
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("甲县审计局2024年政府信息公开工作年度报告");
            for (String line : tables.split("\n")) {
                d.createParagraph().createRun().setText(line);
            }
            d.write(b);
            docx = b.toByteArray();
        }
        Files.write(in.resolve("1.eml"), new Mail("sjj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "年度报告")
                .attach("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "; filename*=" + Mail.rfc2231("年度报告.docx", StandardCharsets.UTF_8), docx)
                .bytes());
        Collector.Round r = collect();
        Collector.AgencyStatus sj = of(r, "甲县审计局");
        assertThat(sj.status()).as("read, not skipped").isNotEqualTo(RoundStatus.MISSING).isNotEqualTo(RoundStatus.UNREADABLE);
        Filing f = sj.current().report().read().filing();
        assertThat(f.value("t2.art20_5.licensing.decisions").number()).isEqualByComparingTo("577");
        assertThat(f.value("t3.withheld_6.natural").number()).isEqualByComparingTo("1");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L8")).extracting(cn.nianbao.model.Finding::message)
                .anyMatch(m -> m.contains("Word 文档") && m.contains("按标签读取"));
        // In a round the agency is asked to use the template next time; a published report read by `read` is not (WorkbookReader).
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L8")).extracting(cn.nianbao.model.Finding::message)
                .anyMatch(m -> m.contains("今后请用发出的模板报送"));
        Path alone = tmp.resolve("甲县审计局2024年报告.docx");
        Files.write(alone, docx);
        assertThat(new cn.nianbao.read.WorkbookReader(TestSupport.FORMATS).read(alone).filing().findings())
                .noneMatch(x -> x.message().contains("模板报送"));
    }

    @Test
    void aWordReportSentLaterDoesNotReplaceTheWorkbookTheAgencyFilled() throws Exception {
        // Before: the later document became current and the filled template was 已被…替代 — the round's total took the
        // numbers read from the report's text instead of the template.
        Path in = inbox();
        String seed = Files.readString(TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt"));
        String tables = seed.substring(seed.indexOf("二、主动公开政府信息情况"), seed.indexOf("五、存在的主要问题及改进情况"));
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("甲县财政局2024年政府信息公开工作年度报告");
            for (String line : tables.split("\n")) {
                d.createParagraph().createRun().setText(line);
            }
            d.write(b);
            docx = b.toByteArray();
        }
        Files.write(in.resolve("1.eml"), new Mail("czj@example.cn", "Fri, 10 Jan 2025 09:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("财政局2024年报表.xlsx", StandardCharsets.UTF_8),
                        workbook("甲县财政局", "", 2024, values(1))).bytes());
        Files.write(in.resolve("2.eml"), new Mail("czj@example.cn", "Mon, 13 Jan 2025 09:00:00 +0800", "年度报告供参考")
                .attach("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "; filename*=" + Mail.rfc2231("年度报告.docx", StandardCharsets.UTF_8), docx)
                .bytes());
        Collector.Round r = collect();
        Collector.AgencyStatus cz = of(r, "甲县财政局");
        assertThat(cz.current().item().name()).isEqualTo("财政局2024年报表.xlsx");
        assertThat(r.submissions()).filteredOn(s -> s.item().name().equals("年度报告.docx")).singleElement()
                .satisfies(s -> {
                    assertThat(s.state()).isEqualTo(ItemState.SUPERSEDED);
                    assertThat(s.note()).contains("本单位另有报表工作簿").contains("以工作簿为准");
                });
        assertThat(cz.notes()).anyMatch(n -> n.contains("另收到报告文档“年度报告.docx”") && n.contains("以报表工作簿“财政局2024年报表.xlsx”为准"));
    }

    @Test
    void aReturnDraftListsOnlyWhatIsToBeFixed() throws Exception {
        // Before: an error the supervisor let stand (已核实无误) was still listed under 有以下问题，请改正.
        Path in = inbox();
        Map<String, BigDecimal> wrong = values(1);
        wrong.put("t3.disclosed.natural", BigDecimal.ZERO); // R1 broken
        wrong.remove("t2.art20_1.rules.issued"); // a blank: V7
        Files.write(in.resolve("204-财政局.eml"), new Mail("czj@example.cn", "Mon, 20 Jan 2025 10:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("财政局2024年报表.xlsx", StandardCharsets.UTF_8),
                        workbook("甲县财政局", "", 2024, wrong)).bytes());
        Collector.AgencyStatus a = of(collect(), "甲县财政局");
        List<cn.nianbao.model.Finding> all = a.current().report().findings();
        assertThat(all).extracting(cn.nianbao.model.Finding::ruleId).contains("R1", "V7");
        String before = ReturnDrafts.errorsBody(a, 2024, "2025年2月17日");
        assertThat(before).contains("R1").contains("V7");
        List<cn.nianbao.model.Finding> decided = all.stream().map(f -> f.ruleId().equals("R1")
                ? f.withDecision(new cn.nianbao.model.Decision(cn.nianbao.model.Decision.Choice.VERIFIED, "电话核实", "")) : f).toList();
        Collector.AgencyStatus let = new Collector.AgencyStatus(a.agency(), a.status(),
                a.current().with(new cn.nianbao.report.FileReport(a.current().report().read(), decided, false)), a.late(),
                a.superseded(), a.sentForOthers(), a.skipped(), a.notes());
        assertThat(ReturnDrafts.errorsBody(let, 2024, "2025年2月17日")).contains("V7").doesNotContain("R1");
    }

    @Test
    void draftsNameTheFileTheAgencySentAndGiveANewDeadline() throws Exception {
        Path in = inbox();
        Map<String, BigDecimal> wrong = values(1);
        wrong.put("t3.disclosed.natural", BigDecimal.ZERO); // R1 broken
        Files.write(in.resolve("204-财政局.eml"), new Mail("czj@example.cn", "Mon, 20 Jan 2025 10:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename*=" + Mail.rfc2231("财政局2024年报表.xlsx", StandardCharsets.UTF_8),
                        workbook("甲县财政局", "", 2024, wrong)).bytes());
        Files.write(in.resolve("205-教育局.eml"), new Mail("jyj@example.cn", "Mon, 20 Jan 2025 10:00:00 +0800", "报表")
                .attach(Mail.XLSX, "; filename=\"jy.xlsx\"", "garbage".getBytes(StandardCharsets.US_ASCII)).bytes());
        Collector.Round r = collect();
        Path returns = Files.createDirectories(tmp.resolve("退回"));
        Map<String, Path> copies = cn.nianbao.report.ReturnCopies.copies(returns, r.currentReports());
        Issuer issuer = new Issuer(SPEC, 2024, r.deadline(), Protection.none());
        // Run on 10 February, after the deadline: the corrected files are asked for by 17 February (7 days).
        ReturnDrafts.write(returns, r, copies, issuer, issuer.previousIndex(roster(), List.of()), false, LocalDate.of(2025, 2, 10),
                new ArrayList<>());
        String back = body(returns.resolve("甲县财政局-2024-退回.eml"));
        assertThat(back).contains("贵单位报送的2024年政府信息公开工作年度报告统计表（“财政局2024年报表.xlsx”）有以下问题")
                .contains("请改正后于2025年2月17日前直接回复本邮件").doesNotContain("2025年1月31日").doesNotContain(tmp.toString())
                .doesNotContain("204-财政局.eml").doesNotContain("»");
        String again = body(returns.resolve("甲县教育局-2024-重新报送.eml"));
        assertThat(again).contains("我们收到了贵单位报送的文件“jy.xlsx”，但无法读取").contains("请填写附件中的模板，于2025年2月17日前直接回复")
                .doesNotContain(tmp.toString()).doesNotContain("205-教育局.eml").doesNotContain("»");
        String remind = body(returns.resolve("甲县卫生健康委员会-2024-催报.eml"));
        assertThat(remind).contains("报送截止日期（2025年1月31日）已过，请于2025年2月17日前报送。");
        // Before the deadline, a reminder gives the deadline; a correction is never asked for before it.
        Path early = Files.createDirectories(tmp.resolve("退回-早"));
        ReturnDrafts.write(early, r, copies, issuer, issuer.previousIndex(roster(), List.of()), false, LocalDate.of(2025, 1, 20),
                new ArrayList<>());
        assertThat(body(early.resolve("甲县卫生健康委员会-2024-催报.eml"))).contains("（截止2025年1月31日）").doesNotContain("已过");
        assertThat(body(early.resolve("甲县财政局-2024-退回.eml"))).contains("请改正后于2025年1月31日前");
    }

    static String body(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
        }
    }

    @Test
    void theTotalIsTheSumOfFilingsWithoutErrors() throws IOException {
        Path in = inbox();
        Map<String, BigDecimal> a = values(1);
        Map<String, BigDecimal> b = values(20);
        b.remove("t2.art20_6.penalty.decisions"); // left blank by 教育局 (a warning, still counted)
        Map<String, BigDecimal> bad = values(300);
        bad.put("t3.disclosed.natural", BigDecimal.ONE); // R1 broken: left out unless --include-errors
        at(Files.write(in.resolve("a.xlsx"), workbook("甲县财政局", "", 2024, a)), LocalDateTime.of(2025, 1, 2, 0, 0));
        at(Files.write(in.resolve("b.xlsx"), workbook("甲县教育局", "", 2024, b)), LocalDateTime.of(2025, 1, 2, 0, 0));
        at(Files.write(in.resolve("c.xlsx"), workbook("甲县民政局", "", 2024, bad)), LocalDateTime.of(2025, 1, 2, 0, 0));
        Collector.Round r = collect();

        RoundTotal.Result sum = RoundTotal.of(r, false, "甲县合计");
        assertThat(sum.included()).isEqualTo(2);
        assertThat(sum.total().value("t3.received.natural").number()).isEqualByComparingTo("21");
        assertThat(sum.total().value("t3.received.total").number()).as("totals recomputed").isEqualByComparingTo("21");
        assertThat(sum.total().value("t2.art20_5.licensing.decisions").number()).isEqualByComparingTo("210");
        assertThat(sum.total().value("t2.art20_8.fees.amount").number()).isEqualByComparingTo("0.50");
        assertThat(sum.total().value("t2.art20_6.penalty.decisions").number()).as("one blank, one 0").isEqualByComparingTo("0");
        assertThat(sum.blanks()).containsEntry("t2.art20_6.penalty.decisions", List.of("甲县教育局"));
        assertThat(sum.entries()).extracting(e -> e.agency().name() + "=" + e.why()).startsWith(
                "甲县财政局=计入", "甲县教育局=计入", "甲县卫生健康委员会=未提交",
                "甲县民政局=有错误，未计入（改正后重新报送，或用 --include-errors 计入）");
        // Every input cell is the hand sum of the two included filings.
        for (CellDef c : SPEC.inputCells()) {
            BigDecimal x = a.getOrDefault(c.key(), BigDecimal.ZERO).add(b.getOrDefault(c.key(), BigDecimal.ZERO));
            assertThat(sum.total().value(c.key()).number()).as(c.key()).isEqualByComparingTo(x);
        }
        RoundTotal.Result withErrors = RoundTotal.of(r, true, "甲县合计");
        assertThat(withErrors.total().value("t3.received.natural").number()).isEqualByComparingTo("321");

        // Written as a workbook our reader reads back to the same numbers, and as CSV.
        Path xlsx = tmp.resolve("out/合计.xlsx");
        RoundTotal.write(sum, xlsx, tmp.resolve("out/合计.csv"));
        var back = new WorkbookReader(TestSupport.FORMATS).read(xlsx);
        assertThat(back.readable()).isTrue();
        assertThat(back.filing().agency()).isEqualTo("甲县合计");
        for (CellDef c : SPEC.cells()) {
            assertThat(back.filing().value(c.key())).as(c.key()).isEqualTo(sum.total().value(c.key()));
        }
        assertThat(Files.readString(tmp.resolve("out/合计.csv"))).contains("甲县合计,,2024,2021,三,一、本年新收政府信息公开申请数量,自然人,21");
    }
}
