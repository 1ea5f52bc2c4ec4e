package cn.nianbao.spec;

import java.util.List;

/**
 * One expansion of a rule resolved to positions once, when its format is compiled: its terms
 * (left side first, {@link #leftCount} of them), each term's position in this year's
 * {@link FormatSpec#cellKeys()} ({@code -1} for a cell of last year's filing, looked up by name in
 * that filing's format), whether it is subtracted, the input cells behind the rule, and the cell a
 * finding about it names. Immutable: a compiled format is shared by every thread of a run.
 */
public final class CompiledRule {
    private final RuleDef rule;
    private final RuleInstance instance;
    private final List<String> cells;
    private final int[] at;
    private final boolean[] negative;
    private final int leftCount;
    private final int[] inputs;
    private final String findingCell;

    CompiledRule(RuleDef rule, RuleInstance instance, List<String> cells, int[] at, boolean[] negative, int leftCount,
                 int[] inputs, String findingCell) {
        if (cells.size() != at.length || at.length != negative.length || leftCount > at.length) {
            throw new IllegalArgumentException("terms of " + rule.id() + " do not line up");
        }
        this.rule = rule;
        this.instance = instance;
        this.cells = List.copyOf(cells);
        this.at = at.clone();
        this.negative = negative.clone();
        this.leftCount = leftCount;
        this.inputs = inputs.clone();
        this.findingCell = findingCell;
    }

    public RuleDef rule() {
        return rule;
    }

    public RuleInstance instance() {
        return instance;
    }

    /** Each term's cell key, left side first. */
    public List<String> cells() {
        return cells;
    }

    /** How many terms the rule has. */
    public int size() {
        return at.length;
    }

    /** Term {@code i}'s position in this year's {@link FormatSpec#cellKeys()}; -1 for a cell of last year's filing. */
    public int at(int i) {
        return at[i];
    }

    /** Whether term {@code i} is subtracted. */
    public boolean negative(int i) {
        return negative[i];
    }

    /** How many of the terms are on the left side. */
    public int leftCount() {
        return leftCount;
    }

    /** How many input cells lie behind the rule. */
    public int inputCount() {
        return inputs.length;
    }

    /** The position of input cell {@code k} behind the rule. */
    public int input(int k) {
        return inputs[k];
    }

    /** The cell a finding about the rule names. */
    public String findingCell() {
        return findingCell;
    }

    /** Whether term {@code i} is a cell of last year's filing. */
    public boolean previous(int i) {
        return at[i] < 0;
    }
}
