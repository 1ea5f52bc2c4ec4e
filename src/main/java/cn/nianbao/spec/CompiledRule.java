package cn.nianbao.spec;

import java.util.List;

/**
 * One expansion of a rule resolved to positions once, when its format is compiled: its terms
 * (left side first, {@code leftCount} of them), each term's position in this year's
 * {@link FormatSpec#cellKeys()} ({@code -1} for a cell of last year's filing, looked up by name in
 * that filing's format), whether it is subtracted, the input cells behind the rule, and the cell a
 * finding about it names.
 */
public record CompiledRule(RuleDef rule, RuleInstance instance, List<String> cells, int[] at, boolean[] negative,
                           int leftCount, int[] inputs, String findingCell) {
    public CompiledRule {
        cells = List.copyOf(cells);
    }

    /** Whether term {@code i} is a cell of last year's filing. */
    public boolean previous(int i) {
        return at[i] < 0;
    }
}
