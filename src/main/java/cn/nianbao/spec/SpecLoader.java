package cn.nianbao.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a spec file (syntax in the header of {@code templates/2021.spec}) and validates it:
 * duplicate keys, rules naming unknown cells, bad expressions, totals without a defining rule
 * and circular totals all fail here, with the file, line and rule named.
 */
public final class SpecLoader {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TERM = Pattern.compile(
            "([a-z0-9_.]*)\\[([a-z0-9_]+)\\.\\.([a-z0-9_]+)]([a-z0-9_.]*)|([a-z0-9_.]+)");
    private static final Pattern TOKEN = Pattern.compile("[+-]|[^\\s+-]+");
    private static final Pattern FOR = Pattern.compile("([a-z]+):([a-z0-9_]+)(?:\\.([a-z0-9_]+))?\\.(rows|cols)");
    /** Marks a cell of last year's filing in a rule across years. */
    static final String PREVIOUS = "prev:";

    private final String source;

    private String id;
    private String title;
    private Integer yearFrom;
    private Integer yearTo;
    private final List<TableBuilder> tables = new ArrayList<>();
    private final List<RuleBuilder> rules = new ArrayList<>();
    private final List<String> sameTables = new ArrayList<>();
    private final List<RawMap> rawMaps = new ArrayList<>();
    private int lineNo;

    private SpecLoader(String source) {
        this.source = source;
    }

    /** A map statement kept as text until the other format is loaded too. */
    record RawMap(int line, String other, String forSpec, String left, String right) {
    }

    /**
     * Parses and validates one spec file's text ({@code source} names it in messages). The format's
     * correspondences to other formats ({@code map} lines) are resolved when it joins a family
     * ({@link Formats#of}); a bad spec throws {@link SpecException} naming the file, line and rule.
     */
    public static FormatSpec parse(String source, String text) {
        return new SpecLoader(source).run(text);
    }

    private FormatSpec run(String text) {
        String[] lines = text.split("\r?\n", -1);
        RuleBuilder rule = null;
        for (lineNo = 1; lineNo <= lines.length; lineNo++) {
            String line = lines[lineNo - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+", 2);
            String word = w[0];
            String rest = w.length > 1 ? w[1].strip() : "";
            try {
                switch (word) {
                    case "format" -> id = requireKeyLike(rest, "format id");
                    case "title" -> title = rest;
                    case "years" -> years(rest);
                    case "table" -> table(rest);
                    case "block" -> block(rest);
                    case "corner" -> currentBlock("corner").corner = rest;
                    case "col" -> col(rest);
                    case "row" -> row(rest);
                    case "rule" -> {
                        rule = rule(rest);
                        rules.add(rule);
                    }
                    case "left", "right", "message", "quote" -> ruleLine(rule, word, rest);
                    case "same-tables" -> sameTables.addAll(Arrays.asList(rest.split("\\s+")));
                    case "map" -> map(rest);
                    default -> throw fail("unknown statement '" + word + "'");
                }
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }
        lineNo = 0;
        if (id == null || title == null) {
            throw fail("missing 'format' or 'title'");
        }
        return build();
    }

    private SpecException fail(String message) {
        return new SpecException(source, lineNo, message);
    }

    private static String requireKeyLike(String s, String what) {
        if (!s.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bad " + what + " '" + s + "'");
        }
        return s;
    }

    private static String requireKey(String s) {
        if (!KEY.matcher(s).matches()) {
            throw new IllegalArgumentException("bad key '" + s + "' (lower-case letters, digits, _)");
        }
        return s;
    }

    private void years(String rest) {
        String[] p = rest.split("-", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("years must be FROM-TO, FROM- or -TO");
        }
        yearFrom = p[0].isEmpty() ? null : Integer.valueOf(p[0]);
        yearTo = p[1].isEmpty() ? null : Integer.valueOf(p[1]);
    }

    private static Map<String, String> options(List<String> words) {
        Map<String, String> opts = new LinkedHashMap<>();
        words.removeIf(w -> {
            int eq = w.indexOf('=');
            if (eq > 0) {
                opts.put(w.substring(0, eq), w.substring(eq + 1));
                return true;
            }
            return false;
        });
        return opts;
    }

    private void table(String rest) {
        List<String> w = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        Map<String, String> opts = options(w);
        if (w.size() != 3) {
            throw new IllegalArgumentException("table needs KEY NUMBER TITLE");
        }
        TableBuilder t = new TableBuilder();
        t.key = requireKey(w.get(0));
        t.number = w.get(1);
        t.title = w.get(2);
        t.sheet = opts.getOrDefault("sheet", "表" + t.number);
        t.layout = TableLayout.valueOf(opts.getOrDefault("layout", "matrix").toUpperCase());
        for (TableBuilder other : tables) {
            if (other.key.equals(t.key)) {
                throw new IllegalArgumentException("duplicate table key '" + t.key + "'");
            }
        }
        if (t.layout != TableLayout.BLOCKS) {
            t.blocks.add(new BlockBuilder("", ""));
        }
        tables.add(t);
    }

    private void block(String rest) {
        TableBuilder t = currentTable("block");
        if (t.layout != TableLayout.BLOCKS) {
            throw new IllegalArgumentException("'block' belongs to a table with layout=blocks");
        }
        String[] w = rest.split("\\s+");
        if (w.length != 2) {
            throw new IllegalArgumentException("block needs KEY LABEL");
        }
        for (BlockBuilder b : t.blocks) {
            if (b.key.equals(w[0])) {
                throw new IllegalArgumentException("duplicate block key '" + w[0] + "'");
            }
        }
        t.blocks.add(new BlockBuilder(requireKey(w[0]), w[1]));
    }

    private TableBuilder currentTable(String what) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("'" + what + "' before any 'table'");
        }
        return tables.get(tables.size() - 1);
    }

