package cn.nianbao.read.label;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Identity;
import cn.nianbao.spec.BlockDef;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.ColumnDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.RowDef;
import cn.nianbao.spec.TableDef;
import cn.nianbao.spec.TableLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seeds' numbers in the forms a published report takes, for the readers' tests: the national
 * tables as a web page (merged header and label cells by rowspan/colspan, as Word and CMS pages
 * have them), which LibreOffice then saves as Word (.docx, .doc) and PDF; and how each form's cells
 * compare with what was published (exact, blank, wrong).
 */
final class ReportForms {
    private ReportForms() {
    }

    /** The filing a values file transcribes: its inputs, totals computed as the report prints them. */
    static Filing expected(Path valuesFile) throws IOException {
        TestSupport.SeedValues sv = TestSupport.seedValues(valuesFile);
        FormatSpec spec = sv.spec();
        Map<String, CellValue> inputs = new LinkedHashMap<>();
        sv.inputs().forEach((k, v) -> inputs.put(k, CellValue.Num.of(v, false)));
        Identity id = new Identity(spec.id(), sv.year(), sv.agency(), sv.code(), "", "", "", "", Map.of());
        return Filing.of(valuesFile.toString(), id, spec, inputs, Map.of(), Map.of(), List.of());
    }

    /** Cells compared: exact (same number, or both blank), blank (a published number read as blank), wrong. */
    record Score(int exact, int blank, int wrong, List<String> wrongCells, List<String> blankCells) {
        int total() {
            return exact + blank + wrong;
        }

        @Override
        public String toString() {
            return exact + "/" + total() + " exact, " + blank + " blank, " + wrong + " wrong"
                    + (wrongCells.isEmpty() ? "" : " " + wrongCells) + (blankCells.isEmpty() ? "" : " blank: " + blankCells);
        }
    }

    static Score score(Filing got, Filing want) {
        int exact = 0;
        int blank = 0;
        int wrong = 0;
        List<String> wrongCells = new ArrayList<>();
        List<String> blankCells = new ArrayList<>();
        for (CellDef c : want.spec().cells()) {
            CellValue w = want.asFiled(c.key());
            CellValue g = got.spec().hasCell(c.key()) ? got.asFiled(c.key()) : CellValue.BLANK;
            BigDecimal wn = w.number();
            BigDecimal gn = g.number();
            if (gn == null && wn == null || gn != null && wn != null && gn.compareTo(wn) == 0) {
                exact++;
            } else if (gn == null) {
                blank++;
                blankCells.add(c.key());
            } else {
                wrong++;
                wrongCells.add(c.key() + "=" + g.plain() + "≠" + w.plain());
            }
        }
        return new Score(exact, blank, wrong, wrongCells, blankCells.size() > 12 ? blankCells.subList(0, 12) : blankCells);
    }

    /** The national tables of {@code f} as a web page, with a title and one sentence before them. */
    static String html(Filing f, String charset) {
        StringBuilder b = new StringBuilder();
        b.append("<html><head><meta charset=\"").append(charset).append("\"><title>").append(f.agency()).append(f.year())
                .append("年政府信息公开工作年度报告</title></head><body>\n<h1>").append(f.agency()).append(f.year())
                .append("年政府信息公开工作年度报告</h1>\n<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>\n");
        for (TableDef t : f.spec().tables()) {
            b.append("<h2>").append(t.title()).append("</h2>\n<table border=\"1\" cellspacing=\"0\" width=\"100%\" style=\"font-size:9pt\">\n");
            switch (t.layout()) {
                case BLOCKS -> blocks(b, f, t);
                case MATRIX -> matrix(b, f, t);
                default -> horizontal(b, f, t);
            }
            b.append("</table>\n");
        }
        b.append("<h2>五、存在的主要问题及改进情况</h2>\n<p>略。</p>\n</body></html>\n");
        return b.toString();
    }

    private static String value(Filing f, CellDef c) {
        CellValue v = f.asFiled(c.key());
        return v.number() == null ? "" : v.plain();
    }

    private static void td(StringBuilder b, String text, int rowspan, int colspan) {
        b.append("<td").append(rowspan > 1 ? " rowspan=\"" + rowspan + "\"" : "").append(colspan > 1 ? " colspan=\"" + colspan + "\"" : "")
                .append(">").append(text).append("</td>");
    }

