package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;
import cn.nianbao.util.ChineseText;
import cn.nianbao.util.NumberText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A source's lines as one stream of tokens: label text and values, in reading order, each with the
 * cell it came from. Line breaks and cell boundaries are hints only: a cell is cut at every kind
 * of space (tabs, runs of spaces, NBSP, U+3000) and wherever digits meet words
 * ("一、本年新收政府信息公开申请数量640020470" is a label and one digit run), so a table reads the
 * same in one line, in one cell per line, or in a PDF's words. What is no token is dropped: page
 * marks inside a line ("-4-", "第3页"), and in a PDF the lines repeated at the top or bottom of
 * several pages (a running header or footer). An empty cell between two values of one line (a
 * tab- or pipe-separated table, a ruled PDF table) is an EMPTY token: a blank value, standing
 * (in a PDF) at its cell's middle.
 */
final class Tokens {
    enum Kind { LABEL, NUM, EMPTY }

    /** {@link Tok#gap}: nothing between a token and the one before it in the same cell. */
    static final int GLUED = 0;
    /** {@link Tok#gap}: one plain space between a token and the one before it in the same cell. */
    static final int ONE_SPACE = 1;
    /** {@link Tok#gap}: the first token of its cell, or parted from the one before by more than one plain space. */
    static final int APART = 2;

    /**
     * One token. {@code norm} is the folded label ({@link ChineseText#label}; labels only); {@code value}
     * what a value says (null for a value that is no number, "1,21"); {@code loose} marks a value
     * standing alone on its line, which may be a page number; {@code x} its middle on the page (NaN
     * where unknown); {@code line} the source row it came from; {@code gap} what parts it from the
     * token before it in the same cell: {@link #GLUED} nothing ("行政许可28"), {@link #ONE_SPACE} one
     * plain space (a stray space inside one number, "28 9", or a separator), else {@link #APART}.
     */
    record Tok(Kind kind, String text, String norm, NumberText.Reading value, SourceCell cell, boolean loose, double x, int line,
               int gap) {
        Tok(Kind kind, String text, String norm, NumberText.Reading value, SourceCell cell, boolean loose, double x, int line) {
            this(kind, text, norm, value, cell, loose, x, line, APART);
        }

        Tok withGap(int g) {
            return new Tok(kind, text, norm, value, cell, loose, x, line, g);
        }

        boolean num() {
            return kind == Kind.NUM;
        }

        /** A bare run of digits, which a run-together row may cut; else null. */
        String digits() {
            return value == null ? null : value.digits();
        }
    }

    /** A page mark inside a line: "-4-", "—4—", "第3页", "第3页共9页". */
    private static final Pattern INLINE_PAGE = Pattern.compile(
            "(?<![0-9])(?:[-—–－]{1,2}[1-9][0-9]{0,2}[-—–－]{1,2}|第[1-9][0-9]{0,3}页(?:共[1-9][0-9]{0,3}页)?)(?![0-9])");
    private static final Pattern BLANK_WORD = Pattern.compile("[—–\\-－/／\\\\]+|无|空|——|--|不涉及|N/?A", Pattern.CASE_INSENSITIVE);
    /** The characters a {@link #BLANK_WORD} can start with: no other word is tried against it. */
    private static final String BLANK_WORD_STARTS = "—–-－/／\\无空不Nn";

    private Tokens() {
    }

    /**
     * The tokens of the sources of one report, cut once: a report is read with every format
     * ({@link LabelReader}), and cutting does not depend on the format. Not shared between threads.
     */
    static final class Cache {
        private final Map<Source, List<Tok>> bySource = new java.util.IdentityHashMap<>();
        private final Map<Source, Source> textOf = new java.util.IdentityHashMap<>();

        /** {@link Tokens#of} of {@code src} (a list no one may change). */
        List<Tok> of(Source src) {
            return bySource.computeIfAbsent(src, s -> java.util.Collections.unmodifiableList(Tokens.of(s)));
        }

        /** The text of a grid source as a source of lines ({@link cn.nianbao.read.source.TextDocument#of}). */
        Source text(Source grid) {
            return textOf.computeIfAbsent(grid, g -> cn.nianbao.read.source.TextDocument.of(g.file(), g.text()));
        }
    }

