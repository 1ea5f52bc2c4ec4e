package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one XML escaping rule, character by character. */
class XmlTest {
    @Test
    void escapesAsPoisSheetWriter() {
        assertThat(Xml.escape("A&B <局> \"引号\" 'x'")).isEqualTo("A&amp;B &lt;局&gt; &quot;引号&quot; 'x'");
        assertThat(Xml.escape("甲\r\n乙\t丙\u00A0丁")).isEqualTo("甲&#xd;&#xa;乙&#x9;丙&#xa0;丁");
        assertThat(Xml.escape("a\u0001b\uFFFEc\uFFFF")).as("what XML 1.0 cannot hold").isEqualTo("a?b?c?");
        assertThat(Xml.escape("😀")).isEqualTo("😀");
        assertThat(Xml.escape("")).isEmpty();
    }
}
