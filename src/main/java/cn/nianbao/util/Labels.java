package cn.nianbao.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Label text as the matcher compares it. Published tables spell the same label many ways:
 * （） or (), "1、" for "1.", spaces and line breaks inside, Kangxi-radical look-alikes from PDF
 * extraction (⼀ ⾃ ⼈), traditional characters (結轉, 總計), pinyin glosses (應(yīng)急), quotes.
 * {@link #normalize} maps all of them to one form.
 */
public final class Labels {
    private static final Map<Character, Character> TRADITIONAL = loadTraditional();
    /** A parenthesised pinyin gloss such as (yīng) or (jù): letters only, tone marks allowed. */
    private static final Pattern PINYIN = Pattern.compile("\\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8}\\)");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.,]|\\([一二三四五六七八九十]+\\)|[0-9]+[.、,)]|\\([0-9]+\\))");

    private Labels() {
    }

    /** NFKC, pinyin glosses dropped, traditional to simplified, no whitespace or quotes, "1、" as "1.". */
    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = PINYIN.matcher(n).replaceAll("");
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
                continue;
            }
            switch (c) {
                case '“', '”', '"', '‘', '’', '\'', '「', '」' -> {
                }
                case '、' -> b.append(i > 0 && Character.isDigit(n.charAt(i - 1)) ? '.' : '、');
                case '【', '〔' -> b.append('(');
                case '】', '〕' -> b.append(')');
                case '．' -> b.append('.');
                default -> b.append(TRADITIONAL.getOrDefault(c, c));
            }
        }
        return b.toString();
    }

    /** A normalized label without its leading numbering ("一、", "(三)", "1."): the part that names the row. */
    public static String core(String normalized) {
        String s = normalized;
        for (int i = 0; i < 3; i++) {
            String t = NUMBERING.matcher(s).replaceFirst("");
            if (t.equals(s)) {
                break;
            }
            s = t;
        }
        return s;
    }

    /** Levenshtein distance, bounded: returns {@code max + 1} as soon as it must exceed {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                best = Math.min(best, cur[j]);
            }
            if (best > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<Character, Character> loadTraditional() {
        Map<Character, Character> m = new HashMap<>();
        try (InputStream in = Labels.class.getResourceAsStream("traditional.txt")) {
            if (in == null) {
                throw new IllegalStateException("traditional.txt missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.length() == 2 && !line.startsWith("#")) {
                    m.put(line.charAt(0), line.charAt(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