    static List<Tok> of(Source src) {
        List<Tok> out = new ArrayList<>();
        java.util.Set<String> furniture = src.placed() ? pageFurniture(src) : java.util.Set.of();
        java.util.Set<List<SourceCell>> pageEnds = src.placed() ? pageEnds(src) : java.util.Set.of();
        for (List<SourceCell> row : src.rows()) {
            if (!furniture.isEmpty() && !row.isEmpty() && furniture.contains(lineKey(row))) {
                continue;
            }
            if (pageEnds.contains(row) && pageMarkOnly(row)) {
                continue; // a footer "— 1 —" whose dashes and digits are separate words, on a PDF of fewer pages than pageFurniture needs
            }
            int first = out.size();
            boolean numberBefore = false;
            boolean labelBefore = false;
            List<SourceCell> pendingEmpty = new ArrayList<>();
            for (SourceCell c : row) {
                String text = c.text() == null ? "" : c.text();
                if (text.isBlank()) {
                    // After a value, or in a PDF (whose only empty cells are ruled cells) after a label: a
                    // value cell left empty when a value follows on the line (the reader keeps as many of
                    // those after a label as the row lacks, see StreamParser.trimmed).
                    if (numberBefore || labelBefore && c.placed()) {
                        pendingEmpty.add(c);
                    }
                    continue;
                }
                int before = out.size();
                cut(text, c, out);
                boolean startsWithNumber = out.size() > before && out.get(before).num();
                if (!pendingEmpty.isEmpty() && startsWithNumber) {
                    // Empty cells between two values of one line stand for blank values; one placed on
                    // the page (a ruled cell of a PDF table) stands where its cell's middle is.
                    for (int k = pendingEmpty.size() - 1; k >= 0; k--) {
                        SourceCell e = pendingEmpty.get(k);
                        double x = e.placed() ? (e.x0() + e.x1()) / 2 : Double.NaN;
                        out.add(before, new Tok(Kind.EMPTY, "", "", null, c, false, x, c.row()));
                    }
                }
                pendingEmpty.clear();
                numberBefore = out.size() > before && out.get(out.size() - 1).num();
                labelBefore = out.size() > before && out.get(out.size() - 1).kind() == Kind.LABEL;
            }
            // A value alone on its line may be a page number ("5" between two pages' lines).
            if (out.size() == first + 1 && out.get(first).num() && looseNumber(out.get(first))) {
                Tok t = out.get(first);
                out.set(first, new Tok(t.kind(), t.text(), t.norm(), t.value(), t.cell(), true, t.x(), t.line(), t.gap()));
            }
        }
        return out;
    }

    private static boolean looseNumber(Tok t) {
        String d = t.digits();
        return d != null && d.length() <= 3 && d.charAt(0) != '0';
    }

