package cn.nianbao.read.label;

import cn.nianbao.spec.LabelTargets;
import cn.nianbao.spec.LabelTargets.Target;
import cn.nianbao.util.ChineseText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a table's rows start in the stream of its labels (the folded text of every label token,
 * numbers left out, so a label wrapped over lines, cut by a page break or run into its numbers is
 * whole again). First every exact occurrence of each row's label — with its numbering, or its core
 * ("属于国家秘密") where the numbering before it agrees; a core shorter than four characters only
 * with its numbering — then the chain of occurrences in table order that covers the most label
 * text with the least text between (a narrative sentence naming 行政许可 far from the table loses
 * to the table's own row). A row the chain misses is looked for in the text between its neighbours
 * by likeness: characters of the row's parent labels in between are free (the vertical
 * "三、本年度办理结果" printed a character a line), other edits cost one each, up to three in ten.
 */
final class Anchors {
    /** Where a row's label was found: stream offsets, and whether by likeness (then {@code seen} is what was printed). */
    record Anchor(Target target, int start, int end, boolean fuzzy, String seen) {
    }

    private static final Pattern NUMBERED = Pattern.compile("^(?:\\(([一二三四五六七八九十]+|[0-9]+)\\)|([一二三四五六七八九十]+)[、.]|([0-9]+)[.])");
    private static final Pattern NUMBERING_BEFORE = Pattern.compile(
            "(?:\\(([一二三四五六七八九十]+|[0-9]+)\\)|([一二三四五六七八九十]+)[、.]|([0-9]+)[.])$");
    private static final double GAP_COST = 0.02;
    private static final double SKIP_COST = 3;
    private static final int MAX_OCCURRENCES = 60;

    private Anchors() {
    }

    /** The forms of a row's label looked for, longest and most specific first. */
    record Forms(List<String> full, List<String> cores, int numbering, Set<Character> free) {
    }

    /** {@link #forms}, made once per target and kept with the targets. */
    static Forms forms(LabelTargets targets, Target t) {
        return targets.derived(new FormsOf(t), () -> forms(t));
    }

    private record FormsOf(Target t) {
    }

    static Forms forms(Target t) {
        Set<String> full = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        names.add(t.row().label());
        names.addAll(t.row().aliases());
        for (String name : names) {
            String f = ChineseText.label(name);
            full.add(f);
            int paren = f.indexOf('(', 3);
            if (paren > 0 && f.endsWith(")")) {
                full.add(f.substring(0, paren)); // "（二）部分公开" without its note
            }
        }
        Set<Character> free = new HashSet<>();
        for (String p : t.row().path().subList(0, t.row().path().size() - 1)) {
            for (char c : ChineseText.label(p).toCharArray()) {
                free.add(c);
            }
        }
        return new Forms(List.copyOf(full), t.cores(), numbering(ChineseText.label(t.row().label())), Set.copyOf(free));
    }

    /** The number a folded label is numbered with ("(三)" 3, "2." 2, "一、" 1), 0 if none. */
    static int numbering(String folded) {
        Matcher m = NUMBERED.matcher(folded);
        return m.find() ? value(m) : 0;
    }

    private static int value(Matcher m) {
        String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        if (g.chars().allMatch(Character::isDigit)) {
            return g.length() > 3 ? -1 : Integer.parseInt(g);
        }
        int v = 0;
        String digits = "一二三四五六七八九";
        if (g.equals("十")) {
            return 10;
        }
        for (char c : g.toCharArray()) {
            v = c == '十' ? Math.max(v, 1) * 10 : v + digits.indexOf(c) + 1;
        }
        return v;
    }

    /** The numbering written right before {@code at} in {@code stream}, 0 if none. */
    static int numberingBefore(String stream, int at) {
        Matcher m = NUMBERING_BEFORE.matcher(stream.substring(Math.max(0, at - 6), at));
        return m.find() ? value(m) : 0;
    }

    private record Occ(int start, int end, double score) {
    }

