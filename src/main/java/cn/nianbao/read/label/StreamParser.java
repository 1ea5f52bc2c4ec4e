package cn.nianbao.read.label;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Finding;
import cn.nianbao.read.label.Anchors.Anchor;
import cn.nianbao.read.label.Tokens.Kind;
import cn.nianbao.read.label.Tokens.Tok;
import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.LabelTargets;
import cn.nianbao.spec.LabelTargets.Target;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TableDef;
import cn.nianbao.spec.TableLayout;
import cn.nianbao.util.ChineseText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The national tables read from a stream of tokens ({@link Tokens}): text, a PDF's text layer,
 * anything whose lines and cells are hints rather than structure. Each table's rows are found in
 * the stream of labels in their national order ({@link Anchors}); a row's values are the values
 * between the start of its label and the start of the next row's label (so a label wrapped around
 * its numbers, or cut by a page break, holds its numbers all the same). Where the labels of several
 * rows come before their numbers (a PDF's text in block order), the numbers are taken in row order.
 * Values that do not come one to a cell are read by the rules ({@link JointSplit}); in a PDF, a row
 * with fewer values than cells has them placed by where they stand under the columns. Everything not
 * placed is a finding: L1 no table, L2 no row, L3 a label or number not placed, L4 a label read by
 * its likeness, L5 the wrong count of numbers, L6 run-together numbers, L7 "—" or a unit read.
 */
final class StreamParser {
    private final LabelTargets targets;
    private final Source src;
    private final List<Tok> toks;
    private final CellWriter out;
    /** The folded labels, one after another; {@link #tokAt} the token of each character, {@link #posOf} where each token starts. */
    private final String stream;
    private final int[] tokAt;
    private final int[] posOf;
    private final Set<String> tablesFound = new LinkedHashSet<>();
    /** Tokens placed in a row (their index), so that what is left can be reported. */
    private final Set<Integer> used = new HashSet<>();

    private StreamParser(LabelTargets targets, Source src, Tokens.Cache cut) {
        this.targets = targets;
        this.src = src;
        this.toks = labelPieces(PageBreaks.clean(cut.of(src), targets), targets);
        this.out = new CellWriter(src.file());
        StringBuilder b = new StringBuilder();
        posOf = new int[toks.size() + 1];
        for (int k = 0; k < toks.size(); k++) {
            posOf[k] = b.length();
            Tok t = toks.get(k);
            if (t.kind() == Kind.LABEL) {
                b.append(t.norm());
            }
        }
        posOf[toks.size()] = b.length();
        stream = b.toString();
        tokAt = new int[stream.length()];
        for (int k = 0; k < toks.size(); k++) {
            if (toks.get(k).kind() == Kind.LABEL) {
                java.util.Arrays.fill(tokAt, posOf[k], posOf[k] + toks.get(k).norm().length(), k);
            }
        }
    }

    /**
     * "无" standing alone is a blank mark where a value stands, but also the first character of
     * "无法提供" cut from "（四）" by a page break: it is label text when the labels on either side
     * and it make a phrase of the tables.
     */
    private static List<Tok> labelPieces(List<Tok> toks, LabelTargets targets) {
        List<Tok> out = new ArrayList<>(toks);
        for (int k = 0; k < out.size(); k++) {
            Tok t = out.get(k);
            if (!t.num() || t.value() == null || !t.value().blankMark() || !ChineseText.compact(t.text()).equals("无")) {
                continue;
            }
            String before = k > 0 && out.get(k - 1).kind() == Kind.LABEL ? out.get(k - 1).norm() : "";
            String after = "";
            for (int j = k + 1; j < out.size() && j < k + 4; j++) {
                if (out.get(j).kind() == Kind.LABEL) {
                    after = out.get(j).norm();
                    break;
                }
                if (out.get(j).num()) {
                    break;
                }
            }
            boolean piece = false;
            for (String p : targets.phrases()) {
                int at = p.indexOf('无');
                if (at < 0) {
                    continue;
                }
                int back = 0;
                while (back < at && back < before.length() && p.charAt(at - 1 - back) == before.charAt(before.length() - 1 - back)) {
                    back++;
                }
                int ahead = 0;
                while (at + 1 + ahead < p.length() && ahead < after.length() && p.charAt(at + 1 + ahead) == after.charAt(ahead)) {
                    ahead++;
                }
                if (ahead >= 2 || back >= 1 && ahead >= 1) {
                    piece = true;
                    break;
                }
            }
            if (piece) {
                out.set(k, new Tok(Kind.LABEL, t.text(), "无", null, t.cell(), false, t.x(), t.line()));
            }
        }
        return out;
    }

    /** The tables of {@code targets} whose keys are in {@code tables} (all when null) read from {@code src}'s lines. */
    static TableParser.Result parse(LabelTargets targets, Source src, Set<String> tables, Tokens.Cache cut) {
        StreamParser p = new StreamParser(targets, src, cut);
        p.run(tables);
        return new TableParser.Result(p.out.inputs, p.out.stored, p.out.locations, p.out.findings, p.tablesFound);
    }

    /** One table found: its anchors in order, the token where its stretch starts, where it ends. */
    private record Zone(TableDef table, List<Anchor> anchors, int firstTok, int endTok) {
    }

    private void run(Set<String> only) {
        List<TableDef> tables = new ArrayList<>();
        for (TableDef t : targets.spec().tables()) {
            if ((only == null || only.contains(t.key())) && targets.rows().stream().anyMatch(r -> r.table() == t)) {
                tables.add(t);
            }
        }
        // Where each table's rows are: found alone, then each table's stretch ends where another's starts.
        Map<TableDef, List<Anchor>> found = new LinkedHashMap<>();
        Map<TableDef, Integer> starts = new LinkedHashMap<>();
        for (TableDef t : tables) {
            if (t.layout() == TableLayout.HORIZONTAL) {
                int at = horizontalStart(t);
                if (at >= 0) {
                    starts.put(t, at);
                    found.put(t, List.of());
                }
                continue;
            }
            List<Target> rows = rowsOf(t);
            List<Anchor> anchors = densest(Anchors.find(targets, stream, rows, 0, stream.length()));
            if (anchors.size() >= Math.min(3, rows.size()) && anchors.stream().anyMatch(this::hasValue)) {
                found.put(t, anchors);
                starts.put(t, tokenAt(anchors.get(0).start()));
            }
        }
        Map<Integer, Integer> titleStarts = new HashMap<>();
        for (Map.Entry<TableDef, Integer> e : starts.entrySet()) {
            titleStarts.put(e.getValue(), titleBefore(e.getKey(), e.getValue()));
        }
        for (TableDef t : tables) {
            if (!found.containsKey(t)) {
                out.findings.add(Finding.inTable(FindingCode.L1, src.file(), t.number(), null, null, "没有找到表" + t.number()
                        + "（" + t.title() + "）：该表的数字全部按空白处理，没有推测任何数字"));
                continue;
            }
            int first = starts.get(t);
            int limit = toks.size();
            for (Map.Entry<TableDef, Integer> e : starts.entrySet()) {
                int other = titleStarts.get(e.getValue());
                if (e.getKey() != t && other > first && other < limit) {
                    limit = other;
                }
            }
            tablesFound.add(t.key());
            if (t.layout() == TableLayout.HORIZONTAL) {
                horizontal(t, first, limit);
            } else {
                rows(t, found.get(t), limit);
            }
        }
    }

    /** Rows of a table stand close together: the largest run of anchors with little text between, the rest is narrative. */
    private static List<Anchor> densest(List<Anchor> anchors) {
        List<Anchor> best = List.of();
        List<Anchor> run = new ArrayList<>();
        for (Anchor a : anchors) {
            if (!run.isEmpty() && a.start() - run.get(run.size() - 1).end() > 200) {
                run = new ArrayList<>();
            }
            run.add(a);
            if (run.size() > best.size()) {
                best = run;
            }
        }
        return List.copyOf(best);
    }

    /** Whether a value follows the anchor's label before the next label that is no part of the tables. */
    private boolean hasValue(Anchor a) {
        int from = tokenAt(a.start());
        int end = lastRowEnd(tokenAt(Math.max(a.start(), a.end() - 1)), toks.size());
        return !values(from, end).isEmpty();
    }

    private List<Target> rowsOf(TableDef t) {
        return targets.derived(new RowsOf(t.key()), () -> targets.rows().stream().filter(r -> r.table() == t && r.row() != null).toList());
    }

    private record RowsOf(String table) {
    }

    /** The token whose label holds stream offset {@code pos}. */
    private int tokenAt(int pos) {
        return pos < tokAt.length ? tokAt[pos] : toks.size();
    }

    /** The token where the table's title stands right before token {@code first} (within its header), else {@code first}. */
    private int titleBefore(TableDef t, int first) {
        String title = ChineseText.labelCore(ChineseText.label(t.title()));
        int at = posOf[first];
        int p = stream.lastIndexOf(title, at);
        return p >= 0 && at - p < 400 ? tokenAt(p) : first;
    }

    // ---- tables of rows (二, 三) ----

    private void rows(TableDef table, List<Anchor> anchors, int limit) {
        List<Target> all = rowsOf(table);
        Map<Target, Anchor> byTarget = new LinkedHashMap<>();
        anchors.forEach(a -> byTarget.put(a.target(), a));
        // Each anchored row's values: from its label's start to the next label's start (the next row's,
        // or in a text whose labels are out of table order, the next found label in the text).
        List<Anchor> order = withDisplaced(all, anchors, limit);
        order.forEach(a -> byTarget.putIfAbsent(a.target(), a));
        Map<Target, List<Integer>> window = new LinkedHashMap<>();
        List<int[]> heads = blockHeads(table);
        for (Anchor a : order) {
            int from = tokenAt(a.start());
            int next = -1;
            for (Anchor b : order) {
                if (b.start() > a.start() && (next < 0 || b.start() < next)) {
                    next = b.start();
                }
            }
            int to = next >= 0 ? tokenAt(next) : lastRowEnd(tokenAt(Math.max(a.start(), a.end() - 1)), limit);
            to = Math.min(to, nextBlockHead(heads, a, to));
            window.put(a.target(), values(from, Math.min(to, limit)));
        }
        valuesAboveLabel(all, order, window, heads);
        redistribute(order, window);
        collapsedGroups(table, all, byTarget, window);

        // Rows read one by one; those that need the rest of the table are solved together.
        Map<Target, List<List<BigDecimal>>> ambiguous = new LinkedHashMap<>();
        Map<Target, JointSplit.Readings> readings = new HashMap<>();
        Map<String, BigDecimal> known = new HashMap<>();
        List<Anchor> deferred = new ArrayList<>();
        Map<Target, List<Tok>> valsOf = new HashMap<>();
        for (Anchor a : order) {
            Target t = a.target();
            if (a.fuzzy()) {
                out.findings.add(out.rowFinding(FindingCode.L4, Severity.INFO, t, cellOf(a),
                        "标签“" + a.seen() + "”与国家格式的“" + t.row().label() + "”不完全一致，已按后者读取"));
            }
            String foreign = interleaved(t, window.get(t), order);
            List<Tok> vals = trimmed(window.get(t), t.cells().size());
            valsOf.put(t, vals);
            int n = t.cells().size();
            if (foreign != null) {
                SourceCell at = vals.isEmpty() ? cellOf(a) : vals.get(0).cell();
                out.blankRow(t, at);
                out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, t, at, t.name() + "的数字（" + shown(vals)
                        + "）中间夹着别的文字（“" + brief(foreign) + "”）：文字的先后与表格的行列不一致（例如 PDF 直接转出的文字），"
                        + "无法确定每个数字属于哪一列，该行按空白处理"));
                continue;
            }
            if (vals.size() == n) {
                for (int j = 0; j < n; j++) {
                    Tok v = vals.get(j);
                    putTok(t.cells().get(j), v);
                    known.put(t.cells().get(j).key(), v.value() == null || v.value().blankMark() ? null : v.value().number());
                }
                fullRowsOf.computeIfAbsent(t.headerKey(), k -> new ArrayList<>()).add(vals);
            } else {
                deferred.add(a);
            }
        }
        for (Anchor a : deferred) {
            Target t = a.target();
            List<Tok> vals = valsOf.get(t);
            int n = t.cells().size();
            if (vals.isEmpty()) {
                out.blankRow(t, cellOf(a));
                out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, t, cellOf(a), t.name() + "应有" + n
                        + "个数字，没有找到任何数字：该行按空白处理"));
                continue;
            }
            if (src.placed() && vals.size() < n && placeByColumns(table, t, vals)) {
                continue;
            }
            JointSplit.Readings r = JointSplit.of(t, vals);
            readings.put(t, r);
            if (r.all().size() == 1) {
                take(t, vals, r.all().get(0), r, false);
                for (int j = 0; j < n; j++) {
                    known.put(t.cells().get(j).key(), r.all().get(0).get(j));
                }
            } else if (r.all().isEmpty()) {
                unreadable(t, vals, r);
            } else {
                ambiguous.put(t, r.all());
            }
        }
        if (!ambiguous.isEmpty()) {
            List<RuleInstance> across = acrossRows(table);
            JointSplit.Joint j = JointSplit.together(ambiguous, known, across);
            for (Map.Entry<Target, List<List<BigDecimal>>> e : ambiguous.entrySet()) {
                Target t = e.getKey();
                List<Tok> vals = valsOf.get(t);
                if (j.resolved().containsKey(t)) {
                    take(t, vals, j.resolved().get(t), readings.get(t), true);
                } else {
                    leaveAmbiguous(t, vals, j.left().getOrDefault(t, e.getValue()), j.noneFits(), readings.get(t).joined());
                }
            }
        }
        for (Target t : all) {
            if (!byTarget.containsKey(t) && !collapsed.contains(t)) {
                out.findings.add(Finding.inRow(FindingCode.L2, src.file(), table.number(), t.cells().get(0).rowLabel(), null, null,
                        "表" + table.number() + "中没有找到“" + t.row().label() + "”这一行：该行按空白处理"));
            }
        }
        unplaced(table, order, limit);
    }

    /**
     * The anchors in table order, with the rows the chain missed found out of order: a label that
     * pdftotext printed elsewhere in the table's stretch (a wrapped label "1.本机关不掌握相关政府信/息"
     * printed after the labels of later rows). Only a label printed whole with its numbering, once
     * in the stretch and apart from every other row's label, is taken.
     */
    private List<Anchor> withDisplaced(List<Target> all, List<Anchor> anchors, int limit) {
        if (anchors.isEmpty() || anchors.size() == all.size()) {
            return new ArrayList<>(anchors);
        }
        Map<Target, Anchor> by = new HashMap<>();
        anchors.forEach(a -> by.put(a.target(), a));
        Anchor last = anchors.get(anchors.size() - 1);
        int lo = anchors.get(0).start();
        int hi = posOf[Math.min(limit, lastRowEnd(tokenAt(Math.max(last.start(), last.end() - 1)), limit))];
        List<Anchor> out = new ArrayList<>();
        for (Target t : all) {
            Anchor a = by.get(t);
            if (a == null) {
                String form = ChineseText.label(t.row().label());
                int p = stream.indexOf(form, lo);
                int again = p < 0 ? -1 : stream.indexOf(form, p + 1);
                boolean once = p >= 0 && p + form.length() <= hi && Anchors.numbering(form) != 0
                        && (again < 0 || again + form.length() > hi);
                int end = p + form.length();
                if (once && anchors.stream().noneMatch(b -> b.start() < end && p < b.end())) {
                    a = new Anchor(t, p, end, false, null);
                } else if (p < 0) {
                    a = cutLabel(t, form, anchors, lo, hi);
                }
            }
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * A row's label cut by a page break with other labels printed between its halves
     * ("5.要求行政机关确认或重新" … "出具已获取信息"): one label piece in {@code stream[lo, hi)} that is
     * the start of the row's label with its numbering and at least half of it, the only such piece.
     */
    private Anchor cutLabel(Target t, String form, List<Anchor> anchors, int lo, int hi) {
        int numbering = Anchors.numbering(form);
        Anchor found = null;
        for (int k = tokenAt(lo); k < toks.size() && posOf[k] < hi; k++) {
            Tok tok = toks.get(k);
            String n = tok.norm();
            if (numbering == 0 || tok.kind() != Kind.LABEL || n.length() < Math.max(6, form.length() / 2) || n.length() >= form.length()
                    || !form.startsWith(n) || Anchors.numbering(n) != numbering) {
                continue;
            }
            int start = posOf[k];
            int end = start + n.length();
            if (anchors.stream().anyMatch(b -> b.start() < end && start < b.end())) {
                continue;
            }
            if (found != null) {
                return null; // printed twice: which one is the row's cannot be told
            }
            found = new Anchor(t, start, end, false, null);
        }
        return found;
    }

    /**
     * Where each block's heading ("第二十条第（六）项") stands in the stream: {start offset, block index}.
     * A block's values stand under its own heading, so a row's values end where another block's
     * heading begins: the numbers after it (printed before their row's label, as pdftotext puts a
     * LibreOffice PDF's cells) are never the row's before it.
     */
    private List<int[]> blockHeads(TableDef table) {
        List<int[]> heads = new ArrayList<>();
        for (int b = 0; b < table.blocks().size(); b++) {
            String label = table.blocks().get(b).label();
            String head = label == null || label.isBlank() ? "" : ChineseText.label(label);
            if (head.length() < 4) {
                continue;
            }
            for (int p = stream.indexOf(head); p >= 0; p = stream.indexOf(head, p + 1)) {
                heads.add(new int[] {p, b});
            }
        }
        return heads;
    }

    /**
     * A block of one row whose numbers stand between its heading and its row's label ("第二十条第（五）项
     * 信息内容 本年处理决定数量 577 行政许可", as pdftotext puts a LibreOffice PDF's cells): when the row's
     * own window holds no number and only the block's own heading and column labels stand around
     * them, those numbers — exactly one per cell — are the row's.
     */
    private void valuesAboveLabel(List<Target> all, List<Anchor> order, Map<Target, List<Integer>> window, List<int[]> heads) {
        for (Anchor a : order) {
            Target t = a.target();
            if (!plainValues(window.get(t)).isEmpty() || all.stream().filter(u -> u.block() == t.block()).count() != 1) {
                continue;
            }
            int own = t.table().blocks().indexOf(t.block());
            int head = -1;
            for (int[] h : heads) {
                if (h[1] == own && h[0] < a.start() && h[0] > head) {
                    head = h[0];
                }
            }
            if (head < 0 || a.start() - head > 120) {
                continue;
            }
            int from = tokenAt(head);
            int to = tokenAt(a.start());
            boolean clean = true;
            for (int k = from; k < to && clean; k++) {
                Tok tok = toks.get(k);
                clean = tok.kind() != Kind.LABEL || known(tok.norm()) && !inAnchor(order, k);
            }
            List<Integer> above = values(from, to);
            if (clean && plainValues(above).size() == t.cells().size()) {
                window.put(t, above);
            }
        }
    }

    /** The token where another block's heading starts after anchor {@code a}'s label and before token {@code to}, else {@code to}. */
    private int nextBlockHead(List<int[]> heads, Anchor a, int to) {
        int own = a.target().table().blocks().indexOf(a.target().block());
        int cut = to;
        for (int[] h : heads) {
            if (h[1] != own && h[0] >= a.end()) {
                cut = Math.min(cut, Math.max(tokenAt(h[0]), tokenAt(a.start()) + 1));
            }
        }
        return cut;
    }

    /** Rows of a group printed as one row (a 2021 report printing （六）其他处理 as 2019 did): blank, with one finding. */
    private final Set<Target> collapsed = new HashSet<>();

    /**
     * A parent label ("（六）其他处理") printed with its own numbers where none of its sub-rows is
     * found: the sub-rows stay blank (their split is not printed), one finding names the parent,
     * and its numbers are not taken for the row before it.
     */
    /** A group label numbered "（六）": its sub-rows are numbered "1." "2." …. */
    private static final Pattern GROUP_LABEL = Pattern.compile("[（(][一二三四五六七八九十]+[）)].*");

    private void collapsedGroups(TableDef table, List<Target> all, Map<Target, Anchor> byTarget, Map<Target, List<Integer>> window) {
        Map<String, List<Target>> groups = new LinkedHashMap<>();
        for (Target t : all) {
            List<String> path = t.row().path();
            if (path.size() >= 2 && GROUP_LABEL.matcher(path.get(path.size() - 2)).matches()) {
                groups.computeIfAbsent(path.get(path.size() - 2), k -> new ArrayList<>()).add(t);
            }
        }
        for (Map.Entry<String, List<Target>> g : groups.entrySet()) {
            List<Target> members = g.getValue();
            if (members.stream().anyMatch(byTarget::containsKey)) {
                continue;
            }
            // The found row before the group, whose values would otherwise swallow the group's.
            Target before = null;
            for (Target t : all) {
                if (t == members.get(0)) {
                    break;
                }
                if (byTarget.containsKey(t)) {
                    before = t;
                }
            }
            String parent = ChineseText.label(g.getKey());
            int from = before == null ? 0 : byTarget.get(before).end();
            int p = stream.indexOf(parent, from);
            if (p < 0 || before == null || p - from > 400) {
                continue;
            }
            int parentTok = tokenAt(p);
            List<Integer> prior = window.get(before);
            List<Integer> mine = new ArrayList<>();
            List<Integer> keep = new ArrayList<>();
            for (int k : prior) {
                (k > parentTok ? mine : keep).add(k);
            }
            if (mine.isEmpty()) {
                continue;
            }
            window.put(before, keep);
            mine.forEach(used::add);
            collapsed.addAll(members);
            SourceCell at = toks.get(parentTok).cell();
            for (Target t : members) {
                out.blankRow(t, at);
            }
            StringJoiner shown = new StringJoiner(" ");
            mine.forEach(k -> shown.add(shown(toks.get(k))));
            Target first = members.get(0);
            out.findings.add(Finding.inRow(FindingCode.L2, src.file(), table.number(), first.cells().get(0).rowLabel(), at.sheet(), at.where(),
                    "表" + table.number() + "的“" + g.getKey() + "”只印了一行（" + shown + "），没有分成国家格式的" + members.size()
                    + "项（这是" + "2019年版的写法）：这" + members.size() + "项按空白处理，没有推测如何拆分；其余各行照常读取").withSeverity(Severity.ERROR));
        }
    }

    /** Where the last row's values end: at the first label after its own that is no part of the tables' wording, or {@code limit}. */
    private int lastRowEnd(int from, int limit) {
        for (int k = from + 1; k < limit; k++) {
            Tok t = toks.get(k);
            if (t.kind() == Kind.LABEL && (!known(t.norm()) || titleTokens().contains(k))) {
                return k;
            }
        }
        return limit;
    }

    /** {@link LabelTargets#known} of each folded label asked about in this text. */
    private final Map<String, Boolean> known = new HashMap<>();

    private boolean known(String norm) {
        Boolean k = known.get(norm);
        if (k == null) {
            k = targets.known(norm);
            known.put(norm, k);
        }
        return k;
    }

    private Set<Integer> titles;

    /** Tokens where a table's title starts ("四、政府信息公开行政复议、行政诉讼情况"): the next table begins there. */
    private Set<Integer> titleTokens() {
        if (titles == null) {
            titles = new HashSet<>();
            for (TableDef t : targets.spec().tables()) {
                String title = ChineseText.labelCore(ChineseText.label(t.title()));
                for (int p = stream.indexOf(title); p >= 0; p = stream.indexOf(title, p + 1)) {
                    titles.add(tokenAt(p));
                }
            }
        }
        return titles;
    }

    /**
     * Label text standing between a row's values that is no part of any row's label (a header's
     * "总计" between the sixth and the seventh number): the text's order is not the table's, so
     * which number is in which column cannot be told. Null when the values stand together. A piece
     * of a group's label ("三、本" of the vertical "三、本年度办理结果") standing after a whole number
     * of rows' values is no such text: the values after it are the next rows' (pdftotext printing
     * the group's label where the next row's numbers begin).
     */
    private String interleaved(Target row, List<Integer> window, List<Anchor> order) {
        List<Integer> nums = window.stream().filter(k -> toks.get(k).kind() == Kind.NUM).toList();
        if (nums.size() < 2) {
            return null;
        }
        int before = 0;
        for (int k = nums.get(0) + 1; k < nums.get(nums.size() - 1); k++) {
            Tok t = toks.get(k);
            if (t.kind() == Kind.NUM) {
                before++;
            }
            if (t.kind() == Kind.LABEL && !inAnchor(order, k)
                    && !((before + 1) % row.cells().size() == 0 && groupPiece(row.table(), t.norm()))) {
                return t.text();
            }
        }
        return null;
    }

    /** Whether a folded label is a piece (two characters or more) of a group label of the table's rows and of no column's label. */
    private boolean groupPiece(TableDef table, String norm) {
        if (norm.length() < 2) {
            return false;
        }
        GroupWording w = targets.derived(new GroupWordingOf(table.key()), () -> GroupWording.of(rowsOf(table)));
        for (String c : w.columns()) {
            if (c.contains(norm)) {
                return false;
            }
        }
        for (String g : w.groups()) {
            if (g.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    /** The folded group labels of a table's rows (their paths but the last) and its columns' labels (their paths), each once. */
    private record GroupWording(List<String> groups, List<String> columns) {
        static GroupWording of(List<Target> rows) {
            Set<String> groups = new LinkedHashSet<>();
            Set<String> columns = new LinkedHashSet<>();
            for (Target t : rows) {
                List<String> path = t.row().path();
                for (String p : path.subList(0, path.size() - 1)) {
                    groups.add(ChineseText.label(p));
                }
                for (CellDef c : t.cells()) {
                    for (String p : c.col().path()) {
                        columns.add(ChineseText.label(p));
                    }
                }
            }
            return new GroupWording(List.copyOf(groups), List.copyOf(columns));
        }
    }

    private record GroupWordingOf(String table) {
    }

    /** The value tokens (NUM, EMPTY) among tokens [from, to). */
    private List<Integer> values(int from, int to) {
        List<Integer> v = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (toks.get(k).kind() != Kind.LABEL) {
                v.add(k);
            }
        }
        return v;
    }

    /**
     * The window's values without the empty cells at either end, except the empty ruled cells of a
     * PDF standing right before the first value on its line, as many as the row lacks: the cells
     * next to the values are value cells ("8.属于行政查询事项" | empty 自然人 | 0 0 0 0 0 0), those
     * further left the label columns' (a label not merged across them).
     */
    private List<Tok> trimmed(List<Integer> window, int cells) {
        int a = 0;
        int b = window.size();
        while (a < b && toks.get(window.get(a)).kind() == Kind.EMPTY) {
            a++;
        }
        while (b > a && toks.get(window.get(b - 1)).kind() == Kind.EMPTY) {
            b--;
        }
        while (a > 0 && a < b && b - a < cells) {
            Tok e = toks.get(window.get(a - 1));
            Tok first = toks.get(window.get(a));
            if (e.kind() != Kind.EMPTY || Double.isNaN(e.x()) || e.line() != first.line() || e.cell().page() != first.cell().page()) {
                break;
            }
            a--;
        }
        List<Tok> out0 = new ArrayList<>();
        for (int i = a; i < b; i++) {
            out0.add(toks.get(window.get(i)));
            used.add(window.get(i));
        }
        return out0;
    }

    /**
     * Rows whose labels and numbers stand in separate runs (a PDF's text in block order): rows
     * whose labels came before their numbers ("（一）予以公开", "（二）部分公开", then fourteen
     * numbers: a row with none followed by rows holding the surplus), or rows whose numbers came
     * before their labels ("8.属于行政查询事项" and twenty-one numbers, then the labels "1.本机关…",
     * "2.没有现成…": a row with the surplus followed by rows lacking theirs). The numbers of such a run
     * of one block are taken in row order when its counts add up exactly, no other text stands
     * among them, and every row so read keeps its own rules (a total that no longer adds up means
     * the numbers do not stand in row order: then nothing is moved).
     */
    private void redistribute(List<Anchor> order, Map<Target, List<Integer>> window) {
        for (int i = 0; i < order.size(); i++) {
            Target t = order.get(i).target();
            int own = plainValues(window.get(t)).size();
            boolean before = own == 0;
            if (!before && own <= t.cells().size()) {
                continue;
            }
            int need = 0;
            int have = 0;
            int j = i;
            for (; j < order.size(); j++) {
                Target u = order.get(j).target();
                if (u.block() != t.block()) {
                    break; // a block's numbers are never another block's
                }
                int count = plainValues(window.get(u)).size();
                if (!before && j > i && count >= u.cells().size()) {
                    break; // numbers before their labels: the rows after the first lack some of their own
                }
                need += u.cells().size();
                have += count;
                if (before ? have >= need : need >= have) {
                    break;
                }
            }
            if (j >= order.size() || have != need || j == i || order.get(j).target().block() != t.block()
                    || anyInterleaved(order, window, i, j)) {
                continue;
            }
            List<Integer> pool = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                pool.addAll(plainValues(window.get(order.get(k).target())));
            }
            Map<Target, List<Integer>> moved = new LinkedHashMap<>();
            int at = 0;
            for (int k = i; k <= j; k++) {
                Target u = order.get(k).target();
                int n = u.cells().size();
                moved.put(u, new ArrayList<>(pool.subList(at, at + n)));
                at += n;
            }
            if (moved.entrySet().stream().allMatch(e -> keepsItsRules(e.getKey(), e.getValue()))) {
                window.putAll(moved);
                Target last = order.get(j).target();
                out.findings.add(out.rowFinding(FindingCode.L5, Severity.INFO, t, toks.get(pool.get(0)).cell(),
                        "从" + t.name() + "到“" + last.row().label() + "”这" + (j - i + 1) + "行的标签和数字分开印出（"
                        + (before ? "标签在前、数字在后" : "数字在前、标签在后") + "，例如 PDF 直接转出的文字）：这" + pool.size()
                        + "个数字正好够这几行，已按行的顺序读取，每一行本行的规则都成立"));
                i = j;
            }
        }
    }

    /** Whether values (token indexes, one per cell) keep the row's own rules; a value that is no number keeps none. */
    private boolean keepsItsRules(Target t, List<Integer> vals) {
        List<BigDecimal> c = new ArrayList<>();
        for (int k : vals) {
            Tok v = toks.get(k);
            if (v.value() == null) {
                return false;
            }
            c.add(v.value().blankMark() ? null : v.value().number());
        }
        return JointSplit.fits(t, c);
    }

    /**
     * Whether a row of the run [i, j] has other text between its numbers: then the numbers do not
     * stand in row order (pdftotext printing "4" before "行政许可" but "5" after "行政处罚"), and
     * taking them in row order would shift them into the wrong rows.
     */
    private boolean anyInterleaved(List<Anchor> order, Map<Target, List<Integer>> window, int i, int j) {
        for (int k = i; k <= j; k++) {
            if (interleaved(order.get(k).target(), window.get(order.get(k).target()), order) != null) {
                return true;
            }
        }
        return false;
    }

    /** The window's values without empty cells. */
    private List<Integer> plainValues(List<Integer> w) {
        return w.stream().filter(k -> toks.get(k).kind() == Kind.NUM).toList();
    }

    /** The table's rules that span rows (within-row rules are each row's own). */
    private List<RuleInstance> acrossRows(TableDef table) {
        Set<String> keys = new HashSet<>();
        targets.spec().cells().stream().filter(c -> c.table() == table).forEach(c -> keys.add(c.key()));
        Set<RuleInstance> within = new HashSet<>();
        targets.rows().forEach(t -> within.addAll(t.rules()));
        return targets.spec().ruleInstances().stream()
                .filter(r -> !r.acrossYears() && !within.contains(r) && keys.containsAll(r.cells())).toList();
    }

    // ---- table 四: one line of numbers under its header ----

    /** The token where table 四 starts: its title, else its header ("行政复议" … "结果维持"); -1 if neither. */
    private int horizontalStart(TableDef t) {
        List<String> titles = new ArrayList<>();
        titles.add(ChineseText.labelCore(ChineseText.label(t.title())));
        rowsOf(t).forEach(r -> r.row().aliases().forEach(a -> titles.add(ChineseText.labelCore(ChineseText.label(a)))));
        int best = -1;
        int bestCount = 0;
        List<Integer> candidates = new ArrayList<>();
        for (String title : titles) {
            for (int p = stream.indexOf(title); p >= 0; p = stream.indexOf(title, p + 1)) {
                candidates.add(p);
            }
        }
        String first = ChineseText.label(t.blocks().get(0).rows().get(0).path().get(0));
        for (int p = stream.indexOf(first); p >= 0; p = stream.indexOf(first, p + 1)) {
            int leaf = stream.indexOf("结果维持", p);
            if (leaf >= 0 && leaf - p < 80) {
                candidates.add(p);
            }
        }
        candidates.sort(null);
        for (int p : candidates) {
            int k = tokenAt(p);
            int end = lastRowEnd(k, toks.size());
            int count = values(k, end).size();
            String header = stream.substring(p, Math.min(posOf[end], stream.length()));
            // The header's leaves, also broken over two lines ("结果/维持", printed "结果结果其他尚未…维持纠正结果审结").
            long leaves = java.util.stream.Stream.of("维持", "纠正", "审结").filter(header::contains).count();
            if (count > bestCount && leaves >= 2) {
                best = k;
                bestCount = count;
            }
        }
        return best;
    }

    private void horizontal(TableDef table, int first, int limit) {
        Target line = targets.t4Line();
        int end = lastRowEnd(first, limit);
        List<Integer> w = values(first, end);
        List<Tok> vals = trimmed(w, line.cells().size());
        int n = line.cells().size();
        if (vals.isEmpty()) {
            out.blankRow(line, toks.get(first).cell());
            out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, line, toks.get(first).cell(),
                    "表" + table.number() + "的表头下没有找到数字：该表按空白处理"));
            return;
        }
        if (vals.size() == n) {
            for (int j = 0; j < n; j++) {
                putTok(line.cells().get(j), vals.get(j));
            }
            return;
        }
        if (src.placed() && vals.size() < n && placeByColumns(table, line, vals)) {
            return;
        }
        JointSplit.Readings r = JointSplit.of(line, vals);
        if (r.all().size() == 1) {
            take(line, vals, r.all().get(0), r, false);
        } else if (r.all().isEmpty()) {
            unreadable(line, vals, r);
        } else {
            leaveAmbiguous(line, vals, r.all(), false, r.joined());
        }
    }

    // ---- values into cells ----

    private void putTok(CellDef def, Tok v) {
        if (v.kind() == Kind.EMPTY) {
            out.put(def, CellValue.BLANK, v.cell());
        } else {
            out.put(def, v.text(), v.value(), v.cell());
        }
    }

    private void take(Target t, List<Tok> vals, List<BigDecimal> split, JointSplit.Readings r, boolean byTable) {
        boolean dropped = r.dropped();
        SourceCell at = vals.get(0).cell();
        for (int j = 0; j < split.size(); j++) {
            out.putNumber(t.cells().get(j), split.get(j), at);
        }
        String raw = shown(vals);
        boolean digitPerCell = vals.size() == 1 && raw.length() == split.size();
        if (digitPerCell && !dropped && !byTable) {
            return; // "0000000": one digit per cell is the only reading, nothing worth a note
        }
        String how = byTable ? "整张表的规则（本行的总计，以及各列的勾稽关系）"
                : t.rules().isEmpty() ? "每格不以0开头" : "本行的规则（总计等于各项之和）";
        String what = dropped ? "的数字中夹着一个单独成行的数字（可能是页码）"
                : r.joined() ? "的数字连在一起，中间夹着零散的空格" : "的数字连在一起";
        String reading = split.size() == 1 && !byTable ? "本行只有一格，只有一种读法：" : "按" + how + "只有一种读法：";
        out.findings.add(out.rowFinding(FindingCode.L6, Severity.INFO, t, at, t.name() + what + "（“" + raw + "”），"
                + reading + joined(split)));
    }

    private void unreadable(Target t, List<Tok> vals, JointSplit.Readings r) {
        SourceCell at = vals.get(0).cell();
        out.blankRow(t, at);
        String raw = shown(vals);
        int n = t.cells().size();
        if (r.problem() != null) {
            out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, t, at, t.name() + "应有" + n + "个数字，找到“" + raw
                    + "”，其中“" + r.problem().text().strip() + "”不是数字，无法拆分：该行按空白处理"));
        } else if (vals.size() > n || vals.stream().noneMatch(v -> v.digits() != null && v.digits().length() > 1)) {
            out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, t, at, t.name() + "应有" + n + "个数字，找到" + vals.size()
                    + "个（" + raw + "）：无法确定哪个数字属于哪一列，该行按空白处理"));
        } else {
            out.findings.add(out.rowFinding(FindingCode.L5, Severity.ERROR, t, at, t.name() + "应有" + n + "个数字，找到“"
                    + raw + "”，按本行的规则无法拆分：该行按空白处理"));
        }
    }

    private void leaveAmbiguous(Target t, List<Tok> vals, List<List<BigDecimal>> candidates, boolean noneFitsTable, boolean joined) {
        SourceCell at = vals.get(0).cell();
        out.blankRow(t, at);
        StringJoiner c = new StringJoiner("；");
        candidates.stream().limit(5).forEach(s -> c.add(joined(s)));
        String count = candidates.size() > RunTogether.MAX_CANDIDATES ? "很多" : String.valueOf(candidates.size());
        String rules = noneFitsTable ? "种拆法都符合本行的规则，但都与表中其他行的勾稽关系不符" : "种拆法都符合规则";
        out.findings.add(out.rowFinding(FindingCode.L6, Severity.ERROR, t, at, t.name() + (joined ? "的数字连在一起，中间夹着零散的空格（“" : "的数字连在一起（“") + shown(vals) + "”），有"
                + count + rules + "，无法确定，该行按空白处理。可能的拆法：" + c + (candidates.size() > 5 ? "……" : "")));
    }

    /**
     * A PDF row with fewer values than cells: each value (and each empty ruled cell between them)
     * under the column whose middle it stands nearest, the columns' middles taken from the table's
     * full rows; the rest blank. False when the table has no full row to go by, a value has no
     * position, or two values fall under one column.
     */
    private boolean placeByColumns(TableDef table, Target t, List<Tok> vals) {
        double[] mid = columnMiddles(t);
        if (mid == null || vals.stream().anyMatch(v -> Double.isNaN(v.x()))) {
            return false;
        }
        double spacing = Double.MAX_VALUE;
        for (int j = 1; j < mid.length; j++) {
            spacing = Math.min(spacing, mid[j] - mid[j - 1]);
        }
        Tok[] at = new Tok[mid.length];
        for (Tok v : vals) {
            int best = -1;
            for (int j = 0; j < mid.length; j++) {
                if (best < 0 || Math.abs(v.x() - mid[j]) < Math.abs(v.x() - mid[best])) {
                    best = j;
                }
            }
            if (Math.abs(v.x() - mid[best]) > spacing / 2 || at[best] != null) {
                return false;
            }
            at[best] = v;
        }
        for (int j = 0; j < mid.length; j++) {
            CellDef def = t.cells().get(j);
            if (at[j] == null) {
                out.put(def, CellValue.BLANK, vals.get(0).cell());
            } else {
                putTok(def, at[j]);
            }
        }
        return true;
    }

    /** Column middles of rows laid out like {@code t} (same header): the median x of each column over the rows read whole. */
    private double[] columnMiddles(Target t) {
        int n = t.cells().size();
        List<List<Double>> xs = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            xs.add(new ArrayList<>());
        }
        List<List<Tok>> rows = fullRowsOf.getOrDefault(t.headerKey(), List.of());
        if (rows.isEmpty()) {
            return null;
        }
        for (List<Tok> r : rows) {
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(r.get(j).x())) {
                    xs.get(j).add(r.get(j).x());
                }
            }
        }
        double[] mid = new double[n];
        for (int j = 0; j < n; j++) {
            List<Double> c = xs.get(j);
            if (c.isEmpty()) {
                return null;
            }
            c.sort(null);
            mid[j] = c.get(c.size() / 2);
            if (j > 0 && mid[j] <= mid[j - 1]) {
                return null;
            }
        }
        return mid;
    }

    private final Map<String, List<List<Tok>>> fullRowsOf = new HashMap<>();

    // ---- what is left ----

    /** Numbers inside a table's stretch that no row took, and labels there that are no part of the national wording. */
    private void unplaced(TableDef table, List<Anchor> order, int limit) {
        if (order.isEmpty()) {
            return;
        }
        Anchor first = order.get(0);
        Anchor last = order.get(0);
        for (Anchor a : order) {
            first = a.start() < first.start() ? a : first;
            last = a.start() > last.start() ? a : last;
        }
        int from = tokenAt(first.start());
        int to = Math.min(limit, lastRowEnd(tokenAt(Math.max(last.start(), last.end() - 1)), limit));
        for (int k = from; k < to; k++) {
            Tok t = toks.get(k);
            if (t.kind() == Kind.NUM && !used.contains(k)) {
                out.findings.add(Finding.inTable(FindingCode.L3, src.file(), table.number(), t.cell().sheet(), t.cell().where(),
                        "表" + table.number() + "中的数字“" + t.text().strip() + "”找不到对应的行，未读取"));
            } else if (t.kind() == Kind.LABEL && !known(t.norm()) && !inAnchor(order, k)) {
                out.findings.add(Finding.inTable(FindingCode.L3, src.file(), table.number(), t.cell().sheet(), t.cell().where(),
                        "表" + table.number() + "中的标签“" + brief(t.text()) + "”不是国家格式中的标签，未能对应到任何行或列"));
            }
        }
    }

    /** Whether token {@code k} is part of a found row label (a label read by its likeness is no unplaced label). */
    private boolean inAnchor(List<Anchor> order, int k) {
        int p = posOf[k];
        int q = posOf[k + 1];
        for (Anchor a : order) {
            if (p < a.end() && q > a.start()) {
                return true;
            }
        }
        return false;
    }

    private SourceCell cellOf(Anchor a) {
        return toks.get(tokenAt(a.start())).cell();
    }

    private static String shown(Tok v) {
        return v.kind() == Kind.EMPTY ? "（空）" : v.text().strip();
    }

    private static String shown(List<Tok> vals) {
        StringJoiner j = new StringJoiner(" ");
        vals.forEach(v -> j.add(shown(v)));
        return j.toString();
    }

    private static String joined(List<BigDecimal> split) {
        return TableParser.joined(split);
    }

    private static String brief(String s) {
        return TableParser.brief(s);
    }
}
