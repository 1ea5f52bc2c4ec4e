package cn.nianbao.read.label;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Totals;
import cn.nianbao.read.label.Tokens.Kind;
import cn.nianbao.read.label.Tokens.Tok;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.LabelTargets.Target;
import cn.nianbao.spec.RuleInstance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readings of rows whose numbers do not come one to a cell: digits run together
 * ("640020470"), a page number standing among them, a sign run into the next cell
 * ("2648-18538"). Each row's readings are the cuts of its digit runs (no piece but "0" starting
 * with 0, a minus only in a column that may be negative) with or without its loose numbers,
 * kept when the rules within the row hold (总计 = 各项之和; 表四 each group). Rows left with
 * several readings are then read together with the rest of their table: the rules across rows
 * (R1 本列 一+二 = 三（七）+ 四, R3 （七）总计 = 各分项之和) keep the combinations that hold, and a row
 * is taken only when every such combination gives it the same reading. Never a guess: a row
 * with more than one reading left, or none, stays blank and its candidates are named.
 */
final class JointSplit {
    /** Combinations of the ambiguous rows of one table tried at most; beyond it they stay ambiguous. */
    static final int MAX_COMBINATIONS = 200_000;
    /** Loose numbers dropped from one row at most (page numbers: one per page break inside a row). */
    private static final int MAX_DROPPED = 2;

    private JointSplit() {
    }

    /**
     * A row's readings: {@code problem} names a value that is no number (then there are none);
     * {@code dropped} when a loose number was left out; {@code joined} when values parted by one
     * space were read as one number (no reading kept every space as a cell boundary).
     */
    record Readings(List<List<BigDecimal>> all, Tok problem, boolean dropped, boolean joined) {
        Readings(List<List<BigDecimal>> all, Tok problem, boolean dropped) {
            this(all, problem, dropped, false);
        }
    }

