package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.model.CellCheck;
import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Totals;
import cn.nianbao.read.label.Segments.Kind;
import cn.nianbao.read.label.Segments.Segment;
import cn.nianbao.read.label.Segments.Tok;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.LabelTargets.Target;
import cn.nianbao.spec.LabelTargets;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TableDef;
import cn.nianbao.spec.TableLayout;
import cn.nianbao.util.ChineseText;
import cn.nianbao.util.NumberText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Finds the national rows in a source's segments by their labels and reads their values.
 * A row's label is the end of its segment's label run (so parent labels, wrapped lines and a
 * header repeated on a new page in front of it do no harm). In a real grid the header's
 * positions name the columns, so an empty cell is a blank value; in text the values are taken in
 * order and, when fewer than the row's cells, split by the row's rules ({@link RunTogether}).
 * Everything not placed is a finding: L1 no table, L2 no row, L3 a label or number not placed,
 * L4 a label read by its likeness, L5 the wrong count of numbers, L6 run-together numbers,
 * L7 "—" or a unit read.
 */
final class TableParser {
    record Result(Map<String, CellValue> inputs, Map<String, CellValue> stored, Map<String, CellLocation> locations,
                  List<Finding> findings, Set<String> tablesFound) {
    }

    private record Match(Target target, boolean fuzzy, String tail) {
    }

    private static final List<String> T4_LEAVES = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private final LabelTargets targets;
    private final Source src;
    private final CellWriter out;
    private final List<Finding> findings;
    private final Set<Target> filled = new LinkedHashSet<>();
    private final Map<String, List<Integer>> headerCols = new HashMap<>();
    /** Rows found by their label in a grid with every cell of theirs empty and no columns known for them. */
    private final Map<Target, SourceCell> labelOnly = new LinkedHashMap<>();
    /** Per table key: the first and last segment index a row of it was found in. */
    private final Map<String, int[]> zones = new LinkedHashMap<>();
    private final Set<Integer> matched = new java.util.HashSet<>();

    private TableParser(LabelTargets targets, Source src) {
        this.targets = targets;
        this.src = src;
        this.out = new CellWriter(src.file());
        this.findings = out.findings;
    }

    static Result parse(LabelTargets targets, Source src, List<Segment> segs) {
        TableParser p = new TableParser(targets, src);
        p.run(segs);
        return new Result(p.out.inputs, p.out.stored, p.out.locations, p.out.findings, p.zones.keySet());
    }

    private void run(List<Segment> segs) {
        for (int i = 0; i < segs.size(); i++) {
            Segment seg = segs.get(i);
            if (src.grid()) {
                labelOnlyRows(seg, i);
            }
            if (!seg.hasValues()) {
                continue;
            }
            Match m = match(seg.chunk());
            if (m == null || src.grid() && !labelOnValueRow(seg, m.target())) {
                continue;
            }
            matched.add(i);
            zone(m.target().table(), i);
            if (m.fuzzy()) {
                findings.add(rowFinding(FindingCode.L4, Severity.INFO, m.target(), seg.firstValueCell(),
                        "标签“" + m.tail() + "”与国家格式的“" + m.target().row().label() + "”不完全一致，已按后者读取"));
            }
            assign(seg, m.target());
        }
        unplaced(segs);
        missing();
    }

    /**
     * In a grid a row's label is on the row of its numbers: numbers under a header whose row label
     * is gone must not take the name of the header's last label ("其他" is also a row). Table 四's
     * numbers sit under its header by design.
     */
    private static boolean labelOnValueRow(Segment seg, Target t) {
        return t.table().layout() == TableLayout.HORIZONTAL
                || seg.labels.get(seg.labels.size() - 1).cell().row() == seg.firstValueCell().row();
    }

