package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table 二 as plain {@code pdftotext} prints a LibreOffice PDF (no -layout): the cells of each
 * 第二十条 block come in an order of their own — a one-row block's number before its row's label, a
 * page's form feed before a number. Every number lands in its own row or is declared; none ever
 * moves to the next row.
 */
class PdfTextOrderTest {
    @TempDir
    Path tmp;

    private Filing read(String text) throws IOException {
        Path f = tmp.resolve("甲局2023年政府信息公开工作年度报告.txt");
        Files.writeString(f, "甲局2023年政府信息公开工作年度报告\n" + text, StandardCharsets.UTF_8);
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(f, LabelReader.Hints.NONE);
        assertThat(r.readable()).as(r.reason()).isTrue();
        assertThat(r.filing().spec().id()).isEqualTo("2021");
        return r.filing();
    }

    private static String cell(Filing f, String key) {
        return f.asFiled(key).plain();
    }

    private static List<Finding> errorsOf(Filing f, String rule, String row) {
        return f.findings().stream().filter(x -> x.ruleId().equals(rule) && x.severity() == Severity.ERROR
                && x.message().contains(row)).toList();
    }

    /** The text of 尖山区应急管理局's 2023 report, its numbers made distinct (1 … 7.5). */
    private static final String BLOCKS = """
            二、主动公开政府信息情况
            第二十条第（一）项
            信息内容

            本年制发件数

            本年废止件数

            现行有效件数

            规章

            0

            0

            0

            行政规范性文件

            1

            2

            3

            第二十条第（五）项
            信息内容

            本年处理决定数量
            4

            行政许可
            第二十条第（六）项
            信息内容

            本年处理决定数量

            行政处罚

            5

            行政强制

            6
            第二十条第（八）项

            —2—

            信息内容

            本年收费金额（单位：万元）
            7.5

            行政事业性收费

            三、收到和处理政府信息公开申请情况
            """;

    @Test
    void aOneRowBlocksNumberPrintedBeforeItsLabelIsItsOwnAndNoNumberMovesToTheNextRow() throws IOException {
        Filing f = read(BLOCKS);
        assertThat(cell(f, "t2.art20_1.normative_docs.issued")).isEqualTo("1");
        assertThat(cell(f, "t2.art20_1.normative_docs.repealed")).isEqualTo("2");
        assertThat(cell(f, "t2.art20_1.normative_docs.in_force")).isEqualTo("3");
        assertThat(cell(f, "t2.art20_5.licensing.decisions")).isEqualTo("4");
        assertThat(cell(f, "t2.art20_6.penalty.decisions")).isEqualTo("5");
        assertThat(cell(f, "t2.art20_6.coercion.decisions")).isEqualTo("6");
        assertThat(cell(f, "t2.art20_8.fees.amount")).isEqualTo("7.5");
        assertThat(f.findings()).noneMatch(x -> x.table() != null && x.table().equals("二") && x.severity() == Severity.ERROR);
    }

    @Test
    void numbersAboveALabelThatDoNotFitItsCellsAreDeclaredNotShifted() throws IOException {
        // Two numbers above 行政许可's label, one cell: neither is taken, and neither moves on to 行政处罚.
        Filing f = read(BLOCKS.replace("本年处理决定数量\n4\n", "本年处理决定数量\n4\n\n8\n"));
        assertThat(cell(f, "t2.art20_5.licensing.decisions")).isEmpty();
        assertThat(errorsOf(f, "L5", "行政许可")).hasSize(1);
        assertThat(f.findings()).anyMatch(x -> x.ruleId().equals("L3") && x.message().contains("“4”"));
        assertThat(cell(f, "t2.art20_6.penalty.decisions")).isEqualTo("5");
        assertThat(cell(f, "t2.art20_6.coercion.decisions")).isEqualTo("6");
    }

    @Test
    void withoutBlockHeadingsARowWithNoNumberNeverTakesTheNextBlocksNumbers() throws IOException {
        // No 第二十条 headings: 行政许可 has no number, and 行政强制 two; taking the three in row
        // order would move 5 to 行政许可 and 6 to 行政处罚.
        Filing f = read("""
                二、主动公开政府信息情况
                信息内容 本年制发件数 本年废止件数 现行有效件数
                规章 0 0 0
                行政规范性文件 1 2 3
                行政许可
                行政处罚 5
                行政强制 6 7
                行政事业性收费 7.5
                三、收到和处理政府信息公开申请情况
                """);
        assertThat(cell(f, "t2.art20_5.licensing.decisions")).isEmpty();
        assertThat(errorsOf(f, "L5", "行政许可")).hasSize(1);
        assertThat(cell(f, "t2.art20_6.penalty.decisions")).isEqualTo("5");
        assertThat(cell(f, "t2.art20_6.coercion.decisions")).isEmpty();
        assertThat(errorsOf(f, "L5", "行政强制")).hasSize(1);
        assertThat(cell(f, "t2.art20_8.fees.amount")).isEqualTo("7.5");
    }