    private BlockBuilder currentBlock(String what) {
        TableBuilder t = currentTable(what);
        if (t.blocks.isEmpty()) {
            throw new IllegalArgumentException("'" + what + "' before any 'block'");
        }
        return t.blocks.get(t.blocks.size() - 1);
    }

    private static List<String> path(String s) {
        List<String> p = Arrays.asList(s.split(">", -1));
        if (p.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("empty level in label path '" + s + "'");
        }
        return p;
    }

    private static List<String> aliases(Map<String, String> opts) {
        String a = opts.remove("alias");
        return a == null ? List.of() : Arrays.asList(a.split("\\|"));
    }

    /** Removes {@code flag} if it stands after the {@code positional} leading words. */
    private static boolean flag(List<String> words, int positional, String flag) {
        if (words.size() > positional && words.get(positional).equals(flag)) {
            words.remove(positional);
            return true;
        }
        return false;
    }

    private void col(String rest) {
        BlockBuilder b = currentBlock("col");
        List<String> w = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        Map<String, String> opts = options(w);
        List<String> aliases = aliases(opts);
        boolean total = flag(w, 3, "total");
        if (w.size() != 3 || !opts.isEmpty()) {
            throw new IllegalArgumentException("col needs KEY PATH KIND [total] [alias=A|B]");
        }
        ColumnDef c = new ColumnDef(requireKey(w.get(0)), path(w.get(1)), Kind.parse(w.get(2)), total, aliases);
        if (b.cols.stream().anyMatch(x -> x.key().equals(c.key()))) {
            throw new IllegalArgumentException("duplicate column key '" + c.key() + "'");
        }
        b.cols.add(c);
    }

    private void row(String rest) {
        BlockBuilder b = currentBlock("row");
        List<String> w = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        Map<String, String> opts = options(w);
        List<String> aliases = aliases(opts);
        boolean total = flag(w, 2, "total");
        if (w.size() != 2 || !opts.isEmpty()) {
            throw new IllegalArgumentException("row needs KEY PATH [total] [alias=A|B]");
        }
        RowDef r = new RowDef(requireKey(w.get(0)), path(w.get(1)), total, aliases);
        if (b.rows.stream().anyMatch(x -> x.key().equals(r.key()))) {
            throw new IllegalArgumentException("duplicate row key '" + r.key() + "'");
        }
        b.rows.add(r);
    }

    private RuleBuilder rule(String rest) {
        List<String> w = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        Map<String, String> opts = options(w);
        if (w.size() != 2) {
            throw new IllegalArgumentException("rule needs ID SEVERITY [for=VAR:TABLE.rows|cols] [missing=…]");
        }
        RuleBuilder r = new RuleBuilder();
        r.line = lineNo;
        r.id = requireKeyLike(w.get(0), "rule id");
        if (rules.stream().anyMatch(x -> x.id.equals(r.id))) {
            throw new IllegalArgumentException("duplicate rule id '" + r.id + "'");
        }
        r.severity = Severity.parse(w.get(1));
        r.forSpec = opts.remove("for");
        r.missing = MissingStrategy.parse(opts.getOrDefault("missing", "skip_if_all_blank"));
        opts.remove("missing");
        if (!opts.isEmpty()) {
            throw new IllegalArgumentException("unknown rule option(s) " + opts.keySet());
        }
        return r;
    }

