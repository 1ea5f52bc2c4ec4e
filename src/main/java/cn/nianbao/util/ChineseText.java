package cn.nianbao.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chinese text as the program compares it: the one place that folds the many spellings of the same
 * words to one form. Every mode starts the same way: NFKC (full width to half width, and the
 * Kangxi-radical look-alikes that PDF extraction gives, ⼀ ⾃ ⼈, to the ordinary characters), then
 * drops every character of {@link #invisible} (spaces of any width, line breaks, zero-width space,
 * byte-order mark), and maps traditional characters to simplified ones with one table
 * ({@code traditional.txt}, one character for one, no phrase conversion).
 *
 * <p>Two modes, because two kinds of text vary in different ways and must not be folded alike:
 * <ul>
 * <li>{@link #label} is for the labels of the national tables as published reports and other
 * people's workbooks spell them. The same label comes with or without quotes (“三安全一稳定”),
 * with pinyin glosses (應(yīng)急), numbered "1、" or "1.", bracketed 【】 or 〔〕: all of these are
 * spellings of one label, so they are erased. Letter case is kept: names of agencies are taken out
 * of label-folded titles ({@code read/label/ReportIdentity}) and must keep the case they were
 * written in.
 * <li>{@link #name} is the matching key of an agency's name (reconcile, roster, aliases, collect).
 * A name is an identity: the key may fold only what differs between two spellings of the same
 * name — width, spaces, traditional characters and the case of Latin letters ("ABC" and "abc") —
 * and nothing that could make two agencies one: a parenthesised Latin word in a name is part of it,
 * not a pinyin gloss, and quotes, numbering and brackets are left as they are.
 * </ul>
 * {@link #compact} is the common start alone, for text that is neither (numbers typed as text,
 * template labels compared cell by cell).
 */
public final class ChineseText {
    /** Simplified form of each traditional character of the table; 0 where there is none. */
    private static final char[] SIMPLIFIED = loadTraditional();
    /** A parenthesised pinyin gloss such as (yīng) or (jù): letters only, tone marks allowed. */
    /** The letters with tone marks of a parenthesised pinyin gloss such as (yīng) or (jù) ({@link #pinyinEnd}). */
    private static final String PINYIN_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ";
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.,]|\\([一二三四五六七八九十]+\\)|[0-9]+[.、,)]|\\([0-9]+\\))");

    private ChineseText() {
    }

    /**
     * Whether a character is left out of every folded form: whitespace and space separators of any
     * width (after NFKC most are plain spaces), zero-width space and the byte-order mark that text
     * copied from web pages and Windows files carries.
     */
    public static boolean invisible(char c) {
        if (c > ' ' && c < 0x7F || c >= 0x4E00 && c <= 0x9FFF) {
            return false; // printable ASCII and the CJK ideographs, most of every text, without the look-ups
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }

    /** The simplified character for a traditional one of the table; any other character unchanged. */
    public static char simplified(char c) {
        char s = SIMPLIFIED[c];
        return s == 0 ? c : s;
    }

    /**
     * NFKC ({@link Normalizer}). Text made only of characters that NFKC leaves as they are, whatever
     * stands next to them — ASCII, the CJK unified ideographs U+4E00–U+9FFF, 、。“” — is returned
     * as it is without running the normalizer (which copies every string it is given).
     */
    public static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!nfkcStable(s.charAt(i))) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /** Whether NFKC leaves {@code c} as it is wherever it stands ({@link #nfkc}). */
    static boolean nfkcStable(char c) {
        return c < 0x80 || c >= 0x4E00 && c <= 0x9FFF || c == '、' || c == '。' || c == '“' || c == '”';
    }

    /** NFKC with the {@link #invisible} characters dropped, nothing else; "" for null. */
    public static String compact(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = nfkc(s);
        StringBuilder b = null;
        for (int i = 0; i < n.length(); i++) {
            if (invisible(n.charAt(i))) {
                if (b == null) {
                    b = new StringBuilder(n.length()).append(n, 0, i);
                }
            } else if (b != null) {
                b.append(n.charAt(i));
            }
        }
        return b == null ? n : b.toString();
    }

    /**
     * A table label as the label matcher compares it: NFKC, pinyin glosses dropped, no invisible
     * characters or quotes, "1、" as "1.", 【】〔〕 as (), traditional to simplified; "" for null.
     */
    public static String label(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = nfkc(s);
        char[] b = new char[n.length()];
        int len = 0;
        // The character before this one once the glosses are dropped (-1 at the start): "1(yī)、" is "1.".
        int before = -1;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(') {
                int gloss = pinyinEnd(n, i);
                if (gloss > 0) {
                    i = gloss - 1;
                    continue;
                }
            }
            int prev = before;
            before = c;
            if (invisible(c)) {
                continue;
            }
            switch (c) {
                case '“', '”', '"', '‘', '’', '\'', '「', '」' -> {
                }
                case '、' -> b[len++] = prev >= 0 && Character.isDigit((char) prev) ? '.' : '、';
                case '【', '〔' -> b[len++] = '(';
                case '】', '〕' -> b[len++] = ')';
                default -> b[len++] = simplified(c);
            }
        }
        return new String(b, 0, len);
    }

    /**
     * Where a parenthesised pinyin gloss — one to eight Latin letters, tone marks allowed
     * ({@link #PINYIN_TONES}) — that starts at {@code n[open]} ends (after its ")"), else -1.
     * A loop, not a pattern run over every label.
     */
    private static int pinyinEnd(String n, int open) {
        int j = open + 1;
        while (j < n.length() && j - open <= 9 && pinyinLetter(n.charAt(j))) {
            j++;
        }
        int letters = j - open - 1;
        return letters >= 1 && letters <= 8 && j < n.length() && n.charAt(j) == ')' ? j + 1 : -1;
    }

    private static boolean pinyinLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 'à' && PINYIN_TONES.indexOf(c) >= 0;
    }

    /** A {@link #label}-folded label without its leading numbering ("一、", "(三)", "1."): the part that names the row. */
    public static String labelCore(String folded) {
        String s = folded;
        for (int i = 0; i < 3 && !s.isEmpty() && "一二三四五六七八九十(0123456789".indexOf(s.charAt(0)) >= 0; i++) {
            String t = NUMBERING.matcher(s).replaceFirst("");
            if (t.equals(s)) {
                break;
            }
            s = t;
        }
        return s;
    }

    /**
     * An agency's name as a matching key: NFKC, no invisible characters, traditional to simplified,
     * lower case; "" for null. Two names with the same key are the same agency.
     */
    public static String name(String s) {
        if (s == null) {
            return "";
        }
        String n = nfkc(s);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!invisible(c)) {
                b.append(simplified(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
     * (optimal string alignment: "yaer" is one from "year"), bounded: returns {@code max + 1} as
     * soon as it must exceed {@code max}.
     */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] before = new int[b.length() + 1];
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
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
                best = Math.min(best, cur[j]);
            }
            // No cell of a row is below the least of the row before: past max, it stays past.
            if (best > max) {
                return max + 1;
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static char[] loadTraditional() {
        char[] m = new char[Character.MAX_VALUE + 1];
        try (InputStream in = ChineseText.class.getResourceAsStream("traditional.txt")) {
            if (in == null) {
                throw new IllegalStateException("traditional.txt missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.length() == 2 && !line.startsWith("#")) {
                    m[line.charAt(0)] = line.charAt(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