    /** Cuts one cell's text into tokens, appended to {@code out}. */
    static void cut(String raw, SourceCell c, List<Tok> out) {
        String s = ChineseText.nfkc(raw);
        if (mayHold(s, "-—–－第")) {
            s = INLINE_PAGE.matcher(s).replaceAll(" ");
        }
        int n = s.length();
        int i = 0;
        int first = out.size();
        int wordEnd = -1;
        while (i < n) {
            while (i < n && ChineseText.invisible(s.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < n && !ChineseText.invisible(s.charAt(i))) {
                i++;
            }
            if (w < i) {
                boolean oneSpace = wordEnd >= 0 && w - wordEnd == 1 && s.charAt(wordEnd) == ' ' && out.size() > first;
                int before = out.size();
                word(s, w, i, c, out);
                for (int k = before; k < out.size(); k++) {
                    int gap = k > before ? GLUED : oneSpace ? ONE_SPACE : APART;
                    if (gap != APART) { // tokens are made APART: only the others are made again
                        out.set(k, out.get(k).withGap(gap));
                    }
                }
                wordEnd = i;
            }
        }
    }

    /** One space-free word: a blank mark, or pieces of label text and values. */
    private static void word(String s, int from, int to, SourceCell c, List<Tok> out) {
        if (BLANK_WORD_STARTS.indexOf(s.charAt(from)) >= 0 && BLANK_WORD.matcher(s).region(from, to).matches()) {
            out.add(value(s.substring(from, to), c, x(c, s, from, to), false));
            return;
        }
        StringBuilder label = new StringBuilder();
        int labelFrom = from;
        int i = from;
        boolean afterNumber = false;
        while (i < to) {
            int end = numberEnd(s, i, to, afterNumber || i == from);
            if (end < 0) {
                label.append(s.charAt(i));
                i++;
                afterNumber = false;
                continue;
            }
            // Numbering of the next label ("2.没有…", "3、其他"): the last digit, and it is the label's.
            if (end < to && (s.charAt(end) == '.' || s.charAt(end) == '、') && end + 1 < to
                    && !Character.isDigit(s.charAt(end + 1)) && numbering(s, i, end)) {
                int numberingFrom = end - 1;
                if (numberingFrom > i) {
                    flushLabel(label, labelFrom, i, s, c, out);
                    out.add(value(s.substring(i, numberingFrom), c, x(c, s, i, numberingFrom), false));
                    label.setLength(0);
                    labelFrom = numberingFrom;
                }
                label.append(s, numberingFrom, end + 1);
                i = end + 1;
                afterNumber = false;
                continue;
            }
            // "(1)" is numbering too.
            if (i > from && (s.charAt(i - 1) == '(') && end < to && s.charAt(end) == ')') {
                label.append(s, i, end);
                i = end;
                continue;
            }
            int valueEnd = unit(s, end, to) ? to : end;
            flushLabel(label, labelFrom, i, s, c, out);
            label.setLength(0);
            out.add(value(s.substring(i, valueEnd), c, x(c, s, i, valueEnd), false));
            i = valueEnd;
            labelFrom = i;
            afterNumber = true;
        }
        flushLabel(label, labelFrom, to, s, c, out);
    }

    /** Whether {@code s} holds any of {@code chars} (a pattern that needs one of them is run only then). */
    private static boolean mayHold(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[from, to)} is a unit written after a value, whole: 万元, 元, 件, 个, 项, 次, 起, 宗 or 条. */
    private static boolean unit(String s, int from, int to) {
        return to - from == 1 ? "元件个项次起宗条".indexOf(s.charAt(from)) >= 0 : to - from == 2 && s.startsWith("万元", from);
    }

    /** Whether {@code s[i, end)} is plain digits whose last can be a sub-row's numbering (1 to 9). */
    private static boolean numbering(String s, int i, int end) {
        for (int k = i; k < end; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        char d = s.charAt(end - 1);
        return d >= '1' && d <= '9';
    }

    /**
     * Where a value starting at {@code i} ends: digits with thousands separators and a fraction
     * ("1,006", "337.94"), a sign allowed at a word's start or right after a value ("2648-18538");
     * -1 when no value starts there.
     */
    private static int numberEnd(String s, int i, int to, boolean signAllowed) {
        int j = i;
        char c = s.charAt(j);
        if ((c == '-' || c == '+') && j + 1 < to && isDigit(s.charAt(j + 1)) && signAllowed) {
            j++;
        } else if (!isDigit(c)) {
            return -1;
        }
        while (j < to) {
            char d = s.charAt(j);
            if (isDigit(d)) {
                j++;
            } else if ((d == ',' || d == '.') && j + 1 < to && isDigit(s.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void flushLabel(StringBuilder label, int from, int to, String s, SourceCell c, List<Tok> out) {
        if (label.length() == 0) {
            return;
        }
        String text = label.toString();
        String norm = ChineseText.label(text);
        if (!norm.isEmpty()) {
            out.add(new Tok(Kind.LABEL, text, norm, null, c, false, x(c, s, from, to), c.row()));
        }
    }

    private static Tok value(String text, SourceCell c, double x, boolean loose) {
        return new Tok(Kind.NUM, text, "", NumberText.report(text), c, loose, x, c.row());
    }

    /** The middle of {@code s[from, to)} on the page, by its share of the cell's text; NaN when the cell has no position. */
    private static double x(SourceCell c, String s, int from, int to) {
        if (!c.placed() || s.isEmpty()) {
            return Double.NaN;
        }
        double mid = (from + to) / 2.0 / s.length();
        return c.x0() + (c.x1() - c.x0()) * mid;
    }

    /** The first and last line of each page (by identity). */
    private static java.util.Set<List<SourceCell>> pageEnds(Source src) {
        Map<Integer, List<List<SourceCell>>> byPage = new HashMap<>();
        for (List<SourceCell> row : src.rows()) {
            if (!row.isEmpty()) {
                byPage.computeIfAbsent(row.get(0).page(), k -> new ArrayList<>()).add(row);
            }
        }
        java.util.Set<List<SourceCell>> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<List<SourceCell>> lines : byPage.values()) {
            out.add(lines.get(0));
            out.add(lines.get(lines.size() - 1));
        }
        return out;
    }

    /** A line that is a page mark and nothing else, its pieces joined ("—", "1", "—"). */
    private static boolean pageMarkOnly(List<SourceCell> row) {
        StringBuilder b = new StringBuilder();
        row.forEach(c -> b.append(c.text() == null ? "" : c.text()));
        String s = Normalizer.normalize(b.toString(), Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return INLINE_PAGE.matcher(s).matches();
    }

    private static String lineKey(List<SourceCell> row) {
        StringBuilder b = new StringBuilder();
        row.forEach(c -> b.append(c.text()));
        // Each run of digits as one "#" ("第3页" and "第12页" are one line).
        StringBuilder k = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (!isDigit(c)) {
                k.append(c);
            } else if (i == 0 || !isDigit(b.charAt(i - 1))) {
                k.append('#');
            }
        }
        return ChineseText.label(k.toString());
    }

    /**
     * The first and last lines that recur on several pages (digits aside: "第3页" and "第4页" are one
     * line): a running header or footer, no part of any table.
     */
    private static java.util.Set<String> pageFurniture(Source src) {
        Map<Integer, List<List<SourceCell>>> byPage = new HashMap<>();
        for (List<SourceCell> row : src.rows()) {
            if (!row.isEmpty()) {
                byPage.computeIfAbsent(row.get(0).page(), k -> new ArrayList<>()).add(row);
            }
        }
        if (byPage.size() < 3) {
            return java.util.Set.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (List<List<SourceCell>> lines : byPage.values()) {
            java.util.Set<String> ends = new java.util.HashSet<>();
            ends.add(lineKey(lines.get(0)));
            ends.add(lineKey(lines.get(lines.size() - 1)));
            ends.forEach(k -> seen.merge(k, 1, Integer::sum));
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        seen.forEach((k, v) -> {
            // Digits alone ("#") are page numbers; a line that is only a page number recurs by its nature.
            if (v >= Math.max(3, byPage.size() / 2) && !k.isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }
}
