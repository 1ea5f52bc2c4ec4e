package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits numbers that a published text ran together ("640020470" for 64,0,0,2,0,4,70) into the
 * row's cells. Each digit run may be cut anywhere, as long as no piece but "0" starts with 0;
 * only splits the row's own rules accept are kept. The caller takes a split only when exactly
 * one is left and otherwise reports the candidates: the import never guesses.
 */
final class RunTogether {
    /** Enough for any real row (9 digits into 7 cells is 28 splits); beyond it the row is left blank. */
    static final int MAX_CANDIDATES = 50;
    private static final int MAX_TRIED = 200_000;

    private RunTogether() {
    }

    /**
     * Every split of {@code pieces} (digit runs to cut, "-" before one whose first piece is negative;
     * "=" and a number for a value that stays whole, such as "=1210" for "1,210"; null for a blank
     * mark) into exactly {@code n} values that
     * {@code accept} takes, up to {@link #MAX_CANDIDATES}+1.
     */
    static List<List<BigDecimal>> splits(List<String> pieces, int n, Predicate<List<BigDecimal>> accept) {
        List<List<BigDecimal>> found = new ArrayList<>();
        int[] tried = {0};
        walk(pieces, 0, n, new ArrayList<>(), accept, found, tried);
        return found;
    }

    private static void walk(List<String> pieces, int i, int n, List<BigDecimal> acc, Predicate<List<BigDecimal>> accept,
                             List<List<BigDecimal>> found, int[] tried) {
        if (found.size() > MAX_CANDIDATES || tried[0] > MAX_TRIED) {
            return;
        }
        int left = pieces.size() - i;
        if (i == pieces.size()) {
            tried[0]++;
            if (acc.size() == n && accept.test(acc)) {
                found.add(List.copyOf(acc));
            }
            return;
        }
        String p = pieces.get(i);
        if (p == null || p.startsWith("=")) {
            acc.add(p == null ? null : new BigDecimal(p.substring(1)));
            walk(pieces, i + 1, n, acc, accept, found, tried);
            acc.remove(acc.size() - 1);
            return;
        }
        if (p.startsWith("-")) {
            // "-18538" (2019's 本年增/减 run into the next cell): the sign goes with the first piece.
            String digits = p.substring(1);
            int maxEnd = digits.charAt(0) == '0' ? 0 : digits.length();
            for (int end = 1; end <= maxEnd; end++) {
                acc.add(new BigDecimal(digits.substring(0, end)).negate());
                cut(pieces, i, digits, end, n, acc, accept, found, tried, left);
                acc.remove(acc.size() - 1);
            }
            return;
        }
        cut(pieces, i, p, 0, n, acc, accept, found, tried, left);
    }

    /** Cuts digit run {@code p} from {@code from} into pieces, then goes on with the next run. */
    private static void cut(List<String> pieces, int i, String p, int from, int n, List<BigDecimal> acc,
                            Predicate<List<BigDecimal>> accept, List<List<BigDecimal>> found, int[] tried, int left) {
        if (from == p.length()) {
            walk(pieces, i + 1, n, acc, accept, found, tried);
            return;
        }
        // Room check: every later run needs at least one cell.
        if (acc.size() + (left - 1) >= n) {
            return;
        }
        int maxEnd = p.charAt(from) == '0' ? from + 1 : p.length();
        for (int end = from + 1; end <= maxEnd; end++) {
            acc.add(new BigDecimal(p.substring(from, end)));
            cut(pieces, i, p, end, n, acc, accept, found, tried, left);
            acc.remove(acc.size() - 1);
        }
    }
}
