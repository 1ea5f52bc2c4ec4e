package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one number parser: a clerk's text in a cell, a published table's value, an xlsx cell's stored text. */
class NumberTextTest {
    private static void cell(String text, String number) {
        assertThat(NumberText.cell(text)).as("[%s]", text).isEqualTo(new BigDecimal(number));
    }

    private static void notCell(String... texts) {
        for (String t : texts) {
            assertThat(NumberText.cell(t)).as("[%s]", t).isNull();
        }
    }

    @Test
    void cellModeTakesWhatASpreadsheetTakesFromTyping() {
        cell("12", "12");
        cell("１２", "12");
        cell("1,234", "1234");
        cell("1,234,567.25", "1234567.25");
        cell(" 7 ", "7");
        cell("1 234", "1234");
        cell("1\u3000234\u00a0", "1234");
        cell("+5", "5");
        cell("-3", "-3");
        cell("－3", "-3");
        cell(".5", "0.5");
        cell("-.5", "-0.5");
        cell("5.", "5");
        cell("5.0", "5.0");
        cell("007", "7");
        assertThat(NumberText.cell("5.0").scale()).as("as written; callers normalise").isEqualTo(1);
        notCell(null, "", " ", "无", "—", "-", "+", ".", "5元", "abc", "1e5", "1.2.3", "1,23", "12,3456", ",123",
                "1234,567", "1,234.", "1,,234", "--5", "5-", "0x10");
    }

    @Test
    void reportModeReadsUnitsAndBlankMarksAndRejectsNumbering() {
        NumberText.Reading r = NumberText.report(" 251000元 ");
        assertThat(r.number()).isEqualTo(new BigDecimal("251000"));
        assertThat(r.unit()).isEqualTo("元");
        assertThat(r.raw()).isEqualTo("251000元");
        assertThat(r.blankMark()).isFalse();
        assertThat(r.digits()).as("a unit: not a run to cut").isNull();
        assertThat(NumberText.report("25.1万元").unit()).isEqualTo("万元");
        assertThat(NumberText.report("3件").number()).isEqualTo(new BigDecimal("3"));
        for (String unit : new String[] {"个", "项", "次", "起", "宗", "条"}) {
            assertThat(NumberText.report("4" + unit).unit()).isEqualTo(unit);
        }
        assertThat(NumberText.report("元")).as("a unit alone").isNull();
        assertThat(NumberText.report("2,676,474").number()).isEqualTo(new BigDecimal("2676474"));
        assertThat(NumberText.report("-3").number()).isEqualTo(new BigDecimal("-3"));
        assertThat(NumberText.report("+2").number()).isEqualTo(new BigDecimal("2"));
        assertThat(NumberText.report("－3").number()).isEqualTo(new BigDecimal("-3"));
        assertThat(NumberText.report("１２").number()).isEqualTo(new BigDecimal("12"));
        assertThat(NumberText.report("337.94").number()).isEqualTo(new BigDecimal("337.94"));
        for (String mark : new String[] {"—", "——", "–", "-", "--", "－", "/", "／", "\\", "无", "空", "不涉及", "N/A", "n/a", "NA", " — "}) {
            NumberText.Reading b = NumberText.report(mark);
            assertThat(b).as("[%s]", mark).isNotNull();
            assertThat(b.blankMark()).as("[%s] is blank, not 0", mark).isTrue();
            assertThat(b.number()).isNull();
            assertThat(b.raw()).isEqualTo(mark.strip());
        }
        for (String no : new String[] {"", " ", "1.", "5.", ".5", "1、", "第3页", "1,23", "abc", "—5", "5元元", "1e5"}) {
            assertThat(NumberText.report(no)).as("[%s]", no).isNull();
        }
    }

    @Test
    void reportModeTellsABareRunOfDigitsThatARunTogetherRowMayCut() {
        assertThat(NumberText.report("640020470").digits()).isEqualTo("640020470");
        assertThat(NumberText.report(" １２ ").digits()).isEqualTo("12");
        assertThat(NumberText.report("0000000").digits()).isEqualTo("0000000");
        assertThat(NumberText.report("20 0 00").number()).as("spaces inside are dropped").isEqualTo(new BigDecimal("20000"));
        assertThat(NumberText.report("20 0 00").digits()).as("but it is not one run").isNull();
        for (String notRun : new String[] {"1,234", "-5", "+5", "12.5", "5件", "—"}) {
            assertThat(NumberText.report(notRun).digits()).as(notRun).isNull();
        }
    }

    @Test
    void bothTextModesDropTheInvisibleCharactersThatChineseTextDrops() {
        // Zero-width space, byte-order mark and line separator: invisible in the cell, as spaces are.
        assertThat(NumberText.cell("1\u200b2")).isEqualTo(new BigDecimal("12"));
        assertThat(NumberText.cell("\ufeff5\u2028")).isEqualTo(new BigDecimal("5"));
        assertThat(NumberText.report("\u200b8").number()).isEqualTo(new BigDecimal("8"));
    }

    @Test
    void xlsxValueReadsPlainDecimalsFastAndTheRestAsADouble() {
        assertThat(NumberText.xlsxValue("337.94")).isEqualTo(337.94);
        assertThat(NumberText.xlsxValue(new StringBuilder("-3"))).isEqualTo(-3.0);
        assertThat(NumberText.xlsxValue("1.0E7")).isEqualTo(1e7);
        assertThat(NumberText.xlsxValue("2.1000000000000001")).isEqualTo(2.1);
        assertThat(NumberText.xlsxValue(" 5 ")).isEqualTo(5.0);
        assertThat(NumberText.xlsxValue("9999999999999999")).isEqualTo(9999999999999999.0);
        assertThat(NumberText.plainDecimal("1.0E7")).as("left to the general parse").isNaN();
        assertThat(NumberText.plainDecimal("9999999999999999")).as("16 digits: left to the general parse").isNaN();
        assertThat(NumberText.plainDecimal(" 5")).isNaN();
        assertThat(NumberText.plainDecimal("")).isNaN();
        assertThatThrownBy(() -> NumberText.xlsxValue("abc")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> NumberText.xlsxValue("")).isInstanceOf(NumberFormatException.class);
    }
}
