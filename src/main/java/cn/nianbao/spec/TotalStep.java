package cn.nianbao.spec;

/**
 * One total of a format, resolved to positions in its {@link FormatSpec#cellKeys()}: the total's
 * position and the positions it sums, each added or subtracted. A format's steps come in an order
 * where every total follows the totals it sums. Immutable: shared by every thread of a run.
 */
public final class TotalStep {
    private final int target;
    private final int[] terms;
    private final boolean[] negative;

    TotalStep(int target, int[] terms, boolean[] negative) {
        if (terms.length != negative.length) {
            throw new IllegalArgumentException("terms and signs of a total do not line up");
        }
        this.target = target;
        this.terms = terms.clone();
        this.negative = negative.clone();
    }

    /** The total's position. */
    public int target() {
        return target;
    }

    /** How many positions it sums. */
    public int size() {
        return terms.length;
    }

    /** The position of term {@code i}. */
    public int term(int i) {
        return terms[i];
    }

    /** Whether term {@code i} is subtracted. */
    public boolean negative(int i) {
        return negative[i];
    }
}
