package cn.nianbao.model;

import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Expr;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TotalStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Computes every total of a filing from its inputs, by the format's own plan
 * ({@link FormatSpec#totalSteps()}). A total of parts that are all blank is blank (not 0); a total
 * with an invalid part is invalid.
 */
public final class Totals {
    private Totals() {
    }

    /** All cells in spec order: inputs as given (absent = blank), totals computed. */
    public static Map<String, CellValue> complete(FormatSpec spec, Map<String, CellValue> inputs) {
        CellValue[] values = new CellValue[spec.cellKeys().size()];
        for (CellDef c : spec.inputCells()) {
            values[spec.cellKeys().indexOf(c.key())] = inputs.get(c.key());
        }
        return complete(spec, values);
    }

    /**
     * All cells from the inputs held by position in the format's keys ({@link FormatSpec#cellKeys};
     * null = blank): the totals' positions are computed and the array becomes the map's storage,
     * so the caller hands it over and keeps no reference (within this package: {@link Filing#of}).
     */
    static KeyedValues<CellValue> complete(FormatSpec spec, CellValue[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = CellValue.BLANK;
            }
        }
        for (TotalStep s : spec.totalSteps()) {
            values[s.target()] = sum(s.size(), i -> values[s.term(i)], s::negative);
        }
        return KeyedValues.wrap(spec.cellKeys(), values);
    }

    /** Sum of an expression over values: blank if every term is blank, invalid if any term is. */
    public static CellValue sum(Expr e, Function<String, CellValue> values) {
        List<Expr.Term> terms = e.terms();
        return sum(terms.size(), i -> values.apply(terms.get(i).cell()), i -> terms.get(i).negative());
    }

    private static final CellValue INVALID_PART = new CellValue.Invalid("", "分项中有无效的值，无法计算");

    private static CellValue sum(int count, IntFunction<CellValue> term, IntPredicate negative) {
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (int i = 0; i < count; i++) {
            CellValue v = term.apply(i);
            if (v instanceof CellValue.Invalid) {
                return INVALID_PART;
            }
            if (v instanceof CellValue.Num n) {
                any = true;
                total = negative.test(i) ? total.subtract(n.value()) : total.add(n.value());
            }
        }
        return any ? CellValue.Num.of(Numbers.normalize(total), false) : CellValue.BLANK;
    }
}