    private void ruleLine(RuleBuilder rule, String word, String rest) {
        if (rule == null) {
            throw new IllegalArgumentException("'" + word + "' before any 'rule'");
        }
        switch (word) {
            case "left" -> rule.left = rest;
            case "right" -> rule.right = rest;
            case "message" -> rule.message = rest;
            default -> rule.quote = rest;
        }
    }

    private void map(String rest) {
        List<String> w = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        Map<String, String> opts = options(w);
        String joined = String.join(" ", w);
        int eq = joined.indexOf(" = ");
        if (w.isEmpty() || eq < 0) {
            throw new IllegalArgumentException("map needs OTHER_FORMAT [for=…] LEFT = RIGHT");
        }
        String other = w.get(0);
        String left = joined.substring(other.length(), eq).strip();
        String right = joined.substring(eq + 3).strip();
        rawMaps.add(new RawMap(lineNo, other, opts.get("for"), left, right));
    }

    // ---- building and validation ----

    private FormatSpec build() {
        List<TableDef> tableDefs = new ArrayList<>();
        Map<String, CellDef> cells = new LinkedHashMap<>();
        for (TableBuilder t : tables) {
            List<BlockDef> blocks = new ArrayList<>();
            for (BlockBuilder b : t.blocks) {
                if (b.cols.isEmpty() || b.rows.isEmpty()) {
                    throw fail("table " + t.key + (b.key.isEmpty() ? "" : " block " + b.key) + " has no rows or no columns");
                }
                blocks.add(new BlockDef(b.key, b.label, b.corner == null ? "" : b.corner, b.cols, b.rows));
            }
            if (blocks.isEmpty()) {
                throw fail("table " + t.key + " has no blocks");
            }
            TableDef td = new TableDef(t.key, t.number, t.title, t.sheet, t.layout, blocks);
            tableDefs.add(td);
            for (BlockDef b : blocks) {
                for (RowDef r : b.rows()) {
                    for (ColumnDef c : b.cols()) {
                        String key = cellKey(t.key, b.key(), r.key(), c.key());
                        if (cells.put(key, new CellDef(key, td, b, r, c)) != null) {
                            throw fail("duplicate cell key '" + key + "'");
                        }
                    }
                }
            }
        }
        Map<String, TableDef> byKey = new HashMap<>();
        tableDefs.forEach(t -> byKey.put(t.key(), t));
        for (String s : sameTables) {
            if (!byKey.containsKey(s)) {
                throw fail("same-tables names unknown table '" + s + "'");
            }
        }

        List<RuleDef> ruleDefs = new ArrayList<>();
        Map<String, RuleInstance> defining = new HashMap<>();
        for (RuleBuilder rb : rules) {
            String where = source + ":" + rb.line + ": rule " + rb.id;
            if (rb.left == null || rb.right == null || rb.message == null) {
                throw new SpecException(where, 0, "needs left, right and message");
            }
            List<RuleInstance> instances = new ArrayList<>();
            for (Item item : items(rb.forSpec, byKey, where)) {
                Expr left = expand(item.substitute(rb.left), byKey, cells.keySet(), where);
                Expr right = expand(item.substitute(rb.right), byKey, cells.keySet(), where);
                String message = item.var == null ? rb.message : rb.message.replace("{" + item.var + "}", item.label);
                RuleInstance ri = new RuleInstance(rb.id, item.key, left, right, message);
                instances.add(ri);
                String total = left.singleCell();
                if (total != null && cells.get(total).isTotal()) {
                    defining.putIfAbsent(total, ri);
                }
            }
            ruleDefs.add(new RuleDef(rb.id, rb.severity, rb.missing, rb.message, rb.quote, instances));
        }
        for (CellDef c : cells.values()) {
            if (c.isTotal() && !defining.containsKey(c.key())) {
                throw fail("total cell " + c.key() + " is not the left side of any rule, so nothing computes it");
            }
        }
        for (RuleDef r : ruleDefs) {
            // Every finding code is in one catalogue, with the severities README documents.
            FindingCode code;
            try {
                code = FindingCode.valueOf(r.id());
            } catch (IllegalArgumentException e) {
                throw new SpecException(source, 0, "rule " + r.id() + " is not in the finding catalogue (FindingCode); add it there and to README's table");
            }
            if (!code.allows(r.severity())) {
                throw new SpecException(source, 0, "rule " + r.id() + " is " + r.severity() + " here but " + code.severities()
                        + " in the finding catalogue");
            }
        }
        checkAcyclic(defining, source);
        return new FormatSpec(id, title, yearFrom, yearTo, source, tableDefs, cells, ruleDefs, defining,
                sameTables, rawMaps, List.of());
    }