    private static void blocks(StringBuilder b, Filing f, TableDef t) {
        int width = 1 + t.blocks().stream().mapToInt(x -> x.cols().size()).max().orElse(1);
        for (BlockDef block : t.blocks()) {
            int n = block.cols().size();
            int last = width - n; // the last value cell spans what is left
            b.append("<tr>");
            td(b, block.label(), 1, width);
            b.append("</tr>\n<tr>");
            td(b, block.corner(), 1, 1);
            for (int j = 0; j < n; j++) {
                td(b, block.cols().get(j).label(), 1, j == n - 1 ? last : 1);
            }
            b.append("</tr>\n");
            for (RowDef r : block.rows()) {
                b.append("<tr>");
                td(b, r.label(), 1, 1);
                for (int j = 0; j < n; j++) {
                    td(b, value(f, cell(f, t, block, r, block.cols().get(j))), 1, j == n - 1 ? last : 1);
                }
                b.append("</tr>\n");
            }
        }
    }

    private static CellDef cell(Filing f, TableDef t, BlockDef block, RowDef r, ColumnDef c) {
        String key = t.key() + "." + (block.key() == null || block.key().equals("-") || t.layout() != TableLayout.BLOCKS ? "" : block.key() + ".")
                + r.key() + "." + c.key();
        return f.spec().cell(key);
    }

    private static void matrix(StringBuilder b, Filing f, TableDef t) {
        BlockDef block = t.only();
        List<ColumnDef> cols = block.cols();
        int depth = cols.stream().mapToInt(c -> c.path().size()).max().orElse(1);
        int labelCols = block.rows().stream().mapToInt(r -> r.path().size()).max().orElse(1);
        header(b, cols, depth, block.corner(), labelCols);
        List<RowDef> rows = block.rows();
        for (int i = 0; i < rows.size(); i++) {
            RowDef r = rows.get(i);
            b.append("<tr>");
            List<String> p = r.path();
            for (int level = 0; level < p.size(); level++) {
                boolean leaf = level == p.size() - 1;
                if (!leaf) {
                    if (i > 0 && sharesPrefix(rows.get(i - 1), r, level + 1)) {
                        continue; // covered by the rowspan above
                    }
                    int span = 1;
                    while (i + span < rows.size() && sharesPrefix(rows.get(i + span), r, level + 1)) {
                        span++;
                    }
                    td(b, p.get(level), span, 1);
                } else {
                    td(b, p.get(level), 1, labelCols - level);
                }
            }
            for (ColumnDef c : cols) {
                td(b, value(f, cell(f, t, block, r, c)), 1, 1);
            }
            b.append("</tr>\n");
        }
    }

    /** Whether rows {@code a} and {@code b} are under the same parent label at depth {@code n} (both go deeper). */
    private static boolean sharesPrefix(RowDef a, RowDef b, int n) {
        return a.path().size() > n && b.path().size() > n && a.path().subList(0, n).equals(b.path().subList(0, n));
    }

    /** Header rows for columns with label paths (merged where a prefix is shared), with a corner cell on the left. */
    private static void header(StringBuilder b, List<ColumnDef> cols, int depth, String corner, int labelCols) {
        for (int level = 0; level < depth; level++) {
            b.append("<tr>");
            if (level == 0) {
                td(b, corner == null ? "" : corner, depth, labelCols);
            }
            for (int j = 0; j < cols.size(); ) {
                List<String> p = cols.get(j).path();
                if (p.size() <= level) {
                    j++;
                    continue; // covered from above
                }
                int span = 1;
                while (j + span < cols.size() && cols.get(j + span).path().size() > level
                        && cols.get(j + span).path().subList(0, level + 1).equals(p.subList(0, level + 1))) {
                    span++;
                }
                boolean leaf = p.size() == level + 1;
                td(b, p.get(level), leaf ? depth - level : 1, span);
                j += span;
            }
            b.append("</tr>\n");
        }
    }

    private static void horizontal(StringBuilder b, Filing f, TableDef t) {
        BlockDef block = t.only();
        List<RowDef> groups = block.rows();
        int depth = groups.stream().mapToInt(r -> r.path().size()).max().orElse(1);
        int n = block.cols().size();
        for (int level = 0; level < depth; level++) {
            b.append("<tr>");
            for (int g = 0; g < groups.size(); ) {
                List<String> p = groups.get(g).path();
                if (p.size() <= level) {
                    g++;
                    continue;
                }
                int span = 1;
                while (g + span < groups.size() && groups.get(g + span).path().size() > level
                        && groups.get(g + span).path().subList(0, level + 1).equals(p.subList(0, level + 1))) {
                    span++;
                }
                boolean leaf = p.size() == level + 1;
                td(b, p.get(level), leaf ? depth - level : 1, span * n);
                g += span;
            }
            b.append("</tr>\n");
        }
        b.append("<tr>");
        for (int g = 0; g < groups.size(); g++) {
            for (ColumnDef c : block.cols()) {
                td(b, c.label(), 1, 1);
            }
        }
        b.append("</tr>\n<tr>");
        for (RowDef r : groups) {
            for (ColumnDef c : block.cols()) {
                td(b, value(f, cell(f, t, block, r, c)), 1, 1);
            }
        }
        b.append("</tr>\n");
    }
}