    /** In a grid, a row whose cells are all empty still has its label: its values are blank, not missing. */
    private void labelOnlyRows(Segment seg, int index) {
        Map<Integer, List<Tok>> byRow = new LinkedHashMap<>();
        seg.labels.forEach(t -> byRow.computeIfAbsent(t.cell().row(), r -> new ArrayList<>()).add(t));
        List<Integer> rowNums = new ArrayList<>(byRow.keySet());
        int last = seg.hasValues() ? rowNums.size() - 1 : rowNums.size();
        for (int k = 0; k < last; k++) {
            StringBuilder chunk = new StringBuilder();
            byRow.get(rowNums.get(k)).forEach(t -> chunk.append(t.norm()));
            Match m = match(chunk.toString());
            if (m == null || m.fuzzy() || m.target().row() == null || m.target().table().layout() == TableLayout.HORIZONTAL
                    || filled.contains(m.target())) {
                continue;
            }
            List<Integer> cols = headerCols.get(key(m.target()));
            if (cols == null) {
                // No row of its block with numbers to take the columns from: the row is there, its cells empty.
                List<Tok> labels = byRow.get(rowNums.get(k));
                labelOnly.putIfAbsent(m.target(), labels.get(labels.size() - 1).cell());
                continue;
            }
            List<Tok> labels = byRow.get(rowNums.get(k));
            Tok last0 = labels.get(labels.size() - 1);
            zone(m.target().table(), index);
            filled.add(m.target());
            for (int j = 0; j < cols.size(); j++) {
                CellDef def = m.target().cells().get(j);
                SourceCell at = sameRow(last0.cell(), cols.get(j));
                put(def, CellValue.BLANK, at);
            }
        }
    }

    private Match match(String chunk) {
        if (chunk.isEmpty()) {
            return null;
        }
        // Table 四's own rows first: its header ends in 总计 like 三（七）总计 does.
        Target best = longestSuffix(chunk, true);
        if (best != null) {
            return new Match(best, false, null);
        }
        if (targets.t4Line() != null && (chunk.contains("尚未审结") || chunk.contains("结果维持") || chunk.contains("结果纠正"))) {
            return new Match(targets.t4Line(), false, null);
        }
        best = longestSuffix(chunk, false);
        if (best != null) {
            return new Match(best, false, null);
        }
        // Typos ("行政法复议"): one edit in a label of 4 or more characters, two in 12 or more.
        int bestDist = Integer.MAX_VALUE;
        String bestTail = null;
        for (Target t : targets.rows()) {
            for (String core : t.cores()) {
                if (core.length() < 4) {
                    continue;
                }
                int max = core.length() >= 12 ? 2 : 1;
                for (int k = core.length() - max; k <= core.length() + max; k++) {
                    if (k <= 0 || k > chunk.length()) {
                        continue;
                    }
                    String tail = chunk.substring(chunk.length() - k);
                    int d = ChineseText.distance(tail, core, max);
                    if (d <= max && d < bestDist) {
                        best = t;
                        bestDist = d;
                        bestTail = tail;
                    }
                }
            }
        }
        return best == null ? null : new Match(best, true, bestTail);
    }

    /** The row whose label (any of its forms) ends the chunk, the longest such; only table 四's rows if asked. */
    private Target longestSuffix(String chunk, boolean table4Only) {
        Target best = null;
        int bestLen = 0;
        for (Target t : targets.rows()) {
            if (table4Only && t.table().layout() != TableLayout.HORIZONTAL) {
                continue;
            }
            for (String core : t.cores()) {
                if (chunk.endsWith(core) && core.length() > bestLen) {
                    best = t;
                    bestLen = core.length();
                }
            }
        }
        return best;
    }

