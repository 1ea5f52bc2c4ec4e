package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published reports as they really are: numbers run together and split by the whole table's
 * rules, a page number among a row's numbers, 2021 reports printing （六） as one row, shortened and
 * misprinted labels, totals that disagree, empty columns, and agency and year only in the body.
 */
class MessyReportsTest {
    private static final Path SEED_000 = TestSupport.fixtures().resolve("seeds/000_a201d3f6644c5ea6.txt");
    private static final Path SEED_003 = TestSupport.fixtures().resolve("seeds/003_11e9bec94f43c9ea.txt");

    @TempDir
    Path tmp;

    private Filing read(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(f, LabelReader.Hints.NONE);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    private static Filing seed(Path p) {
        return new LabelReader(TestSupport.FORMATS).readText(p, LabelReader.Hints.NONE).filing();
    }

    private static List<String> row(Filing f, String table, String row) {
        return f.spec().cells().stream().filter(c -> c.table().key().equals(table) && c.row().key().equals(row))
                .map(c -> f.asFiled(c.key()).plain()).toList();
    }

    private static List<Finding> of(Filing f, String rule) {
        return f.findings().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    /** Seed 000's text with its tables (from table 二's heading to section 五) changed by {@code edit}. */
    private static String seed000(java.util.function.UnaryOperator<String> edit) throws IOException {
        return edit.apply(Files.readString(SEED_000, StandardCharsets.UTF_8));
    }

    @Test
    void table4RunTogetherAsOneNumberIsSplitByItsGroupTotals() throws IOException {
        // 1,0,2,0,3 | 12,0,0,0,12 | 0,0,0,0,0: 17 digits for 15 cells; only one cut keeps each group's 总计.
        Filing f = read("甲局2024年政府信息公开工作年度报告.txt", """
                甲局2024年政府信息公开工作年度报告
                四、政府信息公开行政复议、行政诉讼情况
                行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
                结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
                10203120001200000
                五、存在的主要问题及改进情况
                """);
        assertThat(row(f, "t4", "review")).containsExactly("1", "0", "2", "0", "3");
        assertThat(row(f, "t4", "suit_direct")).containsExactly("12", "0", "0", "0", "12");
        assertThat(row(f, "t4", "suit_after_review")).containsExactly("0", "0", "0", "0", "0");
        assertThat(of(f, "L6")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("10203120001200000").contains("只有一种读法");
        });
    }

    @Test
    void strayAndMissingSpacesInARowAreSplitByItsTotal() throws IOException {
        Filing f = read("a.txt", seed000(t -> t.replace("一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1",
                "一、本年新收政府信息公开申请数量 230 000023").replace("(七) 总计\t1\t0\t0\t0\t0\t0\t1", "(七) 总计\t23\t0\t0\t0\t0\t0\t23")));
        assertThat(row(f, "t3", "received")).containsExactly("23", "0", "0", "0", "0", "0", "23");
        assertThat(of(f, "L6")).singleElement().satisfies(x -> assertThat(x.message()).contains("230 000023"));
    }

    @Test
    void aStraySpaceInsideTheNumberOfARowPrintedRunTogetherIsReadAsOneNumberButSpacesApartFromTheLabelPartCells() throws IOException {
        // The row printed run together ("行政许可57 7"): the space inside the numbers is stray, 577 the only reading.
        Filing f = read("s.txt", seed000(t -> t.replace("行政许可\t577\t\t", "行政许可57 7\t\t")));
        assertThat(f.value("t2.art20_5.licensing.decisions")).isEqualTo(CellValue.Num.of(new java.math.BigDecimal("577"), false));
        assertThat(of(f, "L6")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("零散的空格").contains("57 7").contains("577");
        });
        // Numbers a space or a tab apart from the label and from each other are two cells' values: for a row
        // of one cell that is an error, never 577.
        for (String row : List.of("行政许可 57 7\t\t", "行政许可\t57\t7\t")) {
            Filing g = read("t.txt", seed000(t -> t.replace("行政许可\t577\t\t", row)));
            assertThat(g.value("t2.art20_5.licensing.decisions")).as(row).isEqualTo(CellValue.BLANK);
            assertThat(of(g, "L5")).as(row).singleElement().satisfies(x -> assertThat(x.message()).contains("57 7"));
        }
    }

