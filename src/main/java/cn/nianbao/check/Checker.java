package cn.nianbao.check;

import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.CompiledRule;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.MissingStrategy;
import cn.nianbao.spec.Severity;
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
 * counted as 0, the finding says so. A finding carries what the clerk wrote beside its line of the
 * template's 校验 sheet ({@link Filing#explanations()}).
 */
public final class Checker {
    private Checker() {
    }

    /** Everything known about one read: what reading found, then the checks within the filing. */
    public static List<Finding> all(cn.nianbao.model.ReadResult r) {
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
        for (CompiledRule c : filing.spec().filingPlan()) {
            Finding f = evaluate(c, values(c, filing), filing);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Findings of this year's filing against last year's: C1 (error) and C2 (warning). */
    public static List<Finding> acrossYears(Filing current, Filing previous) {
        Objects.requireNonNull(previous);
        List<Finding> out = new ArrayList<>();
        for (CompiledRule c : current.spec().yearPlan()) {
            CellValue[] values = values(c, current, previous);
            Finding f = values == null ? null : evaluate(c, values, current);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Blank is not zero: every blank input is reported; an entirely blank filing once. */
    static List<Finding> blanks(Filing filing) {
        int[] inputs = filing.spec().inputPositions();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            int at = inputs[i];
            // Cells of a missing sheet have no location; that sheet is reported once (F3), not cell by cell.
            CellLocation loc = filing.location(at);
            if (loc != null && filing.value(at).isBlank()) {
                CellDef c = filing.spec().inputCells().get(i);
                out.add(Finding.atCell(FindingCode.V7, filing.file(), c, loc.sheet(), loc.cell(), "未填写：空白不等于0，没有发生的请填0"));
            }
        }
        if (!out.isEmpty() && out.size() == inputs.length) {
            return List.of(Finding.ofFile(FindingCode.V7, filing.file(), "报表没有填写任何数字（所有填写单元格都是空白）").withSeverity(Severity.ERROR));
        }
        return out;
    }

    /** A rule's terms as filed in one filing. */
    private static CellValue[] values(CompiledRule c, Filing filing) {
        CellValue[] values = new CellValue[c.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = filing.asFiled(c.at(i));
        }
        return values;
    }

    /**
     * A rule's terms as filed this year and last year; null when last year's format has no such
     * cell (C2 against a 2019 filing). Apart from {@link #values(CompiledRule, Filing)}, so that the
     * compiled within-filing path is not thrown away when the first year rule runs.
     */
    private static CellValue[] values(CompiledRule c, Filing current, Filing previous) {
        CellValue[] values = new CellValue[c.size()];
        for (int i = 0; i < values.length; i++) {
            if (!c.previous(i)) {
                values[i] = current.asFiled(c.at(i));
            } else if (previous.spec().hasCell(c.cells().get(i))) {
                values[i] = previous.asFiled(c.cells().get(i));
            } else {
                return null;
            }
        }
        return values;
    }

    /**
     * One rule expansion over its terms' values as filed ({@code values}, in the order of
     * {@code c.cells}; the caller has looked them up in this year's or last year's filing).
     */
    private static Finding evaluate(CompiledRule c, CellValue[] values, Filing cur) {
        int blanks = 0;
        for (CellValue v : values) {
            if (v instanceof CellValue.Invalid) {
                return null;
            }
            if (v.isBlank()) {
                blanks++;
            }
        }
        for (int k = 0; k < c.inputCount(); k++) {
            if (cur.value(c.input(k)) instanceof CellValue.Invalid) {
                return null; // an invalid input behind a stored total: reported by itself, not again here
            }
        }
        MissingStrategy missing = c.rule().missing();
        if (blanks == c.size() && missing != MissingStrategy.NEVER_SKIP
                || blanks > 0 && missing == MissingStrategy.SKIP_IF_ANY_BLANK) {
            return null;
        }
        BigDecimal left = sum(c, values, 0, c.leftCount());
        BigDecimal right = sum(c, values, c.leftCount(), values.length);
        if (left.compareTo(right) == 0) {
            return null;
        }
        CellDef def = cur.spec().cell(c.findingCell());
        CellLocation loc = cur.locations().get(c.findingCell());
        StringBuilder message = new StringBuilder(c.instance().message()).append("：左边为").append(left.toPlainString())
                .append("，右边为").append(right.toPlainString());
        if (blanks > 0) {
            message.append("（其中").append(blanks).append("个空白单元格按0计算）");
        }
        for (int k = 0; k < c.inputCount(); k++) {
            if (cur.value(c.input(k)) instanceof CellValue.Num n && n.fromText()) {
                message.append("（有分项以文本形式填写，Excel 求和时不计入：请改为数字）");
                break;
            }
        }
        BigDecimal[] sides = required(c, values, left.subtract(right));
        FindingCode code = FindingCode.valueOf(c.rule().id()); // every rule of a loaded format is in the catalogue (Formats)
        return Finding.atCell(code, cur.file(), def, loc == null ? null : loc.sheet(), loc == null ? null : loc.cell(),
                message.toString()).withSides(sides[0], sides[1]).withSeverity(c.rule().severity())
                .withExplanation(cur.explanations().of(c.rule().id(), c.findingCell()));
    }

    /**
     * 应为 and 实为 of a broken rule at the cell its finding names: the value that cell must hold
     * for the rule to hold, the other cells as filed, and the value it holds (null when blank).
     * One meaning for every rule: for R2–R4 the parts' sum beside the stored total, for R1 the
     * 四 that balances the row, for C1 last year's 四 beside this year's 二.
     */
    private static BigDecimal[] required(CompiledRule c, CellValue[] values, BigDecimal leftMinusRight) {
        int sign = 0;
        CellValue held = null;
        for (int i = 0; i < c.size(); i++) {
            if (!c.previous(i) && c.cells().get(i).equals(c.findingCell())) {
                sign += (i < c.leftCount() ? 1 : -1) * (c.negative(i) ? -1 : 1);
                held = values[i];
            }
        }
        BigDecimal holds = held == null ? null : held.number();
        if (sign != 1 && sign != -1) {
            return new BigDecimal[] {null, holds}; // not a cell the rule can be solved for
        }
        BigDecimal x = holds == null ? BigDecimal.ZERO : holds; // a blank counted as 0, as the message says
        BigDecimal must = sign == 1 ? x.subtract(leftMinusRight) : x.add(leftMinusRight);
        return new BigDecimal[] {cn.nianbao.model.Numbers.normalize(must), holds};
    }

    private static BigDecimal sum(CompiledRule c, CellValue[] values, int from, int to) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            BigDecimal v = values[i].number();
            if (v != null) {
                total = c.negative(i) ? total.subtract(v) : total.add(v);
            }
        }
        return total;
    }
}
