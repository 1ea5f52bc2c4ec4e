package cn.nianbao.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the national format, compiled: loaded from a spec file ({@code templates/ID.spec})
 * and validated, then everything derived from it worked out once (when first needed) and kept here — the cell keys in
 * national order, where each label and cell sits in our template ({@link #layout()}), the totals
 * in the order they are computed ({@link #totalSteps()}), the rules resolved to cell positions
 * ({@link #filingPlan()}, {@link #yearPlan()}), the rows and phrases the label reader looks for
 * ({@link #labelTargets()}), and how its cells correspond to other formats ({@link #maps()}).
 * Immutable; every other part of nianbao takes it as a parameter and derives nothing again.
 * A format of its own is one more spec file: see {@link Formats}.
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
    private final List<CellMap> maps;

    private final Keys cellKeys;
    private final List<CellDef> inputCells;
    private final List<RuleDef> filingRules;
    private final List<RuleDef> yearRules;
    private final Once<TemplateLayout> layout;
    private final Once<List<TotalStep>> totalSteps;
    private final Once<List<CompiledRule>> filingPlan;
    private final Once<List<CompiledRule>> yearPlan;
    private final int[] inputPositions;
    /** Worked out when first asked for (only reading by labels needs them), then kept. */
    private final Once<LabelTargets> labelTargets;
    private final Once<Map<String, LabelTargets>> tableTargets;

    FormatSpec(String id, String title, Integer yearFrom, Integer yearTo, String source, List<TableDef> tables,
               Map<String, CellDef> cells, List<RuleDef> rules, Map<String, RuleInstance> definingInstances,
               List<String> sameTables, List<SpecLoader.RawMap> rawMaps, List<CellMap> maps) {
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
        this.maps = List.copyOf(maps);
        this.cellKeys = new Keys(List.copyOf(cells.keySet()));
        this.inputCells = this.cells.values().stream().filter(c -> !c.isTotal()).toList();
        this.filingRules = this.rules.stream().filter(r -> !r.acrossYears()).toList();
        this.yearRules = this.rules.stream().filter(RuleDef::acrossYears).toList();
        // Derived from the fields above, each worked out once, when first used.
        this.inputPositions = inputCells.stream().mapToInt(c -> cellKeys.indexOf(c.key())).toArray();
        this.layout = new Once<>(() -> new TemplateLayout(this));
        this.totalSteps = new Once<>(this::planTotals);
        this.filingPlan = new Once<>(() -> compile(filingRules));
        this.yearPlan = new Once<>(() -> compile(yearRules));
        this.labelTargets = new Once<>(() -> new LabelTargets(this, null));
        this.tableTargets = new Once<>(() -> {
            Map<String, LabelTargets> byTable = new LinkedHashMap<>();
            this.tables.forEach(t -> byTable.put(t.key(), new LabelTargets(this, t)));
            return Collections.unmodifiableMap(byTable);
        });
    }

    /** This format with its correspondences to the other formats of its family resolved ({@link Formats}). */
    FormatSpec withMaps(List<CellMap> resolved) {
        return new FormatSpec(id, title, yearFrom, yearTo, source, tables, cells, rules, definingInstances, sameTables,
                rawMaps, resolved);
    }

    /** Every cell key in national order, shared by every filing of this format. */
    public Keys cellKeys() {
        return cellKeys;
    }

    /** Format version id, as written in the spec file and in every template of this format ("2021", "2019"). */
    public String id() {
        return id;
    }

    /** Chinese name of the format, e.g. 2021年版（国办公开办函〔2021〕30号）. */
    public String title() {
        return title;
    }

    /** Where the spec was loaded from (a file or classpath name), for messages. */
    public String source() {
        return source;
    }

    /** The first reporting year this format is for; null when open (the earliest format). */
    public Integer firstYear() {
        return yearFrom;
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

    /** The positions of {@link #inputCells()} in {@link #cellKeys()}, in the same order. */
    public int[] inputPositions() {
        return inputPositions.clone();
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
    public Set<String> inputsOf(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
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

    private void collectInputs(String key, Set<String> out) {
        if (cell(key).isTotal()) {
            definingInstance(key).right().cells().forEach(k -> collectInputs(k, out));
        } else {
            out.add(key);
        }
    }

    /** Where every label and cell of this format sits in our template. */
    public TemplateLayout layout() {
        return layout.get();
    }

    /** Every total of the format, in an order where each follows the totals it sums. */
    public List<TotalStep> totalSteps() {
        return totalSteps.get();
    }

    private List<TotalStep> planTotals() {
        List<TotalStep> steps = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (CellDef c : cells.values()) {
            addStep(c.key(), steps, planned);
        }
        return List.copyOf(steps);
    }

    private void addStep(String key, List<TotalStep> steps, Set<String> planned) {
        if (!cell(key).isTotal() || !planned.add(key)) {
            return;
        }
        List<Expr.Term> terms = definingInstance(key).right().terms();
        int[] at = new int[terms.size()];
        boolean[] negative = new boolean[terms.size()];
        for (int i = 0; i < at.length; i++) {
            addStep(terms.get(i).cell(), steps, planned);
            at[i] = cellKeys.indexOf(terms.get(i).cell());
            negative[i] = terms.get(i).negative();
        }
        steps.add(new TotalStep(cellKeys.indexOf(key), at, negative));
    }

    /** The rules within one filing, each expansion resolved to positions. */
    public List<CompiledRule> filingPlan() {
        return filingPlan.get();
    }

    /** The rules across years, each expansion resolved to positions (last year's cells by name). */
    public List<CompiledRule> yearPlan() {
        return yearPlan.get();
    }

    private List<CompiledRule> compile(List<RuleDef> defs) {
        List<CompiledRule> out = new ArrayList<>();
        for (RuleDef rule : defs) {
            for (RuleInstance ri : rule.instances()) {
                List<Expr.Term> terms = new ArrayList<>(ri.left().terms());
                terms.addAll(ri.right().terms());
                List<String> names = new ArrayList<>();
                int[] at = new int[terms.size()];
                boolean[] negative = new boolean[terms.size()];
                for (int i = 0; i < at.length; i++) {
                    Expr.Term t = terms.get(i);
                    names.add(t.cell());
                    at[i] = t.previous() ? -1 : cellKeys.indexOf(t.cell());
                    negative[i] = t.negative();
                }
                int[] inputs = inputsOf(ri.cells()).stream().mapToInt(cellKeys::indexOf).toArray();
                String findingCell = ri.left().singleCell() != null ? ri.left().singleCell()
                        : terms.stream().filter(t -> !t.previous()).reduce((a, b) -> b).map(Expr.Term::cell).orElseThrow();
                out.add(new CompiledRule(rule, ri, names, at, negative, ri.left().terms().size(), inputs, findingCell));
            }
        }
        return List.copyOf(out);
    }

    /** The rows and phrases of this format as the label reader looks for them. */
    public LabelTargets labelTargets() {
        return labelTargets.get();
    }

    /** The rows of one table alone (a sheet that holds only that table), every phrase of the format still known. */
    public LabelTargets labelTargets(TableDef table) {
        LabelTargets t = tableTargets.get().get(table.key());
        if (t == null) {
            throw new IllegalArgumentException("no table " + table.key() + " in format " + id);
        }
        return t;
    }

    /** Tables whose cells are the same cells, key for key, in the other format. */
    public List<String> sameTables() {
        return sameTables;
    }

    /** Correspondences of cells that differ between this format and the others of its family. */
    public List<CellMap> maps() {
        return maps;
    }

    List<SpecLoader.RawMap> rawMaps() {
        return rawMaps;
    }

    @Override
    public String toString() {
        return "FormatSpec[" + id + "]";
    }
}
