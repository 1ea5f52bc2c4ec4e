package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    @Test
    void aRealCodeIsValid() {
        // 衢州市应急管理局, from the 索引号 of its published 2024 report (seed 001).
        assertThat(CreditCode.problem("11330800002618736G")).isNull();
    }

    @Test
    void aWrongCheckCharacterIsNamed() {
        assertThat(CreditCode.problem("11330800002618736H")).contains("第18位应为“G”");
    }

    @Test
    void lengthAndForbiddenCharactersAreNamed() {
        assertThat(CreditCode.problem("1133080000261873")).contains("应为18位");
        assertThat(CreditCode.problem("1133080000261873IG")).contains("第17位“I”");
    }

    @Test
    void fullWidthAndLowerCaseAreNormalized() {
        assertThat(CreditCode.normalize(" １１330800002618736g ")).isEqualTo("11330800002618736G");
    }
}
