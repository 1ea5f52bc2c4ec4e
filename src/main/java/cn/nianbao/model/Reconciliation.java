package cn.nianbao.model;

import java.util.List;

/**
 * This year's filings against last year's: the reporting year, the pairs of one agency's two
 * filings (and how each pair was found), the agencies found in one year only, and every finding
 * made across the two years (C1, C2, M1, M2, D1, Y1), each naming its file.
 */
public record Reconciliation(int year, List<Match> matches, List<Filing> onlyCurrent, List<Filing> onlyPrevious,
                             List<Finding> findings) {
    public Reconciliation {
        matches = List.copyOf(matches);
        onlyCurrent = List.copyOf(onlyCurrent);
        onlyPrevious = List.copyOf(onlyPrevious);
        findings = List.copyOf(findings);
    }

    /** One agency's filing of this year and of last year, and how they were found to be one agency's. */
    public record Match(Filing current, Filing previous, MatchedBy matchedBy) {
        /** How it was matched, as the workbooks print it (统一社会信用代码 / 单位名称 / 别名). */
        public String by() {
            return matchedBy.chinese();
        }
    }

    /** How many pairs were matched this way. */
    public long matched(MatchedBy by) {
        return matches.stream().filter(m -> m.matchedBy() == by).count();
    }
}