    @Test
    void aRowTheRowRuleLeavesAmbiguousIsSettledByTheColumnsIdentities() throws IOException {
        // 四、结转 "011000011" is 0,1,10,0,0,0,11 or 0,11,0,0,0,0,11 by its own total; R1 (一+二 = 三（七）+ 四)
        // in the 商业企业 column (11 + 0 = 0 + 四) leaves the second.
        String text = Files.readString(TestSupport.fixtures().resolve("import/run-together-ambiguous.txt"), StandardCharsets.UTF_8)
                .replace("一、本年新收政府信息公开申请数量640020470", "一、本年新收政府信息公开申请数量64 11 0 2 0 4 81");
        Filing f = read("b.txt", text);
        assertThat(row(f, "t3", "carry_forward")).containsExactly("0", "11", "0", "0", "0", "0", "11");
        assertThat(of(f, "L6")).filteredOn(x -> x.message().contains("011000011")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("整张表的规则");
        });
    }

    @Test
    void aSignRunIntoTheNextCellOf2019IsNeverGuessed() throws IOException {
        // 上一年项目数量 2648, then 本年增/减 and 处理决定数量 run together as "-18538": four cuts, no rule between them.
        String text = Files.readString(TestSupport.fixtures().resolve("import/format-2019.txt"), StandardCharsets.UTF_8)
                .replace("行政许可|12|-3|1,205", "行政许可|2648-18538");
        Filing f = read("c.txt", text);
        assertThat(f.spec().id()).isEqualTo("2019");
        assertThat(f.value("t2.art20_5.licensing.prev_count")).isEqualTo(CellValue.BLANK);
        assertThat(f.value("t2.art20_5.licensing.change")).isEqualTo(CellValue.BLANK);
        assertThat(of(f, "L6")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("2648 -18538").contains("4种").contains("2648、-185、38").contains("按空白处理");
        });
    }

    @Test
    void aPageNumberStandingAmongARowsNumbersIsDroppedByTheRowsTotal() throws IOException {
        // Seed 003 prints one number a line: "5" (a page number) between 4 and 1 of row 一 (4,1,0,0,0,0,5).
        String text = Files.readString(SEED_003, StandardCharsets.UTF_8);
        int at = text.indexOf("一、本年新收政府信息公开申请数量");
        int four = text.indexOf("\t4\n", at);
        Filing f = read("d.txt", text.substring(0, four + 3) + "\n5\n\n" + text.substring(four + 3));
        assertThat(row(f, "t3", "received")).containsExactly("4", "1", "0", "0", "0", "0", "5");
        assertThat(of(f, "L6")).singleElement().satisfies(x -> assertThat(x.message()).contains("页码"));
        Filing want = seed(SEED_003);
        for (CellDef c : want.spec().cells()) {
            assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
        }
    }

    /** Table 三's column header as a wide table repeats it at the top of the next page. */
    private static final String T3_HEADER = """
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
            \t自然人\t法人或其他组织\t总计
            \t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
            """;

    @Test
    void aLabelCutByAPageBreakWithTheHeaderRepeatedIsWholeAgain() throws IOException {
        // "5.要求行政机关确认或重新" and its numbers, the footer, the header again, then "出具已获取信息" (焦作's PDF).
        Filing f = read("f.txt", seed000(t -> t.replace("5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
                "5.要求行政机关确认或重新\t0\t0\t0\t0\t0\t0\t0\n\n— 3 —\n" + T3_HEADER + "\t\t出具已获取信息")));
        Filing want = seed(SEED_000);
        for (CellDef c : want.spec().cells()) {
            assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
        }
        assertThat(f.findings()).filteredOn(x -> x.ruleId().matches("L[1-7]")).isEmpty();
    }

    @Test
    void aBarePageNumberInsideALabelIsNoValueButAValueBeforeARepeatedHeaderStays() throws IOException {
        // Seed 000: "（四）无" | page number "3" | header again | "法提供" — the 3 is no value of row 8 before it.
        Filing f = read("g.txt", seed000(t -> t.replaceFirst("\\t\\(四\\) ?无法提供\\t", "\t(四)无\n\n3\n\n" + T3_HEADER + "\t法提供\t")));
        Filing want = seed(SEED_000);
        for (CellDef c : want.spec().cells()) {
            assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
        }
        assertThat(f.findings()).filteredOn(x -> x.ruleId().matches("L[1-7]")).isEmpty();
        // Seed 003 prints one number a line: row 一's last value "5" right before a page break and the header again is a value.
        String text = Files.readString(SEED_003, StandardCharsets.UTF_8);
        int at = text.indexOf("\t5\n", text.indexOf("一、本年新收政府信息公开申请数量"));
        Filing g = read("h.txt", text.substring(0, at + 3) + "\n" + T3_HEADER + text.substring(at + 3));
        assertThat(row(g, "t3", "received")).containsExactly("4", "1", "0", "0", "0", "0", "5");
        Filing want3 = seed(SEED_003);
        for (CellDef c : want3.spec().cells()) {
            assertThat(g.asFiled(c.key())).as(c.key()).isEqualTo(want3.asFiled(c.key()));
        }
    }

    @Test
    void tablesOutOfOrderOrMissingAreReadWhereTheyAreAndAMissingOneIsDeclared() throws IOException {
        String text = Files.readString(SEED_000, StandardCharsets.UTF_8);
        int t2 = text.indexOf("二、主动公开政府信息情况");
        int t3 = text.indexOf("三、收到和处理政府信息公开申请情况");
        int t4 = text.indexOf("四、政府信息公开行政复议、行政诉讼情况");
        int end = text.indexOf("五、存在的主要问题及改进情况");
        String head = text.substring(0, t2);
        String two = text.substring(t2, t3);
        String three = text.substring(t3, t4);
        String four = text.substring(t4, end);
        String tail = text.substring(end);
        Filing want = seed(SEED_000);
        // Order 四, 三, 二: every table read where it stands.
        Filing f = read("o.txt", head + four + three + two + tail);
        for (CellDef c : want.spec().cells()) {
            assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
        }
        assertThat(f.findings()).filteredOn(x -> x.ruleId().matches("L[1-7]")).isEmpty();
        // Order 三, 四 and no table 二: 二 declared missing (L1) and blank, the others exact.
        Filing g = read("m.txt", head + three + four + tail);
        for (CellDef c : want.spec().cells()) {
            if (c.table().key().equals("t2")) {
                assertThat(g.value(c.key())).as(c.key()).isEqualTo(CellValue.BLANK);
            } else {
                assertThat(g.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
            }
        }
        assertThat(of(g, "L1")).singleElement().satisfies(x -> assertThat(x.message()).contains("表二"));
        assertThat(g.findings()).filteredOn(x -> x.ruleId().matches("L[2-7]")).isEmpty();
    }

    @Test
    void a2021ReportPrintingSection6AsOneRowKeepsEverythingElse() throws IOException {
        Filing f = read("e.txt", seed000(t -> t.replaceAll(
                "\t\\(六\\) 其他处理\t1\\.申请人无正当理由[^\\n]*\\n\t\t2\\.申请人逾期[^\\n]*\\n3\\.其他\t\t0\t0\t0\t0\t0\t0\t0\t\\n",
                "\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\n")));
        assertThat(f.spec().id()).isEqualTo("2021");
        for (String r : List.of("other_1", "other_2", "other_3")) {
            assertThat(row(f, "t3", r)).as(r).containsOnly("");
        }
        assertThat(row(f, "t3", "result_total")).containsExactly("1", "0", "0", "0", "0", "0", "1");
        assertThat(row(f, "t3", "not_processed_5")).containsOnly("0");
        assertThat(of(f, "L2")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("（六）其他处理").contains("只印了一行").contains("按空白处理");
        });
        assertThat(of(f, "L5")).isEmpty();
        Filing want = seed(SEED_000);
        long same = want.spec().cells().stream().filter(c -> f.asFiled(c.key()).equals(want.asFiled(c.key()))).count();
        assertThat(same).as("all but the three （六） rows").isEqualTo(want.spec().cells().size() - 21);
    }

    @Test
    void shortenedAndMisprintedLabelsAreReadByTheirLikenessWithANote() throws IOException {
        Filing f = read("f.txt", seed000(t -> t.replace("行政规范性文件\t0", "规范性文件\t0")
                .replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开").replace("1.属于国家秘密", "1、属于国家秘密")));
        Filing want = seed(SEED_000);
        for (CellDef c : want.spec().cells()) {
            assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
        }
        assertThat(of(f, "L4")).extracting(Finding::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("规范性文件").contains("行政规范性文件"),
                m -> assertThat(m).contains("其他法律行政止公开").contains("其他法律行政法规禁止公开"));
        assertThat(of(f, "L4")).allMatch(x -> x.severity() == Severity.INFO);
    }

    @Test
    void aPublishedTotalThatDisagreesIsKeptAsFiledAndFlagged() throws IOException {
        Filing f = read("g.txt", seed000(t -> t.replace("(七) 总计\t1\t0\t0\t0\t0\t0\t1", "(七) 总计\t0\t0\t0\t0\t0\t0\t0")));
        assertThat(f.asFiled("t3.result_total.natural").number()).isEqualByComparingTo("0");
        ReadResult r = new ReadResult(f.file(), f, null);
        assertThat(Checker.all(r)).extracting(Finding::ruleId).contains("R1", "R3");
    }

    @Test
    void emptyCellsAreBlankNeverZeroEvenAWholeColumn() throws IOException {
        // The 商业企业 column left empty in every row of table 三 (tab-separated: the empty cell is there).
        Filing f = read("h.txt", seed000(t -> t.replaceAll("(?m)(\\t\\d+\\t)\\d+((?:\\t\\d+){5}\\t*)$", "$1$2")));
        assertThat(row(f, "t3", "received")).containsExactly("1", "", "0", "0", "0", "0", "1");
        assertThat(f.spec().cells().stream().filter(c -> c.table().key().equals("t3") && c.col().key().equals("business"))
                .filter(c -> !f.asFiled(c.key()).isBlank()).map(CellDef::key)).isEmpty();
        assertThat(row(f, "t3", "withheld_6")).containsExactly("1", "", "0", "0", "0", "0", "1");
    }

    @Test
    void numbersPrintedBeforeOrAfterTheirLabelsAreNotShiftedIntoOtherRows() throws IOException {
        // pdftotext without -layout: "4" before "行政许可", "5" after "行政处罚", the fee's "0" before its label.
        // Taken in row order, 行政许可 would get 5 and 行政处罚 the fee's 0.
        Path f = TestSupport.fixtures().resolve("corpus/尖山区应急管理局-2023/pdftotext.txt");
        Filing r = new LabelReader(TestSupport.FORMATS).readText(f, new LabelReader.Hints("尖山区应急管理局", 2023, null)).filing();
        // The seed says 4, 5 and 0: each cell holds its own number or is blank with an error, never another row's.
        assertThat(r.asFiled("t2.art20_5.licensing.decisions").plain()).as("the one number between its block's heading and label")
                .isEqualTo("4");
        assertThat(r.asFiled("t2.art20_6.penalty.decisions").plain()).isEqualTo("5");
        var coercion = r.asFiled("t2.art20_6.coercion.decisions");
        assertThat(coercion.isBlank() || coercion.plain().equals("0")).as(coercion.plain()).isTrue();
        if (coercion.isBlank()) {
            assertThat(of(r, "L5")).anySatisfy(x -> assertThat(x.message()).contains("行政强制"));
        }
    }
}
