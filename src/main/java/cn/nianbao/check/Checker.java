package cn.nianbao.check;

import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.MissingStrategy;
import cn.nianbao.spec.RuleDef;
import cn.nianbao.spec.RuleInstance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the spec's rules (R1–R4) on a filing's values. The same rule definitions drive the
 * template's live checks. Invalid values skip the rule (they are findings of their own); blanks
 * follow the rule's missing-value strategy and, when counted as 0, the finding says so.
 */
public final class Checker {
    private Checker() {
    }

    public static List<Finding> check(Filing filing) {
        FormatSpec spec = filing.spec();
        List<Finding> out = new ArrayList<>();
        for (RuleDef rule : spec.rules()) {
            for (RuleInstance ri : rule.instances()) {
                Finding f = evaluate(filing, rule, ri);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    static Finding evaluate(Filing filing, RuleDef rule, RuleInstance ri) {
        FormatSpec spec = filing.spec();
        List<String> cells = new ArrayList<>();
        ri.left().cells().forEach(cells::add);
        ri.right().cells().forEach(cells::add);
        Set<String> inputs = spec.inputsOf(cells);
        int blanks = 0;
        for (String k : inputs) {
            CellValue v = filing.value(k);
            if (v instanceof CellValue.Invalid) {
                return null;
            }
            if (v.isBlank()) {
                blanks++;
            }
        }
        if (blanks == inputs.size() && rule.missing() != MissingStrategy.NEVER_SKIP
                || blanks > 0 && rule.missing() == MissingStrategy.SKIP_IF_ANY_BLANK) {
            return null;
        }
        BigDecimal left = zeroIfBlank(Totals.sum(ri.left(), filing::value));
        BigDecimal right = zeroIfBlank(Totals.sum(ri.right(), filing::value));
        if (left.compareTo(right) == 0) {
            return null;
        }
        String at = ri.left().singleCell() != null ? ri.left().singleCell() : cells.get(cells.size() - 1);
        CellDef def = spec.cell(at);
        CellLocation loc = filing.locations().get(at);
        String message = ri.message() + "：左边为" + left.toPlainString() + "，右边为" + right.toPlainString()
                + (blanks > 0 ? "（其中" + blanks + "个空白单元格按0计算）" : "");
        return new Finding(rule.id(), rule.severity(), filing.file(), def.table().number(), def.rowLabel(),
                def.colLabel(), loc == null ? null : loc.sheet(), loc == null ? null : loc.cell(), left, right, message);
    }

    private static BigDecimal zeroIfBlank(CellValue v) {
        return v instanceof CellValue.Num n ? n.value() : BigDecimal.ZERO;
    }
}
