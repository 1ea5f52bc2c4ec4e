package cn.nianbao.spec;

import cn.nianbao.util.ChineseText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one format version as the label reader looks for them (part of the compiled
 * {@link FormatSpec}: {@link FormatSpec#labelTargets()}): every national row with the
 * normalized forms of its label, its cells in column order and the rules that hold within it; the
 * one-line form of table 四 (15 numbers under a three-row header); and every phrase the tables'
 * headers use, so that a label found nowhere in them can be reported.
 */
public final class LabelTargets {
    /** One row to find. {@code row} is null for table 四 printed as one line of 15 numbers. */
    public record Target(TableDef table, BlockDef block, RowDef row, List<CellDef> cells, List<String> cores,
                         List<RuleInstance> rules) {
        public String name() {
            return row == null ? "表四（15个数字的一行）" : "表" + table.number() + "“" + row.label() + "”";
        }

        public String headerKey() {
            return table.key() + "." + block.key();
        }

        /**
         * From the keys only (equal targets have equal keys): the record's own hash walks the whole
         * table definition — every block, row, column and label — on each map lookup, and the label
         * reader keys its per-row maps by target.
         */
        @Override
        public int hashCode() {
            return 31 * (31 * table.key().hashCode() + block.key().hashCode()) + (row == null ? 0 : row.key().hashCode());
        }
    }

    private final FormatSpec spec;
    private final List<Target> rows;
    /** Table 四 as one line: the national layout. */
    private final Target t4Line;
    /** Normalized phrases of every header, title, corner and label of the format. */
    private final Set<String> phrases;
    private final String joinedPhrases;
    private final List<String> byLength;

    /** The targets of {@code spec}'s tables, or of table {@code only} alone (a sheet that holds that table alone). */
    LabelTargets(FormatSpec spec, TableDef only) {
        this.spec = spec;
        Map<String, List<CellDef>> byRow = new LinkedHashMap<>();
        for (CellDef c : spec.cells()) {
            if (only != null && !c.table().key().equals(only.key())) {
                continue;
            }
            byRow.computeIfAbsent(c.table().key() + "." + c.block().key() + "." + c.row().key(), k -> new ArrayList<>()).add(c);
        }
        List<RuleInstance> instances = spec.ruleInstances();
        List<Target> rows = new ArrayList<>();
        List<CellDef> t4 = new ArrayList<>();
        for (List<CellDef> cells : byRow.values()) {
            CellDef first = cells.get(0);
            rows.add(new Target(first.table(), first.block(), first.row(), List.copyOf(cells), cores(first.row()),
                    rulesWithin(cells, instances)));
            if (first.table().layout() == TableLayout.HORIZONTAL) {
                t4.addAll(cells);
            }
        }
        this.rows = List.copyOf(rows);
        CellDef firstOf4 = t4.isEmpty() ? null : t4.get(0);
        this.t4Line = firstOf4 == null ? null
                : new Target(firstOf4.table(), firstOf4.block(), null, List.copyOf(t4), List.of(), rulesWithin(t4, instances));
        Set<String> phrases = new HashSet<>();
        for (TableDef t : spec.tables()) {
            addPhrase(phrases, t.title());
            for (BlockDef b : t.blocks()) {
                addPhrase(phrases, b.label());
                addPhrase(phrases, b.corner());
                for (ColumnDef c : b.cols()) {
                    c.path().forEach(x -> addPhrase(phrases, x));
                    c.aliases().forEach(x -> addPhrase(phrases, x));
                }
                for (RowDef r : b.rows()) {
                    r.path().forEach(x -> addPhrase(phrases, x));
                    r.aliases().forEach(x -> addPhrase(phrases, x));
                }
            }
        }
        for (String extra : List.of("信息内容", "申请人情况", "法人或其他组织", "行政诉讼", "单位:万元", "单位:件",
                "因政府信息公开工作被申请行政复议、提起行政诉讼情况", "结果", "维持", "纠正", "审结", "尚未")) {
            addPhrase(phrases, extra);
        }
        this.phrases = Set.copyOf(phrases);
        joinedPhrases = String.join("|", phrases);
        byLength = phrases.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder())).toList();
    }

    public FormatSpec spec() {
        return spec;
    }

    /** What readers derive from these targets alone, by key ({@link #derived}). */
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a reader derives from these targets alone — the folded forms of a row's label, the
     * wording of a table's headers — made once (by {@code make}) and kept with the targets, so
     * that it is not made again for every report read. {@code key} names it: equal keys, one value.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Supplier<T> make) {
        Object v = derived.get(key);
        if (v == null) {
            v = make.get();
            Object before = derived.putIfAbsent(key, v);
            v = before != null ? before : v;
        }
        return (T) v;
    }

    /** Every national row to find, in table order. */
    public List<Target> rows() {
        return rows;
    }

    /** Table 四 printed as one line of numbers; null when the format has no such table. */
    public Target t4Line() {
        return t4Line;
    }

    /** Normalized phrases of every header, title, corner and label of the format. */
    public Set<String> phrases() {
        return phrases;
    }

    private static void addPhrase(Set<String> phrases, String s) {
        if (s == null || s.isBlank() || s.equals("-")) {
            return;
        }
        String n = ChineseText.label(s);
        phrases.add(n);
        phrases.add(ChineseText.labelCore(n));
    }

    /** Whether a label cell is part of the national tables' wording (whole, or a wrapped piece of it). */
    public boolean known(String norm) {
        if (norm.isEmpty() || phrases.contains(norm) || phrases.contains(ChineseText.labelCore(norm))) {
            return true;
        }
        if (joinedPhrases.contains(norm)) {
            return true;
        }
        // Several labels in one cell ("三、本年度办理结果(一)予以公开"): known when known phrases cover it.
        String rest = norm;
        for (String p : byLength) {
            if (p.length() >= 2 && rest.contains(p)) {
                rest = rest.replace(p, "");
            }
        }
        if (onlyNumbering(rest)) {
            return true;
        }
        if (norm.length() >= 4) {
            for (String p : phrases) {
                if (ChineseText.distance(norm, p, 1) <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether nothing but numbering is left: brackets, numerals, digits, "." "、" ":" ",". */
    private static boolean onlyNumbering(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if ("()一二三四五六七八九十0123456789.、:,".indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cores(RowDef r) {
        Set<String> out = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        names.add(r.label());
        names.addAll(r.aliases());
        for (String name : names) {
            String core = ChineseText.labelCore(ChineseText.label(name));
            out.add(core);
            // "部分公开（区分处理的，只计这一情形，不计其他情形）" is often printed without its note.
            int paren = core.indexOf('(');
            if (paren >= 2 && core.endsWith(")")) {
                out.add(core.substring(0, paren));
            }
        }
        return List.copyOf(out);
    }

    private static List<RuleInstance> rulesWithin(List<CellDef> cells, List<RuleInstance> instances) {
        Set<String> keys = new HashSet<>();
        cells.forEach(c -> keys.add(c.key()));
        return instances.stream().filter(ri -> !ri.acrossYears() && keys.containsAll(ri.cells())).toList();
    }

    /** Leaf labels (and aliases) of a target's columns, normalized, in column order. */
    public static List<List<String>> columnNames(Target t) {
        List<List<String>> out = new ArrayList<>();
        for (CellDef c : t.cells()) {
            List<String> names = new ArrayList<>();
            names.add(ChineseText.label(c.col().label()));
            c.col().aliases().forEach(a -> names.add(ChineseText.label(a)));
            out.add(names);
        }
        return out;
    }
}
