package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one normaliser of Chinese text: its common start, its two modes, and its one table. */
class ChineseTextTest {
    @Test
    void compactFoldsWidthAndDropsEveryInvisibleCharacterOnly() {
        assertThat(ChineseText.compact("１２\u3000３\u00a0,\u200b4\ufeff\t5\n")).isEqualTo("123,45");
        assertThat(ChineseText.compact("⼀、本年新收")).isEqualTo("一、本年新收");
        assertThat(ChineseText.compact("結轉“1、”")).as("nothing but width and invisibles").isEqualTo("結轉“1、”");
        assertThat(ChineseText.compact(null)).isEmpty();
        assertThat(ChineseText.compact("\u2028 \u200b")).isEmpty();
    }

    @Test
    void labelModeErasesEverySpellingOfALabel() {
        assertThat(ChineseText.label("⼀、本年新收")).isEqualTo("一、本年新收");
        assertThat(ChineseText.label("（七）總 計")).isEqualTo("(七)总计");
        assertThat(ChineseText.label("應(yīng)急管理部")).isEqualTo("应急管理部");
        assertThat(ChineseText.label("1、属于国家秘密")).isEqualTo("1.属于国家秘密");
        assertThat(ChineseText.label("一、本年新收")).as("a 、 after a Chinese numeral stays").isEqualTo("一、本年新收");
        assertThat(ChineseText.label("3.危及“三安全一穩定”")).isEqualTo("3.危及三安全一稳定");
        assertThat(ChineseText.label("「其他」‘处理’'x'\"y\"")).isEqualTo("其他处理xy");
        assertThat(ChineseText.label("【一】〔二〕")).isEqualTo("(一)(二)");
        assertThat(ChineseText.label("（三）不予公开\u200b\ufeff\n")).isEqualTo("(三)不予公开");
        assertThat(ChineseText.label("AB局")).as("case is kept").isEqualTo("AB局");
        assertThat(ChineseText.label(null)).isEmpty();
        assertThat(ChineseText.labelCore(ChineseText.label("三、本年度办理结果"))).isEqualTo("本年度办理结果");
        assertThat(ChineseText.labelCore(ChineseText.label("（三）不予公开"))).isEqualTo("不予公开");
        assertThat(ChineseText.labelCore("(三)1.属于国家秘密")).isEqualTo("属于国家秘密");
    }

    @Test
    void nameModeIsAMatchingKeyThatKeepsWhatMakesTwoAgenciesTwo() {
        assertThat(ChineseText.name(" 尖山區 應急管理局 ")).isEqualTo("尖山区应急管理局");
        assertThat(ChineseText.name("ＡＢＣ（一）")).isEqualTo("abc(一)");
        assertThat(ChineseText.name("\ufeff衢州市\u200b应急管理局\r\n")).isEqualTo("衢州市应急管理局");
        assertThat(ChineseText.name(null)).isEmpty();
        // What the label mode erases is part of a name: a Latin word in brackets, quotes, numbering.
        assertThat(ChineseText.name("某区管委会(CBD)")).isEqualTo("某区管委会(cbd)").isNotEqualTo(ChineseText.name("某区管委会"));
        assertThat(ChineseText.label("某区管委会(CBD)")).isEqualTo("某区管委会");
        assertThat(ChineseText.name("第1、2合作区“甲”办")).isEqualTo("第1、2合作区“甲”办");
        assertThat(List.of("甲局", "乙局").stream().map(ChineseText::name).distinct()).hasSize(2);
    }

    @Test
    void oneTableForBothModesHoldsTheCharactersEachOldTableHadAlone() {
        // 瀋 and 陽 were only in the labels' table: traditional names of Shenyang's bodies did not match before.
        assertThat(ChineseText.name("瀋陽市衛生健康委員會")).isEqualTo(ChineseText.name("沈阳市卫生健康委员会"));
        // 檔 and 館 were only in the agency names' table: the label reader now folds them too.
        assertThat(ChineseText.label("檔案館")).isEqualTo("档案馆");
        assertThat(ChineseText.name("檔案館")).isEqualTo("档案馆");
        assertThat(ChineseText.simplified('結')).isEqualTo('结');
        assertThat(ChineseText.simplified('结')).isEqualTo('结');
    }