    /** Exact occurrences of each of {@code rows} in {@code stream[from, to)}. */
    private static List<List<Occ>> occurrences(String stream, List<Target> rows, List<Forms> forms, int from, int to) {
        List<List<Occ>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Forms f = forms.get(i);
            List<Occ> occ = new ArrayList<>();
            Set<Integer> starts = new HashSet<>();
            for (String form : f.full()) {
                for (int p = stream.indexOf(form, from); p >= 0 && p + form.length() <= to && occ.size() < MAX_OCCURRENCES;
                     p = stream.indexOf(form, p + 1)) {
                    if (starts.add(p)) {
                        occ.add(new Occ(p, p + form.length(), form.length() + 3));
                    }
                }
            }
            List<Occ> fullOcc = List.copyOf(occ);
            for (String core : f.cores()) {
                for (int p = stream.indexOf(core, from); p >= 0 && p + core.length() <= to && occ.size() < MAX_OCCURRENCES;
                     p = stream.indexOf(core, p + 1)) {
                    int before = numberingBefore(stream, p);
                    boolean agrees = f.numbering() != 0 && before == f.numbering();
                    if (before != 0 && f.numbering() != 0 && before != f.numbering()) {
                        continue; // "2.其他…" is not "3.其他"
                    }
                    if (core.length() < 4 && !agrees && f.numbering() != 0) {
                        continue;
                    }
                    if (inside(fullOcc, p, p + core.length())) {
                        continue; // part of a whole label found already
                    }
                    int start = agrees ? p - numberingLength(stream, p) : p;
                    if (starts.add(start)) {
                        occ.add(new Occ(start, p + core.length(), core.length() + (agrees ? 2 : 0)));
                    }
                }
            }
            occ.sort((a, b) -> Integer.compare(a.start(), b.start()));
            out.add(occ);
        }
        return out;
    }

    private static boolean inside(List<Occ> occ, int start, int end) {
        for (Occ o : occ) {
            if (o.start() <= start && end <= o.end()) {
                return true;
            }
        }
        return false;
    }

    private static int numberingLength(String stream, int at) {
        Matcher m = NUMBERING_BEFORE.matcher(stream.substring(Math.max(0, at - 6), at));
        return m.find() ? m.group().length() : 0;
    }

    /**
     * The anchors of {@code rows} (one table, in table order) in {@code stream[from, to)}: the
     * best chain of exact occurrences, then the rows it missed found by likeness between their
     * neighbours. Rows found nowhere are left out.
     */
    static List<Anchor> find(LabelTargets targets, String stream, List<Target> rows, int from, int to) {
        List<Forms> forms = rows.stream().map(t -> forms(targets, t)).toList();
        List<List<Occ>> occ = occurrences(stream, rows, forms, from, to);
        int n = rows.size();
        double[][] best = new double[n][];
        int[][] prevRow = new int[n][];
        int[][] prevOcc = new int[n][];
        double top = Double.NEGATIVE_INFINITY;
        int topRow = -1;
        int topOcc = -1;
        for (int i = 0; i < n; i++) {
            List<Occ> oi = occ.get(i);
            best[i] = new double[oi.size()];
            prevRow[i] = new int[oi.size()];
            prevOcc[i] = new int[oi.size()];
            for (int k = 0; k < oi.size(); k++) {
                Occ o = oi.get(k);
                double b = o.score() - SKIP_COST * i;
                int pr = -1;
                int po = -1;
                for (int j = Math.max(0, i - 6); j < i; j++) {
                    List<Occ> oj = occ.get(j);
                    for (int q = 0; q < oj.size(); q++) {
                        Occ p = oj.get(q);
                        if (p.end() > o.start()) {
                            continue;
                        }
                        double v = best[j][q] + o.score() - SKIP_COST * (i - j - 1) - GAP_COST * (o.start() - p.end());
                        if (v > b) {
                            b = v;
                            pr = j;
                            po = q;
                        }
                    }
                }
                best[i][k] = b;
                prevRow[i][k] = pr;
                prevOcc[i][k] = po;
                double end = b - SKIP_COST * (n - 1 - i);
                if (end > top) {
                    top = end;
                    topRow = i;
                    topOcc = k;
                }
            }
        }
        Anchor[] chain = new Anchor[n];
        for (int i = topRow, k = topOcc; i >= 0; ) {
            Occ o = occ.get(i).get(k);
            chain[i] = new Anchor(rows.get(i), o.start(), o.end(), false, null);
            int pi = prevRow[i][k];
            int pk = prevOcc[i][k];
            i = pi;
            k = pk;
        }
        if (topRow < 0) {
            return List.of();
        }
        fillGaps(stream, rows, forms, chain, from, to);
        List<Anchor> out = new ArrayList<>();
        for (Anchor a : chain) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** Rows the chain missed, looked for by likeness in the text between their found neighbours. */
    private static void fillGaps(String stream, List<Target> rows, List<Forms> forms, Anchor[] chain, int from, int to) {
        int n = rows.size();
        int firstFound = 0;
        while (firstFound < n && chain[firstFound] == null) {
            firstFound++;
        }
        for (int i = 0; i < n; i++) {
            if (chain[i] != null) {
                continue;
            }
            int lo = from;
            for (int j = i - 1; j >= 0; j--) {
                if (chain[j] != null) {
                    lo = chain[j].end();
                    break;
                }
            }
            int hi = to;
            for (int j = i + 1; j < n; j++) {
                if (chain[j] != null) {
                    hi = chain[j].start();
                    break;
                }
            }
            if (i < firstFound) {
                lo = Math.max(lo, hi - 400); // before the table's first row found: its header and nothing further back
            }
            if (hi - lo > 600) {
                if (i > firstFound) {
                    hi = lo + 600; // after the last row found: the rest of the table, not the rest of the report
                } else {
                    continue;
                }
            }
            if (hi <= lo) {
                continue;
            }
            Anchor a = likeness(stream, rows.get(i), forms.get(i), lo, hi);
            if (a != null) {
                chain[i] = a;
            }
        }
    }

    /**
     * The best approximate occurrence of the row's label in {@code stream[lo, hi)} (semi-global
     * alignment: the whole label against any stretch of the text), or null when it costs more than
     * three edits in ten of the label (characters of the parent labels in between are free).
     */
    static Anchor likeness(String stream, Target t, Forms f, int lo, int hi) {
        Anchor best = null;
        int bestCost = Integer.MAX_VALUE;
        List<String> patterns = new ArrayList<>(f.full());
        patterns.addAll(f.cores());
        for (String p : patterns) {
            if (p.length() < 4) {
                continue;
            }
            int max = Math.max(1, p.length() * 3 / 10);
            int[] found = align(p, stream, lo, hi, f.free(), max);
            if (found == null || found[2] >= bestCost) {
                continue;
            }
            int before = numberingBefore(stream, found[0]);
            if (f.numbering() != 0 && before != 0 && before != f.numbering() && !p.equals(f.full().get(0))) {
                continue;
            }
            bestCost = found[2];
            String seen = stream.substring(found[0], found[1]);
            best = new Anchor(t, found[0], found[1], found[2] > 0, seen);
        }
        return best;
    }

    /** {start, end, cost} of the cheapest alignment of all of {@code p} with a stretch of {@code s[lo, hi)}; null if over {@code max}. */
    private static int[] align(String p, String s, int lo, int hi, Set<Character> free, int max) {
        int m = p.length();
        int len = hi - lo;
        // d[j] for the current text position: cost of aligning p[0..j) ending here; start[j] where that alignment began.
        int[] prev = new int[m + 1];
        int[] prevStart = new int[m + 1];
        int[] cur = new int[m + 1];
        int[] curStart = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
            prevStart[j] = lo;
        }
        int bestCost = Integer.MAX_VALUE;
        int bestEnd = -1;
        int bestStart = -1;
        for (int x = 1; x <= len; x++) {
            char c = s.charAt(lo + x - 1);
            int ins = free.contains(c) ? 0 : 1;
            cur[0] = 0;
            curStart[0] = lo + x;
            for (int j = 1; j <= m; j++) {
                int sub = prev[j - 1] + (p.charAt(j - 1) == c ? 0 : 1);
                int del = cur[j - 1] + 1;        // a character of the label not printed
                int insert = prev[j] + ins;      // a character printed that is not the label's
                int v = sub;
                int st = prevStart[j - 1];
                if (del < v) {
                    v = del;
                    st = curStart[j - 1];
                }
                if (insert < v) {
                    v = insert;
                    st = prevStart[j];
                }
                cur[j] = v;
                curStart[j] = st;
            }
            if (cur[m] < bestCost || cur[m] == bestCost && bestEnd >= 0 && curStart[m] >= bestStart) {
                bestCost = cur[m];
                bestEnd = lo + x;
                bestStart = curStart[m];
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            int[] ts = prevStart;
            prevStart = curStart;
            curStart = ts;
        }
        return bestCost <= max ? new int[] {bestStart, bestEnd, bestCost} : null;
    }
}
