package cn.nianbao.check;

import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Severity;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Expr;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.MissingStrategy;
import cn.nianbao.spec.RuleDef;
import cn.nianbao.spec.RuleInstance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates the spec's rules: within a filing (R1–R4, and V7 for blank inputs) and across years
 * (C1, C2). The same rule definitions drive the template's live checks. Rules see the table as
 * filed ({@link Filing#asFiled}): a stored total is compared with its parts once, by the rule that
 * defines it, and R1 is checked on the totals the agency published. Invalid values skip a rule
 * (they are findings of their own); blanks follow the rule's missing-value strategy and, when
 * counted as 0, the finding says so.
 */
public final class Checker {
    private Checker() {
    }

    /** Everything known about one read: what reading found, then the checks within the filing. */
    public static List<Finding> all(cn.nianbao.read.ReadResult r) {
        if (!r.readable()) {
            return r.findings();
        }
        List<Finding> out = new ArrayList<>(r.findings());
        out.addAll(check(r.filing()));
        return out;
    }

    /** Findings within one filing: blank inputs (V7) and the rules R1–R4. */
    public static List<Finding> check(Filing filing) {
        List<Finding> out = new ArrayList<>(blanks(filing));
        for (RuleDef rule : filing.spec().filingRules()) {
            for (RuleInstance ri : rule.instances()) {
                Finding f = evaluate(rule, ri, filing, null);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Findings of this year's filing against last year's: C1 (error) and C2 (warning). */
    public static List<Finding> acrossYears(Filing current, Filing previous) {
        List<Finding> out = new ArrayList<>();
        for (RuleDef rule : current.spec().yearRules()) {
            for (RuleInstance ri : rule.instances()) {
                Finding f = evaluate(rule, ri, current, Objects.requireNonNull(previous));
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Blank is not zero: every blank input is reported; an entirely blank filing once. */
    static List<Finding> blanks(Filing filing) {
        // Cells of a missing sheet have no location; that sheet is reported once (F3), not cell by cell.
        List<CellDef> blank = filing.spec().inputCells().stream()
                .filter(c -> filing.value(c.key()).isBlank() && filing.locations().containsKey(c.key())).toList();
        if (blank.isEmpty()) {
            return List.of();
        }
        if (blank.size() == filing.spec().inputCells().size()) {
            return List.of(Finding.ofFile("V7", Severity.ERROR, filing.file(), "报表没有填写任何数字（所有填写单元格都是空白）"));
        }
        List<Finding> out = new ArrayList<>();
        for (CellDef c : blank) {
            CellLocation loc = filing.locations().get(c.key());
            out.add(new Finding("V7", Severity.WARNING, filing.file(), c.table().number(), c.rowLabel(), c.colLabel(),
                    loc == null ? null : loc.sheet(), loc == null ? null : loc.cell(), null, null,
                    "未填写：空白不等于0，没有发生的请填0"));
        }
        return out;
    }

    static Finding evaluate(RuleDef rule, RuleInstance ri, Filing cur, Filing prev) {
        List<Expr.Term> terms = new ArrayList<>(ri.left().terms());
        terms.addAll(ri.right().terms());
        int blanks = 0;
        for (Expr.Term t : terms) {
            if (t.previous() && !prev.spec().hasCell(t.cell())) {
                return null; // last year's format has no such cell (C2 against a 2019 filing)
            }
            CellValue v = value(t, cur, prev);
            if (v instanceof CellValue.Invalid) {
                return null;
            }
            if (v.isBlank()) {
                blanks++;
            }
        }
        java.util.Set<String> inputs = cur.spec().inputsOf(ri);
        if (inputs.stream().anyMatch(k -> cur.value(k) instanceof CellValue.Invalid)) {
            return null; // an invalid input behind a stored total: reported by itself, not again here
        }
        if (blanks == terms.size() && rule.missing() != MissingStrategy.NEVER_SKIP
                || blanks > 0 && rule.missing() == MissingStrategy.SKIP_IF_ANY_BLANK) {
            return null;
        }
        BigDecimal left = sum(ri.left(), cur, prev);
        BigDecimal right = sum(ri.right(), cur, prev);
        if (left.compareTo(right) == 0) {
            return null;
        }
        String at = ri.left().singleCell() != null ? ri.left().singleCell()
                : terms.stream().filter(t -> !t.previous()).reduce((a, b) -> b).map(Expr.Term::cell).orElseThrow();
        CellDef def = cur.spec().cell(at);
        CellLocation loc = cur.locations().get(at);
        StringBuilder message = new StringBuilder(ri.message()).append("：左边为").append(left.toPlainString())
                .append("，右边为").append(right.toPlainString());
        if (blanks > 0) {
            message.append("（其中").append(blanks).append("个空白单元格按0计算）");
        }
        if (inputs.stream().anyMatch(k -> cur.value(k) instanceof CellValue.Num n && n.fromText())) {
            message.append("（有分项以文本形式填写，Excel 求和时不计入：请改为数字）");
        }
        return new Finding(rule.id(), rule.severity(), cur.file(), def.table().number(), def.rowLabel(),
                def.colLabel(), loc == null ? null : loc.sheet(), loc == null ? null : loc.cell(), left, right,
                message.toString());
    }

    private static CellValue value(Expr.Term t, Filing cur, Filing prev) {
        return t.previous() ? prev.asFiled(t.cell()) : cur.asFiled(t.cell());
    }

    private static BigDecimal sum(Expr e, Filing cur, Filing prev) {
        BigDecimal total = BigDecimal.ZERO;
        for (Expr.Term t : e.terms()) {
            BigDecimal v = value(t, cur, prev).number();
            if (v != null) {
                total = t.negative() ? total.subtract(v) : total.add(v);
            }
        }
        return total;
    }
}
