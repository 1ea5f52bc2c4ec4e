package cn.nianbao.spec;

import cn.nianbao.util.TextWidth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every label and cell of a format sits in our template: one sheet per table, drawn like
 * the national tables (same merged headers and label columns). The writer draws it; the reader
 * finds values and checks labels with it. Part of the compiled format ({@link FormatSpec#layout()}).
 */
public final class TemplateLayout {
    public static final String COVER_SHEET = "封面";
    public static final String CHECK_SHEET = "校验";
    /** The very hidden sheet that records what the template was issued for. */
    public static final String ID_SHEET = "_nianbao";
    /** The 校验 sheet: the header row, then one line per rule expansion from this row (0-based). */
    public static final int CHECK_FIRST_ROW = 4;
    /** The 校验 sheet's 说明 column (I), where a clerk explains a warning. */
    public static final int CHECK_NOTE_COL = 8;
    /** The cover's 填报说明 box: its label in column A of this row (0-based), the box to its right. */
    public static final int COVER_NOTE_ROW = 11;
    public static final int COVER_NOTE_COL = 1;
    public static final String COVER_NOTE_LABEL = "填报说明";
    /** Rows above each table: 0 title, 1 agency/year and hint. */
    static final int TABLE_TOP = 2;
    static final int DATA_COL_WIDTH = 11;

    public enum Role { TITLE, HINT, BLOCK, HEADER, ROW_LABEL }

    /** A label cell, merged from (row, col) to (lastRow, lastCol). */
    public record Label(Role role, String text, int row, int col, int lastRow, int lastCol) {
        public boolean merged() {
            return lastRow > row || lastCol > col;
        }

        public String a1() {
            return cn.nianbao.util.A1.of(row, col);
        }
    }

    /** Where a value cell sits; {@code lastCol > col} when it is merged to the right (table 二). */
    public record Pos(String sheet, int row, int col, int lastCol) {
        public String a1() {
            return cn.nianbao.util.A1.of(row, col);
        }

        public String absolute() {
            return cn.nianbao.util.A1.absolute(row, col);
        }
    }

    /** One table's sheet. */
    public record SheetLayout(TableDef table, String name, int width, List<Label> labels, Map<String, Pos> cells,
                              int[] colWidths, Map<Integer, Integer> rowHeights, int lastRow) {
    }

    private final FormatSpec spec;
    private final List<SheetLayout> sheets;
    private final Map<String, Pos> positions;
    private final List<CheckLine> checkLines;

    /** Made once, by the format itself ({@link FormatSpec#layout()}). */
    TemplateLayout(FormatSpec spec) {
        this.spec = spec;
        List<SheetLayout> list = new ArrayList<>();
        Map<String, Pos> pos = new HashMap<>();
        for (TableDef t : spec.tables()) {
            SheetLayout s = switch (t.layout()) {
                case BLOCKS -> blocks(t);
                case MATRIX -> matrix(t);
                case HORIZONTAL -> horizontal(t);
            };
            list.add(s);
            pos.putAll(s.cells());
        }
        this.sheets = List.copyOf(list);
        this.positions = Map.copyOf(pos);
        this.checkLines = checkLines(spec);
    }

    public FormatSpec spec() {
        return spec;
    }

    /**
     * One line of the 校验 sheet: a rule expansion at a 0-based row. The warning-level rules across
     * years (C2) come first, from {@link #CHECK_FIRST_ROW}: the template cannot compute them, but a
     * clerk can explain them in column {@link #CHECK_NOTE_COL}, and the reader finds them at the
     * top of the sheet; the rules within a filing follow. A 说明 belongs to the finding of the same
     * {@link #key()}.
     */
    public record CheckLine(int row, CompiledRule rule) {
        /** The rule and the cell its finding names: what ties a 说明 to a finding. */
        public String key() {
            return key(rule.rule().id(), rule.findingCell());
        }

        /** Whether the template offers an input for a 说明 here (warning-level lines). */
        public boolean explainable() {
            return rule.rule().severity() == Severity.WARNING;
        }

        public static String key(String ruleId, String cellKey) {
            return ruleId + "@" + cellKey;
        }
    }

    /** The lines of the 校验 sheet, in row order. */
    public List<CheckLine> checkLines() {
        return checkLines;
    }

    /** The rows of the 校验 sheet's lines within a filing: first and last, 0-based. */
    public int firstFilingCheckRow() {
        return CHECK_FIRST_ROW + checkLines.size() - spec.filingPlan().size();
    }

    /** The last row of a line a clerk may explain; -1 when the format has none. */
    public int lastExplainableRow() {
        return checkLines.stream().filter(CheckLine::explainable).mapToInt(CheckLine::row).max().orElse(-1);
    }

    private static List<CheckLine> checkLines(FormatSpec spec) {
        List<CheckLine> out = new ArrayList<>();
        int r = CHECK_FIRST_ROW;
        for (CompiledRule c : spec.yearPlan()) {
            if (c.rule().severity() == Severity.WARNING) {
                out.add(new CheckLine(r++, c));
            }
        }
        for (CompiledRule c : spec.filingPlan()) {
            out.add(new CheckLine(r++, c));
        }
        return List.copyOf(out);
    }

    public List<SheetLayout> sheets() {
        return sheets;
    }

    public Pos pos(String cellKey) {
        Pos p = positions.get(cellKey);
        if (p == null) {
            throw new IllegalArgumentException("no cell " + cellKey);
        }
        return p;
    }

    // ---- the three layouts ----

    private static final class Builder {
        final TableDef table;
        final List<Label> labels = new ArrayList<>();
        final Map<String, Pos> cells = new LinkedHashMap<>();
        int[] widths;
        final Map<Integer, Integer> heights = new HashMap<>();
        int lastRow;

        Builder(TableDef table, int width) {
            this.table = table;
            this.widths = new int[width];
            labels.add(new Label(Role.TITLE, table.title(), 0, 0, 0, width - 1));
            labels.add(new Label(Role.HINT, "", 1, 0, 1, width - 1));
        }

        void label(Role role, String text, int row, int col, int lastRow, int lastCol) {
            labels.add(new Label(role, text, row, col, lastRow, lastCol));
        }

        void cell(String key, int row, int col, int lastCol) {
            cells.put(key, new Pos(table.sheet(), row, col, lastCol));
            lastRow = Math.max(lastRow, row);
        }

        SheetLayout build() {
            fitHeights();
            return new SheetLayout(table, table.sheet(), widths.length, List.copyOf(labels),
                    Collections.unmodifiableMap(cells), widths, Map.copyOf(heights), lastRow);
        }

        /** Row heights so wrapped labels show whole (POI cannot autofit merged cells). */
        private void fitHeights() {
            for (Label l : labels) {
                if (l.role() == Role.HINT) {
                    continue;
                }
                int available = 0;
                for (int c = l.col(); c <= l.lastCol(); c++) {
                    available += widths[c];
                }
                int lines = Math.max(1, (int) Math.ceil((TextWidth.of(l.text()) + 1.0) / Math.max(1, available - 1)));
                int rows = l.lastRow() - l.row() + 1;
                int perRow = (int) Math.ceil(lines * 15.0 / rows) + 4;
                for (int r = l.row(); r <= l.lastRow(); r++) {
                    heights.merge(r, Math.max(20, perRow), Math::max);
                }
            }
        }
    }

    /** Table 二: each 第二十条 block has a label row, a header row and its data rows; width 4. */
    private static SheetLayout blocks(TableDef t) {
        int width = 1 + t.blocks().stream().mapToInt(b -> b.cols().size()).max().orElse(1);
        Builder b = new Builder(t, width);
        b.widths[0] = 24;
        for (int c = 1; c < width; c++) {
            b.widths[c] = 20;
        }
        int r = TABLE_TOP;
        for (BlockDef block : t.blocks()) {
            b.label(Role.BLOCK, block.label(), r, 0, r, width - 1);
            r++;
            b.label(Role.HEADER, block.corner(), r, 0, r, 0);
            for (int j = 0; j < block.cols().size(); j++) {
                int last = j == block.cols().size() - 1 ? width - 1 : j + 1;
                b.label(Role.HEADER, block.cols().get(j).label(), r, j + 1, r, last);
            }
            r++;
            for (RowDef row : block.rows()) {
                b.label(Role.ROW_LABEL, row.label(), r, 0, r, 0);
                for (int j = 0; j < block.cols().size(); j++) {
                    ColumnDef col = block.cols().get(j);
                    int last = j == block.cols().size() - 1 ? width - 1 : j + 1;
                    b.cell(t.key() + "." + block.key() + "." + row.key() + "." + col.key(), r, j + 1, last);
                }
                r++;
            }
        }
        return b.build();
    }

    /** Table 三: label columns on the left (as deep as the row paths), header rows on top. */
    private static SheetLayout matrix(TableDef t) {
        BlockDef block = t.only();
        List<List<String>> rowPaths = block.rows().stream().map(RowDef::path).toList();
        List<List<String>> colPaths = block.cols().stream().map(ColumnDef::path).toList();
        int labelCols = depth(rowPaths);
        int headerRows = depth(colPaths);
        int width = labelCols + block.cols().size();
        Builder b = new Builder(t, width);
        int[] labelWidths = {14, 16, 46};
        for (int c = 0; c < width; c++) {
            b.widths[c] = c < labelCols ? labelWidths[Math.min(c, labelWidths.length - 1)] : DATA_COL_WIDTH;
        }
        int top = TABLE_TOP;
        b.label(Role.HEADER, block.corner(), top, 0, top + headerRows - 1, labelCols - 1);
        for (Span s : spans(colPaths)) {
            b.label(Role.HEADER, s.text(), top + s.level(), labelCols + s.from(),
                    s.leaf() ? top + headerRows - 1 : top + s.level(), labelCols + s.to());
        }
        int first = top + headerRows;
        for (Span s : spans(rowPaths)) {
            b.label(Role.ROW_LABEL, s.text(), first + s.from(), s.level(),
                    first + s.to(), s.leaf() ? labelCols - 1 : s.level());
        }
        for (int i = 0; i < block.rows().size(); i++) {
            for (int j = 0; j < block.cols().size(); j++) {
                b.cell(t.key() + "." + block.rows().get(i).key() + "." + block.cols().get(j).key(),
                        first + i, labelCols + j, labelCols + j);
            }
        }
        return b.build();
    }

    /** Table 四: the spec's rows become column groups over a single data row. */
    private static SheetLayout horizontal(TableDef t) {
        BlockDef block = t.only();
        List<List<String>> paths = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (RowDef row : block.rows()) {
            for (ColumnDef col : block.cols()) {
                List<String> p = new ArrayList<>(row.path());
                p.addAll(col.path());
                paths.add(p);
                keys.add(t.key() + "." + row.key() + "." + col.key());
            }
        }
        int headerRows = depth(paths);
        Builder b = new Builder(t, paths.size());
        java.util.Arrays.fill(b.widths, 10);
        for (Span s : spans(paths)) {
            b.label(Role.HEADER, s.text(), TABLE_TOP + s.level(), s.from(),
                    s.leaf() ? TABLE_TOP + headerRows - 1 : TABLE_TOP + s.level(), s.to());
        }
        int data = TABLE_TOP + headerRows;
        for (int j = 0; j < keys.size(); j++) {
            b.cell(keys.get(j), data, j, j);
        }
        return b.build();
    }

    private static int depth(List<List<String>> paths) {
        return paths.stream().mapToInt(List::size).max().orElse(1);
    }

    /** A merged header: level, first and last leaf index, text, and whether it is a leaf. */
    record Span(int level, int from, int to, String text, boolean leaf) {
    }

    /**
     * The merged header cells of label paths: at each level, consecutive paths that share the
     * prefix down to that level share one cell; a path's last level spans down to the deepest.
     */
    static List<Span> spans(List<List<String>> paths) {
        List<Span> out = new ArrayList<>();
        int depth = depth(paths);
        for (int level = 0; level < depth; level++) {
            int i = 0;
            while (i < paths.size()) {
                List<String> p = paths.get(i);
                if (p.size() <= level) {
                    i++;
                    continue;
                }
                boolean leaf = p.size() == level + 1;
                int j = i;
                while (!leaf && j + 1 < paths.size() && paths.get(j + 1).size() > level + 1
                        && paths.get(j + 1).subList(0, level + 1).equals(p.subList(0, level + 1))) {
                    j++;
                }
                out.add(new Span(level, i, j, p.get(level), leaf));
                i = j + 1;
            }
        }
        return out;
    }

    /** Which cell a spec cell is, for tests and callers that hold a CellDef. */
    public Pos pos(CellDef cell) {
        return pos(cell.key());
    }
}