    private void zone(TableDef table, int i) {
        zones.merge(table.key(), new int[] {i, i}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }

    private static String key(Target t) {
        return t.headerKey() + (t.row() == null ? "#line" : "");
    }

    private void assign(Segment seg, Target t) {
        if (filled.contains(t) || (t.row() == null && anyFilled(t))) {
            findings.add(rowFinding(FindingCode.L3, Severity.WARNING, t, seg.firstValueCell(),
                    t.name() + "出现了不止一次：已按第一次出现的数字读取，这一次的数字（" + shown(seg.trimmedValues()) + "）未读取"));
            return;
        }
        filled.add(t);
        if (src.grid()) {
            List<Integer> cols = headerColumns(seg, t);
            if (cols != null) {
                byColumns(seg, t, cols);
                return;
            }
        }
        List<Tok> vals = seg.trimmedValues();
        int n = t.cells().size();
        if (vals.size() == n) {
            for (int j = 0; j < n; j++) {
                Tok tok = vals.get(j);
                put(t.cells().get(j), tok, tok.cell());
            }
        } else if (vals.size() < n && vals.stream().anyMatch(v -> v.kind() == Kind.VALUE && digits(v) != null && digits(v).length() > 1)) {
            runTogether(seg, t, vals);
        } else {
            blankRow(t, seg.firstValueCell());
            findings.add(rowFinding(FindingCode.L5, Severity.ERROR, t, seg.firstValueCell(),
                    t.name() + "应有" + n + "个数字，找到" + vals.size() + "个（" + shown(vals) + "）：无法确定哪个数字属于哪一列，该行按空白处理"));
        }
    }

    private boolean anyFilled(Target line) {
        return targets.rows().stream().anyMatch(r -> r.table() == line.table() && filled.contains(r));
    }

    /** Column positions from the header cells above the row, remembered for the rows below it. */
    private List<Integer> headerColumns(Segment seg, Target t) {
        SourceCell first = seg.firstValueCell();
        List<Tok> above = seg.labels.stream().filter(x -> x.cell().row() < first.row()).toList();
        List<Integer> cols = null;
        if (t.row() == null) {
            List<Integer> leaves = new ArrayList<>();
            above.stream().filter(x -> T4_LEAVES.contains(x.norm())).forEach(x -> leaves.add(x.cell().col()));
            leaves.sort(null);
            if (leaves.size() == t.cells().size() && leaves.stream().distinct().count() == leaves.size()) {
                cols = leaves;
            }
        } else {
            List<List<String>> names = LabelTargets.columnNames(t);
            List<Integer> found = new ArrayList<>();
            for (List<String> n : names) {
                above.stream().filter(x -> n.contains(x.norm()) || n.contains(ChineseText.labelCore(x.norm())))
                        .map(x -> x.cell().col()).filter(c -> !found.contains(c)).findFirst().ifPresent(found::add);
            }
            if (found.size() == names.size()) {
                cols = found;
            }
        }
        if (cols != null) {
            headerCols.put(key(t), cols);
        }
        return headerCols.get(key(t));
    }

    private void byColumns(Segment seg, Target t, List<Integer> cols) {
        SourceCell first = seg.firstValueCell();
        if (src.wholeRows() && first.row() < src.rows().size()) {
            List<SourceCell> line = src.rows().get(first.row());
            int end = line.isEmpty() ? -1 : line.get(line.size() - 1).col();
            if (end < java.util.Collections.max(cols)) {
                // A Word row with a cell deleted: the cells after it moved left, under other columns' headers.
                blankRow(t, first);
                findings.add(rowFinding(FindingCode.L5, Severity.ERROR, t, first, t.name() + "这一行的单元格比表头少（Word 表格中这一行"
                        + "可能删掉了一格，后面的格左移到了别的列下）：无法确定哪个数字属于哪一列，该行按空白处理"));
                return;
            }
        }
        Map<Integer, Tok> inRow = new HashMap<>();
        List<Tok> stray = new ArrayList<>();
        for (Tok v : seg.values) {
            if (v.cell().row() != first.row()) {
                continue;
            }
            if (cols.contains(v.cell().col())) {
                inRow.putIfAbsent(v.cell().col(), v);
            } else if (v.kind() == Kind.VALUE) {
                stray.add(v);
            }
        }
        for (int j = 0; j < cols.size(); j++) {
            CellDef def = t.cells().get(j);
            Tok v = inRow.get(cols.get(j));
            SourceCell at = v != null ? v.cell() : sameRow(first, cols.get(j));
            if (v == null || v.kind() == Kind.EMPTY) {
                put(def, CellValue.BLANK, at);
            } else {
                put(def, v, at);
            }
        }
        for (Tok s : stray) {
            findings.add(Finding.inRow(FindingCode.L3, src.file(), t.table().number(),
                    t.row() == null ? null : t.cells().get(0).rowLabel(), s.cell().sheet(), s.cell().where(), "数字“" + s.text().strip() + "”不在表头的任何一列下，未读取"));
        }
    }

    private void runTogether(Segment seg, Target t, List<Tok> vals) {
        Tok notNumber = vals.stream().filter(v -> v.kind() == Kind.VALUE && v.value() == null).findFirst().orElse(null);
        if (notNumber != null) {
            // A piece run onto the label that is no number ("1,21"): how many cells it spans is unknown.
            blankRow(t, seg.firstValueCell());
            findings.add(rowFinding(FindingCode.L5, Severity.ERROR, t, seg.firstValueCell(), t.name() + "应有" + t.cells().size()
                    + "个数字，找到“" + shown(vals) + "”，其中“" + notNumber.text().strip() + "”不是数字，无法拆分：该行按空白处理"));
            return;
        }
        List<String> pieces = new ArrayList<>();
        for (Tok v : vals) {
            pieces.add(v.kind() == Kind.EMPTY || v.value().blankMark() ? null
                    : digits(v) != null ? digits(v) : "=" + v.value().number().toPlainString());
        }
        List<List<BigDecimal>> found = RunTogether.splits(pieces, t.cells().size(), c -> fits(t, c));
        SourceCell at = seg.firstValueCell();
        String raw = shown(vals);
        if (found.size() == 1) {
            List<BigDecimal> split = found.get(0);
            for (int j = 0; j < split.size(); j++) {
                CellDef def = t.cells().get(j);
                BigDecimal v = split.get(j);
                put(def, v == null ? CellValue.BLANK : CellCheck.of(v, def.kind(), null, false).value(), at);
            }
            // "0000000": one digit per cell is the only reading, nothing worth a note.
            boolean digitPerCell = vals.size() == 1 && raw.length() == split.size();
            if (!digitPerCell) {
                findings.add(rowFinding(FindingCode.L6, Severity.INFO, t, at, t.name() + "的数字连在一起（“" + raw + "”），按"
                        + (t.rules().isEmpty() ? "每格不以0开头" : "本行的规则（总计等于各项之和）") + "只有一种拆法：" + joined(split)));
            }
        } else {
            blankRow(t, at);
            if (found.isEmpty()) {
                findings.add(rowFinding(FindingCode.L5, Severity.ERROR, t, at, t.name() + "应有" + t.cells().size() + "个数字，找到“"
                        + raw + "”，按本行的规则无法拆分：该行按空白处理"));
            } else {
                StringJoiner c = new StringJoiner("；");
                found.stream().limit(5).forEach(s -> c.add(joined(s)));
                findings.add(rowFinding(FindingCode.L6, Severity.ERROR, t, at, t.name() + "的数字连在一起（“" + raw + "”），有"
                        + (found.size() > RunTogether.MAX_CANDIDATES ? "很多" : String.valueOf(found.size()))
                        + "种拆法都符合规则，无法确定，该行按空白处理。可能的拆法：" + c + (found.size() > 5 ? "……" : "")));
            }
        }
    }

    /** Whether a candidate split keeps every rule that lies within the row. */
    private static boolean fits(Target t, List<BigDecimal> candidate) {
        Map<String, CellValue> values = new HashMap<>();
        for (int j = 0; j < candidate.size(); j++) {
            BigDecimal v = candidate.get(j);
            values.put(t.cells().get(j).key(), v == null ? CellValue.BLANK : CellValue.Num.of(v, false));
        }
        for (RuleInstance ri : t.rules()) {
            CellValue l = Totals.sum(ri.left(), k -> values.getOrDefault(k, CellValue.BLANK));
            CellValue r = Totals.sum(ri.right(), k -> values.getOrDefault(k, CellValue.BLANK));
            if (l instanceof CellValue.Num a && r instanceof CellValue.Num b && a.value().compareTo(b.value()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A value that is a bare run of digits, which a run-together row may cut; else null. */
    private static String digits(Tok v) {
        return v.value() == null ? null : v.value().digits();
    }

    private void blankRow(Target t, SourceCell at) {
        out.blankRow(t, at);
    }

    private void put(CellDef def, Tok tok, SourceCell at) {
        if (tok.kind() == Kind.EMPTY) {
            out.put(def, CellValue.BLANK, at);
        } else {
            out.put(def, tok.text(), tok.value(), at);
        }
    }

    private void put(CellDef def, CellValue value, SourceCell at) {
        out.put(def, value, at);
    }

    /** Labels and numbers inside a table's stretch of the source that belong to no national row. */
    private void unplaced(List<Segment> segs) {
        for (Map.Entry<String, int[]> z : zones.entrySet()) {
            TableDef table = targets.spec().table(z.getKey());
            for (int i = z.getValue()[0]; i <= z.getValue()[1]; i++) {
                Segment seg = segs.get(i);
                // The first segment's labels run back into whatever precedes the table (narrative, headings).
                for (Tok t : i == z.getValue()[0] ? List.<Tok>of() : seg.labels) {
                    if (!targets.known(t.norm())) {
                        findings.add(Finding.inTable(FindingCode.L3, src.file(), table.number(), t.cell().sheet(), t.cell().where(),
                                "表" + table.number() + "中的标签“" + brief(t.text()) + "”不是国家格式中的标签，未能对应到任何行或列"));
                    }
                }
                if (!matched.contains(i) && seg.hasValues()) {
                    SourceCell at = seg.firstValueCell();
                    findings.add(Finding.inTable(FindingCode.L3, src.file(), table.number(), at.sheet(), at.where(), "表" + table.number() + "中有一行数字（" + shown(seg.trimmedValues())
                            + "）找不到对应的行标签" + (seg.labels.isEmpty() ? "" : "（前面的文字是“" + brief(seg.labelText()) + "”）")
                            + "，未读取"));
                }
            }
        }
    }

    private void missing() {
        for (TableDef table : targets.spec().tables()) {
            if (targets.rows().stream().noneMatch(t -> t.table() == table)) {
                continue; // not looked for
            }
            if (!zones.containsKey(table.key())) {
                findings.add(Finding.inTable(FindingCode.L1, src.file(), table.number(), null, null, "没有找到表" + table.number() + "（" + table.title() + "）：该表的数字全部按空白处理，没有推测任何数字"));
                continue;
            }
            boolean line = targets.t4Line() != null && targets.t4Line().table() == table && filled.contains(targets.t4Line());
            for (Target t : targets.rows()) {
                if (t.table() == table && !filled.contains(t) && !line && labelOnly.containsKey(t)) {
                    blankRow(t, labelOnly.get(t));
                    findings.add(rowFinding(FindingCode.L5, Severity.ERROR, t, labelOnly.get(t), t.name() + "应有" + t.cells().size()
                            + "个数字，这一行的格都是空的，没有找到任何数字：该行按空白处理"));
                } else if (t.table() == table && !filled.contains(t) && !line) {
                    findings.add(Finding.inRow(FindingCode.L2, src.file(), table.number(), t.cells().get(0).rowLabel(), null, null,
                            "表" + table.number() + "中没有找到“" + t.row().label()
                            + "”这一行：该行按空白处理"));
                }
            }
        }
    }

    private Finding rowFinding(FindingCode code, Severity sev, Target t, SourceCell at, String message) {
        return out.rowFinding(code, sev, t, at, message);
    }

    private static String shown(List<Tok> vals) {
        StringJoiner j = new StringJoiner(" ");
        vals.forEach(v -> j.add(v.kind() == Kind.EMPTY ? "（空）" : v.text().strip()));
        return j.toString();
    }

    static String joined(List<BigDecimal> split) {
        StringJoiner j = new StringJoiner("、");
        split.forEach(v -> j.add(v == null ? "（空）" : v.toPlainString()));
        return j.toString();
    }

    static String brief(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /** The empty cell in column {@code col} of {@code cell}'s row (grid sources: where is an A1 address). */
    private static SourceCell sameRow(SourceCell cell, int col) {
        String rowNumber = cell.where().replaceFirst("^[A-Z]+", "");
        return new SourceCell("", cell.row(), col, cell.sheet(),
                org.apache.poi.ss.util.CellReference.convertNumToColString(col) + rowNumber);
    }

    static String a1(int row, int col) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(col) + (row + 1);
    }
}
