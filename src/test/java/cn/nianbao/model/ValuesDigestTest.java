package cn.nianbao.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fingerprint that tells an output nobody changed from one a person typed into. */
class ValuesDigestTest {
    private static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    private static final String KEY = "t3.received.natural";

    private static String digest(CellValue v) {
        return ValuesDigest.of(SPEC, k -> k.equals(KEY) ? v : CellValue.BLANK);
    }

    @Test
    void blankZeroAndEachInvalidTextAreDifferent() {
        String blank = digest(CellValue.BLANK);
        String zero = digest(CellValue.Num.of(BigDecimal.ZERO, false));
        String words = digest(new CellValue.Invalid("约5件", "不是数字"));
        String otherWords = digest(new CellValue.Invalid("约6件", "不是数字"));
        assertThat(java.util.List.of(blank, zero, words, otherWords)).doesNotHaveDuplicates();
        assertThat(digest(new CellValue.Invalid("约5件", "另一种说法"))).as("the text counts, not our reason").isEqualTo(words);
        assertThat(ValuesDigest.ofNumbers(SPEC, Map.of(KEY, BigDecimal.ZERO))).isEqualTo(zero);
    }
}
