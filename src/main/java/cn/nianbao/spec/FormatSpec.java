package cn.nianbao.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the national format, loaded from {@code templates/ID.spec} and validated when
 * loaded: its tables, every cell with a stable key, the rules, and how its cells correspond to
 * the other version's. Immutable.
 */
public final class FormatSpec {
    private final String id;
    private final String title;
    private final Integer yearFrom;
    private final Integer yearTo;
    private final String source;
    private final List<TableDef> tables;
    private final Map<String, CellDef> cells;
    private final List<RuleDef> rules;
    private final Map<String, RuleInstance> definingInstances;
    private final List<String> sameTables;
    private final List<SpecLoader.RawMap> rawMaps;
    private List<CellMap> maps = List.of();

    FormatSpec(String id, String title, Integer yearFrom, Integer yearTo, String source, List<TableDef> tables,
               Map<String, CellDef> cells, List<RuleDef> rules, Map<String, RuleInstance> definingInstances,
               List<String> sameTables, List<SpecLoader.RawMap> rawMaps) {
        this.id = id;
        this.title = title;
        this.yearFrom = yearFrom;
        this.yearTo = yearTo;
        this.source = source;
        this.tables = List.copyOf(tables);
        this.cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        this.rules = List.copyOf(rules);
        this.definingInstances = Map.copyOf(definingInstances);
        this.sameTables = List.copyOf(sameTables);
        this.rawMaps = List.copyOf(rawMaps);
        this.cellKeys = new cn.nianbao.model.Keys(List.copyOf(cells.keySet()));
        this.inputCells = this.cells.values().stream().filter(c -> !c.isTotal()).toList();
        this.filingRules = this.rules.stream().filter(r -> !r.acrossYears()).toList();
        this.yearRules = this.rules.stream().filter(RuleDef::acrossYears).toList();
    }

    private final List<CellDef> inputCells;
    private final List<RuleDef> filingRules;
    private final List<RuleDef> yearRules;

    private final cn.nianbao.model.Keys cellKeys;

    /** Every cell key in national order, shared by every filing of this format. */
    public cn.nianbao.model.Keys cellKeys() {
        return cellKeys;
    }

    /** Format version id: "2021" or "2019". */
    public String id() {
        return id;
    }

    /** Chinese name of the format, e.g. 2021年版（国办公开办函〔2021〕30号）. */
    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    /** Whether this format is the default one for reports on {@code year}. */
    public boolean coversYear(int year) {
        return (yearFrom == null || year >= yearFrom) && (yearTo == null || year <= yearTo);
    }

    public List<TableDef> tables() {
        return tables;
    }

    public TableDef table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + key + " in format " + id));
    }

    /** Every cell, in national order (tables, blocks, rows, columns). */
    public Collection<CellDef> cells() {
        return cells.values();
    }

    public CellDef cell(String key) {
        CellDef c = cells.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no cell " + key + " in format " + id);
        }
        return c;
    }

    public boolean hasCell(String key) {
        return cells.containsKey(key);
    }

    /** The cells an agency fills in (every cell that is not a total), in national order. */
    public List<CellDef> inputCells() {
        return inputCells;
    }

    public List<RuleDef> rules() {
        return rules;
    }

    /** Rules within one filing (R1–R4): checked in Java and live inside the template. */
    public List<RuleDef> filingRules() {
        return filingRules;
    }

    /** Rules across years (C1, C2): this year's filing against last year's. */
    public List<RuleDef> yearRules() {
        return yearRules;
    }

    /** Every expansion of the rules within one filing. */
    public List<RuleInstance> ruleInstances() {
        List<RuleInstance> all = new ArrayList<>();
        filingRules().forEach(r -> all.addAll(r.instances()));
        return all;
    }

    public RuleDef rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId + " in format " + id));
    }

    /** The rule expansion whose right side computes the total cell {@code key}. */
    public RuleInstance definingInstance(String key) {
        RuleInstance r = definingInstances.get(key);
        if (r == null) {
            throw new IllegalArgumentException(key + " is not a total cell of format " + id);
        }
        return r;
    }

    /**
     * The input cells that the given cells are made of, in first-seen order: an input stands for
     * itself, a total for the inputs its defining rule sums (transitively).
     */
    public java.util.Set<String> inputsOf(Collection<String> keys) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        keys.forEach(k -> collectInputs(k, out));
        return out;
    }

    /**
     * This year's 二、上年结转 cell and last year's 四、结转下年度继续办理 cell, column by column, as
     * rule C1 pairs them: what a template pre-fills and what reconciliation puts side by side.
     */
    public List<Map.Entry<String, String>> carriedOverPairs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (RuleInstance ri : rule("C1").instances()) {
            String previous = ri.right().terms().stream().filter(Expr.Term::previous).map(Expr.Term::cell)
                    .findFirst().orElseThrow(() -> new IllegalStateException("C1 names no cell of last year"));
            pairs.add(Map.entry(ri.left().singleCell(), previous));
        }
        return pairs;
    }

    private void collectInputs(String key, java.util.Set<String> out) {
        if (cell(key).isTotal()) {
            definingInstance(key).right().cells().forEach(k -> collectInputs(k, out));
        } else {
            out.add(key);
        }
    }

    /** Tables whose cells are the same cells, key for key, in the other format. */
    public List<String> sameTables() {
        return sameTables;
    }

    /** Correspondences of cells that differ between this format and another. */
    public List<CellMap> maps() {
        return maps;
    }

    List<SpecLoader.RawMap> rawMaps() {
        return rawMaps;
    }

    void resolvedMaps(List<CellMap> resolved) {
        this.maps = List.copyOf(resolved);
    }

    @Override
    public String toString() {
        return "FormatSpec[" + id + "]";
    }
}