    /** Every reading of {@code vals} as the cells of {@code t} that keeps {@code t}'s own rules. */
    static Readings of(Target t, List<Tok> vals) {
        int n = t.cells().size();
        Tok problem = vals.stream().filter(v -> v.num() && v.value() == null).findFirst().orElse(null);
        if (problem != null) {
            return new Readings(List.of(), problem, false);
        }
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < vals.size(); i++) {
            if (vals.get(i).loose()) {
                loose.add(i);
            }
        }
        Set<List<BigDecimal>> found = new LinkedHashSet<>();
        boolean dropped = false;
        for (int d = 0; d <= Math.min(MAX_DROPPED, loose.size()); d++) {
            for (Set<Integer> drop : subsets(loose, d)) {
                List<String> pieces = new ArrayList<>();
                for (int i = 0; i < vals.size(); i++) {
                    if (!drop.contains(i)) {
                        pieces.add(piece(vals.get(i)));
                    }
                }
                if (pieces.size() > n) {
                    continue;
                }
                for (List<BigDecimal> c : RunTogether.splits(pieces, n, c -> fits(t, c))) {
                    if (found.add(c) && d > 0) {
                        dropped = true;
                    }
                }
                if (found.size() > RunTogether.MAX_CANDIDATES) {
                    return new Readings(List.copyOf(found), null, dropped);
                }
            }
            if (!found.isEmpty()) {
                break; // a reading that keeps every number is preferred to one that drops a page number
            }
        }
        if (found.isEmpty()) {
            return strayed(t, vals);
        }
        return new Readings(List.copyOf(found), null, dropped);
    }

    /**
     * A stray space inside a number ("行政许可28 9" for 289) of a row printed run together (its
     * first number right after its label, no space between): where no reading keeps every space as
     * a cell boundary, digits parted from the digits before them by one plain space in the same cell
     * are read as one run, and the runs cut as usual. None when there is no such space, or when the
     * row's numbers stand apart from its label ("行政强制 6 7": spaces there part the cells).
     */
    private static Readings strayed(Target t, List<Tok> vals) {
        List<String> pieces = new ArrayList<>();
        boolean joined = false;
        if (vals.isEmpty() || vals.get(0).gap() != Tokens.GLUED) {
            return new Readings(List.of(), null, false);
        }
        for (int i = 0; i < vals.size(); i++) {
            Tok v = vals.get(i);
            String p = piece(v);
            if (i > 0 && v.gap() == Tokens.ONE_SPACE && v.digits() != null && vals.get(i - 1).digits() != null
                    && vals.get(i - 1).cell() == v.cell() && pieces.get(pieces.size() - 1) != null) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + p);
                joined = true;
            } else {
                pieces.add(p);
            }
        }
        if (!joined || pieces.size() > t.cells().size()) {
            return new Readings(List.of(), null, false);
        }
        return new Readings(RunTogether.splits(pieces, t.cells().size(), c -> fits(t, c)), null, false, true);
    }

    private static String piece(Tok v) {
        if (v.kind() == Kind.EMPTY || v.value().blankMark()) {
            return null;
        }
        String d = v.digits();
        if (d != null) {
            return d;
        }
        String raw = cn.nianbao.util.ChineseText.compact(v.text());
        if (raw.matches("-[0-9]+")) {
            return raw;
        }
        return "=" + v.value().number().toPlainString();
    }

    private static List<Set<Integer>> subsets(List<Integer> of, int size) {
        List<Set<Integer>> out = new ArrayList<>();
        subsets(of, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void subsets(List<Integer> of, int size, int from, List<Integer> acc, List<Set<Integer>> out) {
        if (acc.size() == size) {
            out.add(new HashSet<>(acc));
            return;
        }
        for (int i = from; i < of.size() && out.size() < 400; i++) {
            acc.add(of.get(i));
            subsets(of, size, i + 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }

    /** Whether a candidate keeps every rule within the row, and puts a negative number only where the column may hold one. */
    static boolean fits(Target t, List<BigDecimal> candidate) {
        Map<String, CellValue> values = new HashMap<>();
        for (int j = 0; j < candidate.size(); j++) {
            BigDecimal v = candidate.get(j);
            CellDef def = t.cells().get(j);
            if (v != null && v.signum() < 0 && def.kind() != cn.nianbao.spec.Kind.SIGNED) {
                return false;
            }
            values.put(def.key(), v == null ? CellValue.BLANK : CellValue.Num.of(v, false));
        }
        return holds(t.rules(), k -> values.getOrDefault(k, CellValue.BLANK));
    }

    private static boolean holds(List<RuleInstance> rules, java.util.function.Function<String, CellValue> values) {
        for (RuleInstance ri : rules) {
            CellValue l = Totals.sum(ri.left(), values);
            CellValue r = Totals.sum(ri.right(), values);
            if (l instanceof CellValue.Num a && r instanceof CellValue.Num b && a.value().compareTo(b.value()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** What the whole table says about its ambiguous rows. */
    record Joint(Map<Target, List<BigDecimal>> resolved, Map<Target, List<List<BigDecimal>>> left, boolean noneFits) {
    }

    /**
     * The ambiguous rows ({@code ambiguous}: each with its own readings) read against the rest of
     * their table: {@code known} holds every cell already read (a number, or null for blank);
     * {@code rules} are the table's rules across rows.
     */
    static Joint together(Map<Target, List<List<BigDecimal>>> ambiguous, Map<String, BigDecimal> known, List<RuleInstance> rules) {
        List<Target> rows = new ArrayList<>(ambiguous.keySet());
        Set<String> ambiguousKeys = new HashSet<>();
        rows.forEach(t -> t.cells().forEach(c -> ambiguousKeys.add(c.key())));
        List<RuleInstance> relevant = rules.stream().filter(r -> r.cells().stream().anyMatch(ambiguousKeys::contains)).toList();
        long combos = 1;
        for (Target t : rows) {
            combos *= ambiguous.get(t).size();
            if (combos > MAX_COMBINATIONS) {
                return new Joint(Map.of(), ambiguous, false);
            }
        }
        if (relevant.isEmpty()) {
            return new Joint(Map.of(), ambiguous, false);
        }
        Map<String, BigDecimal> values = new HashMap<>(known);
        List<Set<List<BigDecimal>>> seen = new ArrayList<>();
        rows.forEach(t -> seen.add(new LinkedHashSet<>()));
        int[] pick = new int[rows.size()];
        boolean any = false;
        for (long k = 0; k < combos; k++) {
            long rest = k;
            for (int i = 0; i < rows.size(); i++) {
                List<List<BigDecimal>> cands = ambiguous.get(rows.get(i));
                pick[i] = (int) (rest % cands.size());
                rest /= cands.size();
                List<BigDecimal> c = cands.get(pick[i]);
                List<CellDef> cells = rows.get(i).cells();
                for (int j = 0; j < cells.size(); j++) {
                    values.put(cells.get(j).key(), c.get(j));
                }
            }
            if (holds(relevant, key -> {
                BigDecimal v = values.get(key);
                return v == null ? CellValue.BLANK : CellValue.Num.of(v, false);
            })) {
                any = true;
                for (int i = 0; i < rows.size(); i++) {
                    seen.get(i).add(ambiguous.get(rows.get(i)).get(pick[i]));
                }
            }
        }
        if (!any) {
            return new Joint(Map.of(), ambiguous, true);
        }
        Map<Target, List<BigDecimal>> resolved = new java.util.LinkedHashMap<>();
        Map<Target, List<List<BigDecimal>>> left = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (seen.get(i).size() == 1) {
                resolved.put(rows.get(i), seen.get(i).iterator().next());
            } else {
                left.put(rows.get(i), List.copyOf(seen.get(i)));
            }
        }
        return new Joint(resolved, left, false);
    }
}