    @Test
    void aNumberOpeningAPageWhoseEndBoreItsPageMarkIsAValueNotAPageNumber() throws IOException {
        // 焦作市应急管理局's layout: "—2—", then the next page starts with a form feed and 577.
        Filing f = read(BLOCKS.replace("本年处理决定数量\n4\n", "本年处理决定数量\n\n—2—\n\n\f577\n"));
        assertThat(cell(f, "t2.art20_5.licensing.decisions")).isEqualTo("577");
        assertThat(cell(f, "t2.art20_6.penalty.decisions")).isEqualTo("5");
    }

    @Test
    void aBareNumberEndingAPageIsStillItsPageNumber() throws IOException {
        // "2" before the form feed, no other mark: the page's number, not 行政许可's.
        Filing f = read(BLOCKS.replace("本年处理决定数量\n4\n", "本年处理决定数量\n4\n2\n\f\n"));
        assertThat(cell(f, "t2.art20_5.licensing.decisions")).isEqualTo("4");
    }
    /** A corpus text (plain pdftotext of a LibreOffice PDF of a seed's report), changed by {@code edit}, read. */
    private Filing corpus(String agencyYear, java.util.function.UnaryOperator<String> edit) throws IOException {
        String text = Files.readString(TestSupport.fixtures().resolve("corpus/" + agencyYear + "/pdftotext.txt"), StandardCharsets.UTF_8);
        String changed = edit.apply(text);
        assertThat(changed).isNotEqualTo(text);
        Path f = tmp.resolve(agencyYear + ".txt");
        Files.writeString(f, changed, StandardCharsets.UTF_8);
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(f, LabelReader.Hints.NONE);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    private static List<String> t3(Filing f, String row) {
        return f.spec().cells().stream().filter(c -> c.table().key().equals("t3") && c.row().key().equals(row))
                .map(c -> f.asFiled(c.key()).plain()).toList();
    }

    @Test
    void table3NumbersPrintedBeforeTheirLabelsAreTakenInRowOrderOnlyWhileEachRowKeepsItsTotal() throws IOException {
        // 衢州: "8.属于行政查询事项" then 21 numbers (its own, then those of （四）1 and 2, whose labels pdftotext
        // prints further down, after the group labels): read in row order, each row's total holds.
        Filing f = corpus("衢州市应急管理局-2024", t -> t + "\n");
        assertThat(t3(f, "withheld_8")).containsOnly("0");
        assertThat(t3(f, "unable_1")).containsExactly("2", "0", "0", "0", "0", "0", "2");
        assertThat(t3(f, "unable_2")).containsOnly("0");
        assertThat(f.findings()).anyMatch(x -> x.ruleId().equals("L5") && x.severity() == Severity.INFO
                && x.message().contains("8.属于行政查询事项") && x.message().contains("2.没有现成信息需要另行制作")
                && x.message().contains("21个数字") && x.message().contains("数字在前"));
        // The same with （四）1's numbers out of row order (its total second): nothing is moved, nothing read wrong.
        Filing g = corpus("衢州市应急管理局-2024", t -> t.replace("8.属于行政查询事项" + "\n\n0".repeat(7) + "\n\n2\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2",
                "8.属于行政查询事项" + "\n\n0".repeat(7) + "\n\n2\n\n2\n\n0\n\n0\n\n0\n\n0\n\n0"));
        assertThat(t3(g, "unable_1")).containsOnly("");
        assertThat(t3(g, "withheld_8")).containsOnly("");
        assertThat(errorsOf(g, "L5", "8.属于行政查询事项")).isNotEmpty();
    }

    @Test
    void aPieceOfAGroupLabelAfterAWholeRowsNumbersStartsTheNextRowsNumbers() throws IOException {
        // 聊城: "二、上年结转…" 0×7, then "三、本" (of the vertical 三、本年度办理结果), then （一）予以公开's 3 1 0 0 0 0 4
        // before its label.
        Filing f = corpus("聊城市应急管理局-2023", t -> t + "\n");
        assertThat(t3(f, "carried_over")).containsOnly("0");
        assertThat(t3(f, "disclosed")).containsExactly("3", "1", "0", "0", "0", "0", "4");
        // "三、本" after six of the row's seven numbers is text among its numbers: the row is declared, never shifted.
        Filing g = corpus("聊城市应急管理局-2023", t -> t.replace("0\n\n0\n\n三、本\n\n3", "0\n\n三、本\n\n0\n\n3"));
        assertThat(t3(g, "carried_over")).containsOnly("");
        assertThat(t3(g, "disclosed")).containsOnly("");
    }
}
