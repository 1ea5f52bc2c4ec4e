package cn.nianbao.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecTest {

    @Test
    void the2021FormatHasTheNationalTables() {
        FormatSpec s = TestSupport.FORMATS.get("2021");
        assertThat(s.tables()).extracting(TableDef::number).containsExactly("二", "三", "四");
        // 二: 2x3 + 1 + 2 + 1 = 10 cells; 三: 25 rows x 7 columns; 四: 3 groups x 5.
        assertThat(s.cells()).hasSize(10 + 25 * 7 + 15);
        assertThat(s.table("t3").only().rows()).hasSize(25);
        assertThat(s.cell("t3.withheld_3.natural").rowLabel())
                .isEqualTo("三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”");
        assertThat(s.cell("t2.art20_1.rules.issued").rowLabel()).isEqualTo("第二十条第（一）项/规章");
        assertThat(s.cell("t4.suit_after_review.upheld").rowLabel()).isEqualTo("行政诉讼/复议后起诉");
        assertThat(s.cell("t4.suit_after_review.upheld").colLabel()).isEqualTo("结果维持");
        assertThat(s.cell("t2.art20_8.fees.amount").kind()).isEqualTo(Kind.MONEY);
        assertThat(s.cell("t3.result_total.natural").isTotal()).isTrue();
        assertThat(s.cell("t3.carry_forward.natural").isTotal()).as("四 stays an input so R1 is a real check").isFalse();
    }

    @Test
    void rulesAreWrittenOnceAndExpandedPerColumnOrRow() {
        FormatSpec s = TestSupport.FORMATS.get("2021");
        assertThat(s.filingRules()).extracting(RuleDef::id).containsExactly("R1", "R2", "R3", "R4");
        assertThat(s.yearRules()).extracting(RuleDef::id).containsExactly("C1", "C2");
        assertThat(TestSupport.FORMATS.get("2019").yearRules()).extracting(RuleDef::id).containsExactly("C1");
        RuleInstance c1 = s.rule("C1").instances().get(0);
        assertThat(c1.right().terms()).singleElement()
                .isEqualTo(new cn.nianbao.spec.Expr.Term(false, "t3.carry_forward.natural", true));
        RuleInstance c2 = s.rule("C2").instances().get(1);
        assertThat(c2.message()).contains("表二“行政规范性文件”");
        assertThat(c2.right().terms()).extracting(cn.nianbao.spec.Expr.Term::previous).containsExactly(true, false, false);
        assertThat(c2.right().terms().get(2).negative()).isTrue();
        assertThat(s.rule("R1").instances()).hasSize(7);
        assertThat(s.rule("R2").instances()).hasSize(25);
        assertThat(s.rule("R3").instances()).hasSize(7);
        assertThat(s.rule("R4").instances()).hasSize(3);
        RuleInstance r3 = s.rule("R3").instances().get(0);
        assertThat(r3.right().terms()).hasSize(21);
        assertThat(r3.message()).contains("“自然人”列");
        RuleInstance r1 = s.rule("R1").instances().get(6);
        assertThat(r1.left().cells()).containsExactly("t3.received.total", "t3.carried_over.total");
        assertThat(r1.right().cells()).containsExactly("t3.result_total.total", "t3.carry_forward.total");
        assertThat(s.definingInstance("t3.result_total.total").ruleId()).isEqualTo("R2");
    }

    @Test
    void the2019FormatDiffersInTable二AndTheOtherRow() {
        FormatSpec s = TestSupport.FORMATS.get("2019");
        assertThat(s.table("t3").only().rows()).hasSize(23);
        assertThat(s.rule("R3").instances().get(0).right().terms()).hasSize(19);
        assertThat(s.cell("t2.art20_5.licensing.change").kind()).isEqualTo(Kind.SIGNED);
        assertThat(s.cell("t2.art20_9.procurement.amount").kind()).isEqualTo(Kind.MONEY);
        assertThat(s.hasCell("t3.other.natural")).isTrue();
        assertThat(s.hasCell("t3.other_1.natural")).isFalse();
    }

    @Test
    void formatsSayHowTheirCellsMapToEachOther() {
        FormatSpec s19 = TestSupport.FORMATS.get("2019");
        assertThat(s19.sameTables()).containsExactly("t3", "t4");
        assertThat(s19.maps()).hasSize(7);
        CellMap m = s19.maps().get(0);
        assertThat(m.otherFormat()).isEqualTo("2021");
        assertThat(m.left().cells()).containsExactly("t3.other.natural");
        assertThat(m.right().cells()).containsExactly("t3.other_1.natural", "t3.other_2.natural", "t3.other_3.natural");
        assertThat(TestSupport.FORMATS.get("2021").maps().get(0).right().cells()).containsExactly("t3.other.natural");
    }

    @ParameterizedTest
    @CsvSource({"2019,2019", "2020,2019", "2021,2021", "2025,2021"})
    void theFormatFollowsTheYear(int year, String format) {
        assertThat(TestSupport.FORMATS.forYear(year).id()).isEqualTo(format);
    }

    @Test
    void theShippedSpecFilesParse() throws IOException {
        for (String id : TestSupport.FORMATS.ids()) {
            Path p = cn.nianbao.TestSupport.repo().resolve("templates").resolve(id + ".spec");
            FormatSpec s = SpecLoader.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            assertThat(s.id()).isEqualTo(id);
        }
    }

    private static final String MINI = """
            format x
            title mini
            table t3 三 三 layout=matrix
            col a A count
            col b B count
            col total 总计 count total
            row r1 一
            row r2 二
            rule R2 error for=r:t3.rows
              left t3.{r}.total
              right t3.{r}.[a..b]
              message {r}
            """;

    @Test
    void aValidMiniSpecLoads() {
        FormatSpec s = SpecLoader.parse("mini.spec", MINI);
        assertThat(s.cells()).hasSize(6);
        assertThat(s.rule("R2").instances().get(1).message()).isEqualTo("二");
    }

    @Test
    void aDuplicateKeyFailsAtLoadWithFileAndLine() {
        assertThatThrownBy(() -> SpecLoader.parse("dup.spec", MINI.replace("row r2 二", "row r1 二")))
                .isInstanceOf(SpecException.class).hasMessageContaining("dup.spec:8").hasMessageContaining("duplicate row key 'r1'");
    }

    @Test
    void aRuleNamingAnUnknownCellFailsWithFileAndRule() {
        assertThatThrownBy(() -> SpecLoader.parse("bad.spec", MINI.replace("[a..b]", "[a..b] + t3.{r}.c")))
                .isInstanceOf(SpecException.class).hasMessageContaining("bad.spec:9: rule R2")
                .hasMessageContaining("unknown cell 't3.r1.c'");
    }

    @Test
    void aBadExpressionFailsWithFileAndRule() {
        assertThatThrownBy(() -> SpecLoader.parse("bad.spec", MINI.replace("right t3.{r}.[a..b]", "right t3.{r}.a + + t3.{r}.b")))
                .isInstanceOf(SpecException.class).hasMessageContaining("rule R2").hasMessageContaining("bad expression");
        assertThatThrownBy(() -> SpecLoader.parse("bad.spec", MINI.replace("right t3.{r}.[a..b]", "right t3.{r}.a t3.{r}.b")))
                .isInstanceOf(SpecException.class).hasMessageContaining("missing + or -");
        assertThatThrownBy(() -> SpecLoader.parse("bad.spec", MINI.replace("right t3.{r}.[a..b]", "right t3.{r}.a +")))
                .isInstanceOf(SpecException.class).hasMessageContaining("bad expression");
    }

    @Test
    void aTotalThatNoRuleComputesFails() {
        assertThatThrownBy(() -> SpecLoader.parse("t.spec", MINI.replace("row r2 二", "row r2 二 total")
                        .replace("for=r:t3.rows", "for=r:t3.rows")))
                .isInstanceOf(SpecException.class);
        String noRule = MINI.substring(0, MINI.indexOf("rule R2"));
        assertThatThrownBy(() -> SpecLoader.parse("t.spec", noRule))
                .isInstanceOf(SpecException.class).hasMessageContaining("total cell t3.r1.total");
    }

    @Test
    void anUnknownStatementOrKindFails() {
        assertThatThrownBy(() -> SpecLoader.parse("k.spec", MINI.replace("col b B count", "col b B money2")))
                .isInstanceOf(SpecException.class).hasMessageContaining("k.spec:5").hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> SpecLoader.parse("k.spec", MINI + "colour red\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown statement 'colour'");
    }

    @Test
    void everySpecFileInTheTemplatesFolderIsBuiltIn() throws IOException {
        List<String> files;
        try (java.util.stream.Stream<Path> st = Files.list(TestSupport.repo().resolve("templates"))) {
            files = st.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spec")).sorted().toList();
        }
        assertThat(TestSupport.FORMATS.all()).extracting(f -> f.source().replace("templates/", "")).containsExactlyElementsOf(files);
    }
}
