package cn.nianbao.check;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.KeyedValues;
import cn.nianbao.model.Keys;
import cn.nianbao.model.Numbers;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Expr;
import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Computes every total of a filing from its inputs, by the rule that defines it. A total of
 * parts that are all blank is blank (not 0); a total with an invalid part is invalid.
 */
public final class Totals {
    private Totals() {
    }

    /** One total: its position in the format's keys and the positions it sums. */
    private record Step(int target, int[] terms, boolean[] negative) {
    }

    /** Per format, the totals in an order where every total comes after the totals it sums. */
    private static final Map<FormatSpec, Step[]> PLANS = new ConcurrentHashMap<>();

    private static Step[] plan(FormatSpec spec) {
        return PLANS.computeIfAbsent(spec, s -> {
            List<Step> steps = new ArrayList<>();
            Set<String> planned = new HashSet<>();
            for (CellDef c : s.cells()) {
                addStep(s, c.key(), steps, planned);
            }
            return steps.toArray(Step[]::new);
        });
    }

    private static void addStep(FormatSpec spec, String key, List<Step> steps, Set<String> planned) {
        if (!spec.cell(key).isTotal() || !planned.add(key)) {
            return;
        }
        List<Expr.Term> terms = spec.definingInstance(key).right().terms();
        int[] at = new int[terms.size()];
        boolean[] negative = new boolean[terms.size()];
        for (int i = 0; i < at.length; i++) {
            addStep(spec, terms.get(i).cell(), steps, planned);
            at[i] = spec.cellKeys().indexOf(terms.get(i).cell());
            negative[i] = terms.get(i).negative();
        }
        steps.add(new Step(spec.cellKeys().indexOf(key), at, negative));
    }

    /** All cells in spec order: inputs as given (absent = blank), totals computed. */
    public static Map<String, CellValue> complete(FormatSpec spec, Map<String, CellValue> inputs) {
        Keys keys = spec.cellKeys();
        CellValue[] values = new CellValue[keys.size()];
        for (CellDef c : spec.inputCells()) {
            values[keys.indexOf(c.key())] = inputs.get(c.key());
        }
        return complete(spec, values);
    }

    /**
     * All cells from the inputs held by position in the format's keys ({@link FormatSpec#cellKeys};
     * null = blank): the totals' positions are computed and the array is taken as the map's storage.
     */
    public static KeyedValues<CellValue> complete(FormatSpec spec, CellValue[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = CellValue.BLANK;
            }
        }
        for (Step s : plan(spec)) {
            values[s.target()] = sum(s, values);
        }
        return KeyedValues.wrap(spec.cellKeys(), values);
    }

    private static CellValue sum(Step s, CellValue[] values) {
        return sum(s.terms().length, i -> values[s.terms()[i]], i -> s.negative()[i]);
    }

    /** Sum of an expression over values: blank if every term is blank, invalid if any term is. */
    public static CellValue sum(Expr e, java.util.function.Function<String, CellValue> values) {
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
