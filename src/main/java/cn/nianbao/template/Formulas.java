package cn.nianbao.template;

import cn.nianbao.spec.Expr;
import cn.nianbao.spec.Kind;
import cn.nianbao.spec.RuleInstance;
import cn.nianbao.spec.TemplateLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * Excel formula text for the spec's expressions. References are absolute (conditional formats
 * need that); runs of adjacent cells become ranges, so a 21-row sum reads SUM($D$7:$D$27).
 * {@code sheet} null means the cells are on the formula's own sheet.
 */
final class Formulas {
    private Formulas() {
    }

    static String sum(Expr e, TemplateLayout layout, String sheet) {
        List<String> plus = new ArrayList<>();
        List<String> minus = new ArrayList<>();
        e.terms().forEach(t -> (t.negative() ? minus : plus).add(t.cell()));
        String f = plus.isEmpty() ? "0" : "SUM(" + refs(plus, layout, sheet) + ")";
        return minus.isEmpty() ? f : f + "-SUM(" + refs(minus, layout, sheet) + ")";
    }

    /** A rule instance is broken when its sides differ (after rounding to the money precision). */
    static String broken(RuleInstance ri, TemplateLayout layout, String sheet) {
        return "ROUND((" + sum(ri.left(), layout, sheet) + ")-(" + sum(ri.right(), layout, sheet) + "),"
                + Kind.MONEY_DECIMALS + ")<>0";
    }

    static String refs(Collection<String> keys, TemplateLayout layout, String sheet) {
        String prefix = sheet == null ? "" : "'" + sheet.replace("'", "''") + "'!";
        List<String> out = new ArrayList<>();
        List<TemplateLayout.Pos> ps = keys.stream().map(layout::pos).toList();
        int i = 0;
        while (i < ps.size()) {
            TemplateLayout.Pos start = ps.get(i);
            int j = i;
            int dr = 0;
            int dc = 0;
            if (i + 1 < ps.size()) {
                TemplateLayout.Pos next = ps.get(i + 1);
                dr = next.row() - start.row();
                dc = next.col() - start.col();
                if (!((dr == 1 && dc == 0) || (dr == 0 && dc == 1))) {
                    dr = 0;
                    dc = 0;
                }
            }
            while ((dr != 0 || dc != 0) && j + 1 < ps.size()
                    && ps.get(j + 1).row() == ps.get(j).row() + dr && ps.get(j + 1).col() == ps.get(j).col() + dc) {
                j++;
            }
            String a = new CellReference(start.row(), start.col(), true, true).formatAsString(false);
            if (j == i) {
                out.add(prefix + a);
            } else {
                TemplateLayout.Pos end = ps.get(j);
                out.add(prefix + a + ":" + new CellReference(end.row(), end.col(), true, true).formatAsString(false));
            }
            i = j + 1;
        }
        return String.join(",", out);
    }
}