    @Test
    void theTableIsOneCharacterForOneWithNoTraditionalCharacterTwiceAndNoChains() throws IOException {
        String text;
        try (InputStream in = ChineseText.class.getResourceAsStream("traditional.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<Character, Character> pairs = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            assertThat(line).as("a pair per line").hasSize(2);
            assertThat(pairs.put(line.charAt(0), line.charAt(1))).as("%s listed twice", line.charAt(0)).isNull();
        }
        assertThat(pairs).hasSizeGreaterThan(220);
        pairs.forEach((t, s) -> {
            assertThat(t).as("a pair that changes nothing").isNotEqualTo(s);
            assertThat(pairs).as("%s→%s: the simplified side is itself mapped", t, s).doesNotContainKey(s);
            assertThat(ChineseText.simplified(t)).isEqualTo(s);
        });
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneAndStopsPastItsBound() {
        assertThat(ChineseText.distance("year", "yaer", 1)).isEqualTo(1);
        assertThat(ChineseText.distance("予以公开", "予以开公", 1)).isEqualTo(1);
        assertThat(ChineseText.distance("check", "chek", 2)).isEqualTo(1);
        assertThat(ChineseText.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(ChineseText.distance("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(ChineseText.distance("abc", "abc", 0)).isZero();
        assertThat(ChineseText.distance("", "abc", 5)).isEqualTo(3);
    }

    @Test
    void labelFoldsAsThePatternsSay() {
        // label and labelCore find glosses and numbering with loops; these patterns say what they find.
        assertThat(ChineseText.label("1(yī)、属于")).as("、 after a digit once the gloss is gone").isEqualTo("1.属于");
        assertThat(ChineseText.label("(a(b))")).isEqualTo("(a)");
        assertThat(ChineseText.label("應(abcdefgh)急(abcdefghi)")).isEqualTo("应急(abcdefghi)");
        assertThat(ChineseText.label("應(yīng )急()")).isEqualTo("应(yīng)急()");
        java.util.Random r = new java.util.Random(16);
        String alphabet = "(()))yīngAZ1209、、 \u3000\t一三十.,“”【】應急（）";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(14); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(ChineseText.label(s)).as(s).isEqualTo(labelByPattern(s));
            assertThat(ChineseText.labelCore(s)).as(s).isEqualTo(labelCoreByPattern(s));
        }
    }

    @Test
    void nfkcSkipsTheNormalizerOnlyWhereItChangesNothing() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (ChineseText.nfkcStable(c)) {
                assertThat(java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC)).isEqualTo(String.valueOf(c));
            }
        }
        assertThat(ChineseText.nfkc("e\u0301（一）１２\u3000⼀")).isEqualTo("é(一)12 一");
        java.util.Random r = new java.util.Random(17);
        String alphabet = "aZ09 \t\n、。“”一龥\u0301\u3099か（１\u3000⼀\uF900";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(10); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(k % 2 == 0 ? 13 : alphabet.length())));
            }
            String s = b.toString();
            assertThat(ChineseText.nfkc(s)).as(s).isEqualTo(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC));
        }
    }

    private static final java.util.regex.Pattern PINYIN = java.util.regex.Pattern.compile("\\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8}\\)");
    private static final java.util.regex.Pattern NUMBERING = java.util.regex.Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.,]|\\([一二三四五六七八九十]+\\)|[0-9]+[.、,)]|\\([0-9]+\\))");

    private static String labelByPattern(String s) {
        String n = PINYIN.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).replaceAll("");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (ChineseText.invisible(c)) {
                continue;
            }
            switch (c) {
                case '“', '”', '"', '‘', '’', '\'', '「', '」' -> {
                }
                case '、' -> b.append(i > 0 && Character.isDigit(n.charAt(i - 1)) ? '.' : '、');
                case '【', '〔' -> b.append('(');
                case '】', '〕' -> b.append(')');
                default -> b.append(ChineseText.simplified(c));
            }
        }
        return b.toString();
    }

    private static String labelCoreByPattern(String s) {
        for (int i = 0; i < 3; i++) {
            String t = NUMBERING.matcher(s).replaceFirst("");
            if (t.equals(s)) {
                break;
            }
            s = t;
        }
        return s;
    }
}
