package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.ChineseText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts and label variants of fixtures/import (made by make_fixtures.py), and workbooks not made by us. */
class LabelReaderTest {
    private static final Path DIR = TestSupport.fixtures().resolve("import");
    private static final Path SEED_000 = TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt");

    @TempDir
    Path tmp;

    private static Filing text(String name) {
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(DIR.resolve(name), LabelReader.Hints.NONE);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    private static Map<String, String> numbers(Filing f) {
        return f.spec().cells().stream().collect(Collectors.toMap(CellDef::key, c -> f.asFiled(c.key()).plain(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static List<Finding> noted(Filing f, Severity atLeast) {
        return f.findings().stream().filter(x -> x.severity().compareTo(atLeast) <= 0).toList();
    }

    /** Every finding's rule, to be compared as a whole: a spurious extra finding fails. */
    private static List<String> rules(Filing f) {
        return f.findings().stream().map(Finding::ruleId).toList();
    }

    private static Filing seed000() {
        return new LabelReader(TestSupport.FORMATS).readText(SEED_000, LabelReader.Hints.NONE).filing();
    }

    @Test
    void traditionalKangxiParenthesesNumberingSpacesTypoAndARepeatedHeaderReadAsTheSeed() {
        Filing f = text("variants-traditional.txt");
        assertThat(f.agency()).isEqualTo("焦作市应急管理局");
        assertThat(numbers(f)).isEqualTo(numbers(seed000()));
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L4")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("属于国家秘蜜").contains("1.属于国家秘密"));
        assertThat(f.findings()).as("the page mark and the repeated header are not unplaced labels")
                .noneMatch(x -> x.severity() != Severity.INFO);
        assertThat(rules(f)).as("agency and year from the title, the one label read as the nearest")
                .containsExactlyInAnyOrder("L8", "L8", "L4");
    }

    @Test
    void htmlTablesWithRowspanAndColspanReadAsTheSeed() {
        Filing f = text("html-spans.html");
        assertThat(f.agency()).isEqualTo("焦作市应急管理局");
        assertThat(numbers(f)).isEqualTo(numbers(seed000()));
        assertThat(f.locations().get("t3.received.natural").sheet()).isEqualTo("网页表格2");
        assertThat(f.findings()).allMatch(x -> x.severity() == Severity.INFO);
        assertThat(rules(f)).as("only where agency and year came from").containsExactlyInAnyOrder("L8", "L8");
    }

    @Test
    void runTogetherRowsSplitWhenOnlyOneSplitKeepsTheRowRule() {
        Filing f = text("run-together-unique.txt");
        assertThat(row(f, "received")).containsExactly("64", "0", "0", "2", "0", "4", "70");
        assertThat(row(f, "disclosed")).as("irregular spacing: 20 0 00 0 121").containsExactly("20", "0", "0", "0", "0", "1", "21");
        assertThat(row(f, "unable_1")).containsExactly("44", "0", "0", "2", "0", "3", "49");
        assertThat(row(f, "carry_forward")).containsExactly("0", "0", "0", "0", "0", "0", "0");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L6"))
                .allMatch(x -> x.severity() == Severity.INFO).hasSize(4);
        assertThat(f.findings()).filteredOn(x -> x.severity() != Severity.INFO)
                .extracting(Finding::ruleId).containsExactly("L1", "L1"); // this fixture carries table 三 only
        assertThat(rules(f)).containsExactlyInAnyOrder("L8", "L8", "L6", "L6", "L6", "L6", "L1", "L1");
    }

    /** run-together-unique.txt with some of its lines replaced, read from a file of its own. */
    private Filing runTogetherWith(String... replacements) throws IOException {
        String text = Files.readString(DIR.resolve("run-together-unique.txt"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path f = tmp.resolve("edited-" + System.nanoTime() + ".txt");
        Files.writeString(f, text);
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(f, LabelReader.Hints.NONE);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    @Test
    void aRunTogetherRowMayHoldAWholeNumberWithSeparatorsOrAPoint() throws IOException {
        // Before: "1,006" and "6.5" went to the splitter as "=1006", which it could not read: the report was unreadable.
        Filing f = runTogetherWith("数量640020470", "数量1000002 0 4 1,006", "（七）总计640020470", "（七）总计1000002 0 4 1,006");
        assertThat(row(f, "received")).containsExactly("1000", "0", "0", "2", "0", "4", "1006");
        assertThat(row(f, "result_total")).containsExactly("1000", "0", "0", "2", "0", "4", "1006");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L6")).hasSize(4)
                .allMatch(x -> x.severity() == Severity.INFO);
        Filing g = runTogetherWith("数量640020470", "数量10000 0 6.5");
        assertThat(row(g, "received")).containsOnly("");
        assertThat(g.findings()).filteredOn(x -> x.ruleId().equals("L5")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("10000 0 6.5").contains("按空白处理"));
    }

    @Test
    void aPieceRunOntoALabelThatIsNoNumberIsInvalidNotACrash() throws IOException {
        // Before: "1,21" (no valid grouping) became a value token without a value: a NullPointerException.
        Filing f = runTogetherWith("（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0 0 0 0 0 0 1,21",
                "二、上年结转政府信息公开申请数量0000000", "二、上年结转政府信息公开申请数量00000 1,21");
        assertThat(f.asFiled("t3.partial.total")).isEqualTo(new CellValue.Invalid("1,21", "不是数字"));
        assertThat(row(f, "partial").subList(0, 6)).containsOnly("0");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("V1")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("“1,21”不是数字");
        });
        assertThat(row(f, "carried_over")).containsOnly("");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L5")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("“1,21”不是数字").contains("按空白处理"));
    }

    @Test
    void aSentencesNumberWithBrokenGroupingIsNotComparedWithTheTable() throws IOException {
        // Before: "6,40" was read as 640 and reported (T1) against the table's 70.
        Filing f = runTogetherWith("\n三、收到", "\n全年共受理政府信息公开申请6,40件。\n三、收到");
        assertThat(f.findings()).noneMatch(x -> x.ruleId().equals("T1"));
        Filing g = runTogetherWith("\n三、收到", "\n全年共受理政府信息公开申请1,070件。\n三、收到");
        assertThat(g.findings()).filteredOn(x -> x.ruleId().equals("T1")).singleElement()
                .satisfies(x -> assertThat(x.required()).isEqualByComparingTo("1070"));
    }

    @Test
    void anAmbiguousRunTogetherRowIsLeftBlankWithItsCandidates() {
        Filing f = text("run-together-ambiguous.txt");
        assertThat(row(f, "carry_forward")).containsOnly("");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L6") && x.severity() == Severity.ERROR).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("011000011").contains("2种拆法")
                        .contains("0、1、10、0、0、0、11").contains("0、11、0、0、0、0、11").contains("按空白处理"));
        assertThat(rules(f)).as("the four unique splits of the same rows as run-together-unique, and this one")
                .containsExactlyInAnyOrder("L8", "L8", "L6", "L6", "L6", "L6", "L6", "L1", "L1");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L6") && x.severity() == Severity.INFO).hasSize(4);
    }

    @Test
    void the2019FormatIsToldByItsLabelsWithUnitsSignsAndDashes() {
        Filing f = text("format-2019.txt");
        assertThat(f.spec().id()).isEqualTo("2019");
        assertThat(f.year()).isEqualTo(2020);
        assertThat(f.value("t2.art20_5.licensing.change").number()).isEqualByComparingTo("-3");
        assertThat(f.value("t2.art20_5.licensing.decisions").number()).isEqualByComparingTo("1205");
        assertThat(f.value("t2.art20_6.penalty.change").number()).isEqualByComparingTo("2");
        assertThat(f.value("t2.art20_6.coercion.change")).as("“—” is blank, not 0").isEqualTo(CellValue.BLANK);
        assertThat(f.value("t2.art20_9.procurement.amount").number()).as("251000元 in 万元").isEqualByComparingTo("25.1");
        assertThat(f.value("t3.other.natural").number()).as("2019's single （六） row").isEqualByComparingTo("0");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L7")).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("—").contains("空白"), m -> assertThat(m).contains("251000元").contains("25.1万元"));
        assertThat(rules(f)).containsExactlyInAnyOrder("L8", "L8", "L7", "L7");
    }

    @Test
    void sentencesThatDisagreeWithTheTablesAreT1WarningsQuotingTheSentence() {
        Filing f = text("narrative-mismatch.txt");
        List<Finding> t1 = f.findings().stream().filter(x -> x.ruleId().equals("T1")).toList();
        assertThat(t1).allMatch(x -> x.severity() == Severity.WARNING).hasSize(3);
        assertThat(t1).extracting(Finding::required, Finding::held).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("2"), new BigDecimal("1")),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("134"), new BigDecimal("170")),
                // 行政诉讼 is two cells (60 + 17): the finding is on the first, which would need 57 - 17 = 40.
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("40"), new BigDecimal("60")));
        assertThat(t1.get(1).message()).contains("行政复议案件134件");
        assertThat(t1.get(2).message()).contains("中为77（未经复议直接起诉总计与复议后起诉总计之和）");
        assertThat(rules(f)).containsExactlyInAnyOrder("L8", "L8", "T1", "T1", "T1");
        // The seeds' own sentences agree with their tables ("2023年共受理依申请公开5件…无行政复议或诉讼情况").
        Filing liaocheng = new LabelReader(TestSupport.FORMATS).readText(TestSupport.fixtures().resolve("seeds/003_11e9bec94f43c9ea.txt"),
                LabelReader.Hints.NONE).filing();
        assertThat(liaocheng.findings()).noneMatch(x -> x.ruleId().equals("T1"));
    }

    @Test
    void aStoredNumberThatIsNoFiniteNumberInAnotherLayoutIsAnErrorValueNotAnUnreadableFile() throws IOException {
        // Before: <v>NaN</v> in someone else's workbook made the whole file unreadable.
        Path file = tmp.resolve("nan.xlsx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(DIR.resolve("other-layout.xlsx")));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                    String cell = "<c r=\"F14\" s=\"1\" t=\"n\"><v>";
                    assertThat(xml).contains(cell + "3</v>");
                    data = xml.replace(cell + "3</v>", cell + "NaN</v>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        assertThat(r.filing().value("t3.received.natural").number()).isEqualByComparingTo("12");
        assertThat(r.filing().value("t3.received.business")).as("not 3, not 0").isEqualTo(CellValue.BLANK);
        assertThat(r.filing().findings()).filteredOn(x -> x.ruleId().equals("L3")).first()
                .satisfies(x -> assertThat(x.message()).contains("#错误值"));
    }

    @Test
    void aWorkbookLaidOutUnlikeOursIsReadByItsLabels() throws IOException {
        Path file = DIR.resolve("other-layout.xlsx");
        byte[] before = Files.readAllBytes(file);
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.agency()).isEqualTo("某某县应急管理局");
        assertThat(f.year()).isEqualTo(2024);
        assertThat(f.value("t4.review.upheld").number()).isEqualByComparingTo("1");
        assertThat(f.value("t4.review.corrected").number()).as("full-width ０ typed as text").isEqualByComparingTo("0");
        assertThat(f.asFiled("t4.review.total").number()).isEqualByComparingTo("2");
        assertThat(f.value("t3.received.natural").number()).as("text number").isEqualByComparingTo("12");
        assertThat(f.value("t3.received.business").number()).isEqualByComparingTo("3");
        assertThat(f.value("t3.partial.research")).as("“—” is blank").isEqualTo(CellValue.BLANK);
        assertThat(f.value("t3.withheld_5.natural").number()).as("rows under a merged parent").isEqualByComparingTo("0");
        assertThat(row(f, "unable_1")).containsExactly("3", "1", "0", "0", "1", "0", "5");
        assertThat(row(f, "not_processed_2")).containsExactly("1", "0", "0", "0", "0", "0", "1");
        assertThat(f.value("t2.art20_1.normative_docs.in_force").number()).isEqualByComparingTo("1024");
        assertThat(f.value("t2.art20_6.penalty.decisions").number()).isEqualByComparingTo("2676474");
        assertThat(f.value("t2.art20_8.fees.amount").number()).isEqualByComparingTo("25.1");
        assertThat(f.locations().get("t3.received.natural")).satisfies(l -> {
            assertThat(l.sheet()).isEqualTo("统计表");
            assertThat(l.cell()).isEqualTo("E14");
        });
        assertThat(noted(f, Severity.WARNING)).isEmpty();
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L7")).extracting(Finding::cell)
                .as("“—” in 部分公开/科研机构, “251000元” in 收费金额").containsExactlyInAnyOrder("G17", "D55");
        assertThat(rules(f)).containsExactlyInAnyOrder("L8", "L8", "L7", "L7");
        assertThat(cn.nianbao.check.Checker.all(r)).filteredOn(x -> x.severity() == Severity.ERROR).isEmpty();
        assertThat(Files.readAllBytes(file)).as("inputs are never modified").isEqualTo(before);
    }

    @Test
    void unplacedLabelsAndMissingRowsAreFindings() throws IOException {
        Path file = tmp.resolve("甲局-2024.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("表四");
            put(s, 0, "行政复议", null, null, null, null, "行政诉讼");
            put(s, 1, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", null, null, null, null, "复议后起诉");
            put(s, 2, null, null, null, null, null, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                    "结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
            put(s, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            Sheet t2 = wb.createSheet("表二");
            put(t2, 0, "第二十条第（五）项");
            put(t2, 1, "信息内容", "本年处理决定数量");
            put(t2, 2, "行政许可", 3);
            put(t2, 3, "行政审批备案", 7);   // not a national row
            put(t2, 4, "第二十条第（六）项");
            put(t2, 5, "信息内容", "本年处理决定数量");
            put(t2, 6, "行政处罚", 1);
            put(t2, 7, "行政强制", null);   // present, left blank
            wb.write(Files.newOutputStream(file));
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.agency()).as("from the file name").isEqualTo("甲局");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L3")).extracting(Finding::cell)
                .as("the unknown label and its number").containsExactlyInAnyOrder("A4", "B4");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L1")).extracting(Finding::table).containsExactly("三");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L2")).extracting(Finding::row)
                .as("行政强制 is present (left blank), so not missing").containsExactlyInAnyOrder("第二十条第（一）项/规章",
                        "第二十条第（一）项/行政规范性文件", "第二十条第（八）项/行政事业性收费");
        assertThat(rules(f)).containsExactlyInAnyOrder("L8", "L8", "L3", "L3", "L2", "L2", "L2", "L1");
        assertThat(f.value("t2.art20_6.coercion.decisions")).isEqualTo(CellValue.BLANK);
        assertThat(f.locations().get("t2.art20_6.coercion.decisions").cell()).isEqualTo("B8");
        assertThat(f.value("t2.art20_5.licensing.decisions").number()).isEqualByComparingTo("3");
    }

    @Test
    void anXlsWithoutOurIdentityIsReadByLabelsAndAWorkbookWithoutTablesIsUnreadable() throws IOException {
        Path xls = tmp.resolve("乙局2023年报表.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            put(s, 0, "乙局2023年政府信息公开工作年度报告");
            put(s, 1, "第二十条第（五）项");
            put(s, 2, "信息内容", "本年处理决定数量");
            put(s, 3, "行政许可", "1,234");
            wb.write(Files.newOutputStream(xls));
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(xls);
        assertThat(r.readable()).as(r.reason()).isTrue();
        assertThat(r.filing().agency()).isEqualTo("乙局");
        assertThat(r.filing().value("t2.art20_5.licensing.decisions").number()).isEqualByComparingTo("1234");

        Path none = tmp.resolve("丙局2023预算.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            put(wb.createSheet("预算"), 0, "项目", "金额");
            wb.write(Files.newOutputStream(none));
        }
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(none).reason()).contains("不是本工具发出的模板").contains("没有找到");
    }

    @Test
    void labelsNormalize() {
        assertThat(ChineseText.label("⼀、本年新收")).isEqualTo("一、本年新收");
        assertThat(ChineseText.label("（七）總 計")).isEqualTo("(七)总计");
        assertThat(ChineseText.label("應(yīng)急管理部")).isEqualTo("应急管理部");
        assertThat(ChineseText.label("1、属于国家秘密")).isEqualTo("1.属于国家秘密");
        assertThat(ChineseText.label("3.危及“三安全一穩定”")).isEqualTo("3.危及三安全一稳定");
        assertThat(ChineseText.labelCore("三、本年度办理结果")).isEqualTo("本年度办理结果");
        assertThat(ChineseText.labelCore("(三)不予公开")).isEqualTo("不予公开");
    }

    @Test
    void runTogetherEnumeratesOnlySplitsWithoutLeadingZeros() {
        List<List<BigDecimal>> all = RunTogether.splits(List.of("1203"), 3, c -> true);
        assertThat(all).extracting(Object::toString).containsExactlyInAnyOrder("[1, 20, 3]", "[12, 0, 3]");
        assertThat(RunTogether.splits(List.of("12", "3"), 2, c -> true)).singleElement().hasToString("[12, 3]");
        assertThat(RunTogether.splits(List.of("007"), 2, c -> true)).isEmpty();
    }

    @Test
    void mutatedReportsNeverThrowAndAlwaysGetAStatus() throws IOException {
        java.util.Random rnd = new java.util.Random(20261122);
        List<Path> sources = List.of(SEED_000, TestSupport.fixtures().resolve("seeds/003_11e9bec94f43c9ea.txt"),
                DIR.resolve("html-spans.html"), DIR.resolve("run-together-unique.txt"));
        for (int i = 0; i < 120; i++) {
            Path src = sources.get(i % sources.size());
            Path f = tmp.resolve("m" + i + src.getFileName());
            Files.write(f, TestSupport.mutateBytes(Files.readAllBytes(src), rnd));
            ReadResult r = new LabelReader(TestSupport.FORMATS).readText(f, LabelReader.Hints.NONE);
            assertThat(r.readable() || (r.reason() != null && !r.reason().isBlank())).as(f.toString()).isTrue();
            assertThat(r.reason()).as("no internal failure hidden as a reason").satisfiesAnyOf(
                    x -> assertThat(x).isNull(), x -> assertThat(x).doesNotContain("Exception"));
            if (r.readable()) {
                assertThat(r.filing().spec().cells()).isNotEmpty();
            }
        }
    }

    private static List<String> row(Filing f, String row) {
        return f.spec().cells().stream().filter(c -> c.table().key().equals("t3") && c.row().key().equals(row))
                .map(c -> f.asFiled(c.key()).plain()).toList();
    }

    private static void put(Sheet s, int r, Object... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof String t) {
                row.createCell(c).setCellValue(t);
            } else if (cells[c] instanceof Integer i) {
                row.createCell(c).setCellValue(i);
            }
        }
    }

}
