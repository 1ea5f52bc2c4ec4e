package cn.nianbao.spec;

/**
 * One total of a format, resolved to positions in its {@link FormatSpec#cellKeys()}: the total's
 * position and the positions it sums, each added or subtracted. A format's steps come in an order
 * where every total follows the totals it sums.
 */
public record TotalStep(int target, int[] terms, boolean[] negative) {
}