    static String cellKey(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    private static void checkAcyclic(Map<String, RuleInstance> defining, String source) {
        Map<String, Integer> state = new HashMap<>();
        for (String total : defining.keySet()) {
            visit(total, defining, state, source);
        }
    }

    private static void visit(String key, Map<String, RuleInstance> defining, Map<String, Integer> state,
                              String source) {
        RuleInstance ri = defining.get(key);
        if (ri == null || Integer.valueOf(2).equals(state.get(key))) {
            return;
        }
        if (Integer.valueOf(1).equals(state.get(key))) {
            throw new SpecException(source, 0, "rule " + ri.ruleId() + ": total " + key + " is computed from itself");
        }
        state.put(key, 1);
        ri.right().cells().forEach(c -> visit(c, defining, state, source));
        state.put(key, 2);
    }

    /** One value of a rule's loop variable: its key and Chinese label. */
    record Item(String var, String key, String label) {
        String substitute(String text) {
            return var == null ? text : text.replace("{" + var + "}", key);
        }
    }

    static List<Item> items(String forSpec, Map<String, TableDef> tables, String where) {
        if (forSpec == null) {
            return List.of(new Item(null, "", ""));
        }
        Matcher m = FOR.matcher(forSpec);
        if (!m.matches()) {
            throw new SpecException(where, 0, "bad for= '" + forSpec + "' (VAR:TABLE.rows or VAR:TABLE.cols)");
        }
        TableDef t = tables.get(m.group(2));
        BlockDef b = t == null ? null : m.group(3) == null ? (t.blocks().size() == 1 ? t.only() : null)
                : t.blocks().stream().filter(x -> x.key().equals(m.group(3))).findFirst().orElse(null);
        if (b == null) {
            throw new SpecException(where, 0, "for= needs a table with one block, or TABLE.BLOCK, not '" + forSpec + "'");
        }
        List<Item> items = new ArrayList<>();
        if (m.group(4).equals("rows")) {
            b.rows().forEach(r -> items.add(new Item(m.group(1), r.key(), String.join("/", r.path()))));
        } else {
            b.cols().forEach(c -> items.add(new Item(m.group(1), c.key(), c.label())));
        }
        return items;
    }

    /** Parses "a + b - t3.[x..y].c" into concrete cells, each checked against {@code known}. */
    static Expr expand(String text, Map<String, TableDef> tables, Set<String> known, String where) {
        if (text.contains("{")) {
            throw new SpecException(where, 0, "unbound variable in '" + text + "'");
        }
        List<Expr.Term> terms = new ArrayList<>();
        Matcher tok = TOKEN.matcher(text);
        boolean negative = false;
        boolean expectTerm = true;
        int at = 0;
        while (tok.find()) {
            if (!text.substring(at, tok.start()).isBlank()) {
                throw new SpecException(where, 0, "bad expression '" + text + "'");
            }
            at = tok.end();
            String p = tok.group();
            if (p.equals("+") || p.equals("-")) {
                if (!expectTerm && terms.isEmpty() || expectTerm && !terms.isEmpty()) {
                    throw new SpecException(where, 0, "bad expression '" + text + "' (two operators in a row)");
                }
                negative = p.equals("-");
                expectTerm = true;
                continue;
            }
            if (!expectTerm) {
                throw new SpecException(where, 0, "bad expression '" + text + "' (missing + or - before '" + p + "')");
            }
            boolean previous = p.startsWith(PREVIOUS);
            if (previous) {
                p = p.substring(PREVIOUS.length());
            }
            Matcher m = TERM.matcher(p);
            if (!m.matches()) {
                throw new SpecException(where, 0, "bad expression '" + text + "' at '" + p + "'");
            }
            List<String> cells = m.group(5) != null ? List.of(m.group(5))
                    : range(m.group(1), m.group(2), m.group(3), m.group(4), tables, where);
            for (String c : cells) {
                if (!known.contains(c)) {
                    throw new SpecException(where, 0, "unknown cell '" + c + "' in '" + text + "'");
                }
                terms.add(new Expr.Term(negative, c, previous));
            }
            negative = false;
            expectTerm = false;
        }
        if (!text.substring(at).isBlank() || expectTerm) {
            throw new SpecException(where, 0, "bad expression '" + text + "'");
        }
        return new Expr(terms);
    }

    private static List<String> range(String prefix, String from, String to, String suffix,
                                      Map<String, TableDef> tables, String where) {
        String[] segs = prefix.split("\\.");
        TableDef t = tables.get(segs[0]);
        if (t == null) {
            throw new SpecException(where, 0, "unknown table in '" + prefix + "'");
        }
        BlockDef b = t.blocks().size() == 1 ? t.only()
                : t.blocks().stream().filter(x -> segs.length > 1 && x.key().equals(segs[1])).findFirst()
                .orElseThrow(() -> new SpecException(where, 0, "range needs a block in '" + prefix + "'"));
        List<String> rowKeys = b.rows().stream().map(RowDef::key).toList();
        List<String> colKeys = b.cols().stream().map(ColumnDef::key).toList();
        List<String> axis = rowKeys.contains(from) && rowKeys.contains(to) ? rowKeys
                : colKeys.contains(from) && colKeys.contains(to) ? colKeys : null;
        if (axis == null || axis.indexOf(from) > axis.indexOf(to)) {
            throw new SpecException(where, 0, "bad range [" + from + ".." + to + "]");
        }
        List<String> out = new ArrayList<>();
        for (String k : axis.subList(axis.indexOf(from), axis.indexOf(to) + 1)) {
            out.add(prefix + k + suffix);
        }
        return out;
    }

    /** Resolves map statements once every format is loaded, both sides checked against their format: the spec with its maps. */
    static FormatSpec resolveMaps(FormatSpec spec, Map<String, FormatSpec> all) {
        List<CellMap> maps = new ArrayList<>();
        Map<String, TableDef> own = tableIndex(spec);
        Set<String> ownCells = cellKeys(spec);
        for (RawMap raw : spec.rawMaps()) {
            String where = spec.source() + ":" + raw.line() + " map";
            FormatSpec other = all.get(raw.other());
            if (other == null) {
                throw new SpecException(spec.source(), raw.line(), "map names unknown format '" + raw.other() + "'");
            }
            Map<String, TableDef> theirs = tableIndex(other);
            Set<String> otherCells = cellKeys(other);
            for (Item item : items(raw.forSpec(), own, where)) {
                maps.add(new CellMap(other.id(),
                        expand(item.substitute(raw.left()), own, ownCells, where),
                        expand(item.substitute(raw.right()), theirs, otherCells, where)));
            }
        }
        for (String table : spec.sameTables()) {
            for (CellDef c : spec.cells()) {
                if (!c.table().key().equals(table)) {
                    continue;
                }
                boolean elsewhere = all.values().stream().filter(o -> o != spec).allMatch(o -> o.hasCell(c.key()));
                boolean mapped = maps.stream().anyMatch(m -> m.left().cells().anyMatch(c.key()::equals));
                if (!elsewhere && !mapped) {
                    throw new SpecException(spec.source(), 0,
                            "cell " + c.key() + " of same-table " + table + " is neither in the other format nor mapped");
                }
            }
        }
        return spec.withMaps(maps);
    }

    private static Map<String, TableDef> tableIndex(FormatSpec spec) {
        Map<String, TableDef> m = new HashMap<>();
        spec.tables().forEach(t -> m.put(t.key(), t));
        return m;
    }

    private static Set<String> cellKeys(FormatSpec spec) {
        Set<String> s = new HashSet<>();
        spec.cells().forEach(c -> s.add(c.key()));
        return s;
    }

    private static final class TableBuilder {
        String key;
        String number;
        String title;
        String sheet;
        TableLayout layout;
        final List<BlockBuilder> blocks = new ArrayList<>();
    }

    private static final class BlockBuilder {
        final String key;
        final String label;
        String corner;
        final List<ColumnDef> cols = new ArrayList<>();
        final List<RowDef> rows = new ArrayList<>();

        BlockBuilder(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    private static final class RuleBuilder {
        int line;
        String id;
        Severity severity;
        String forSpec;
        MissingStrategy missing;
        String left;
        String right;
        String message;
        String quote;
    }
}
