package cn.nianbao.check;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Numbers;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Expr;
import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes every total of a filing from its inputs, by the rule that defines it. A total of
 * parts that are all blank is blank (not 0); a total with an invalid part is invalid.
 */
public final class Totals {
    private Totals() {
    }

    /** All cells in spec order: inputs as given, totals computed. */
    public static Map<String, CellValue> complete(FormatSpec spec, Map<String, CellValue> inputs) {
        Map<String, CellValue> out = new LinkedHashMap<>();
        for (CellDef c : spec.cells()) {
            out.put(c.key(), value(spec, c.key(), inputs, out));
        }
        return out;
    }

    private static CellValue value(FormatSpec spec, String key, Map<String, CellValue> inputs, Map<String, CellValue> memo) {
        CellValue known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (!spec.cell(key).isTotal()) {
            return inputs.getOrDefault(key, CellValue.BLANK);
        }
        CellValue v = sum(spec.definingInstance(key).right(), k -> value(spec, k, inputs, memo));
        memo.put(key, v);
        return v;
    }

    /** Sum of an expression over values: blank if every term is blank, invalid if any term is. */
    public static CellValue sum(Expr e, java.util.function.Function<String, CellValue> values) {
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (Expr.Term t : e.terms()) {
            CellValue v = values.apply(t.cell());
            if (v instanceof CellValue.Invalid) {
                return new CellValue.Invalid("", "分项中有无效的值，无法计算");
            }
            if (v instanceof CellValue.Num n) {
                any = true;
                total = t.negative() ? total.subtract(n.value()) : total.add(n.value());
            }
        }
        return any ? CellValue.Num.of(Numbers.normalize(total), false) : CellValue.BLANK;
    }
}
