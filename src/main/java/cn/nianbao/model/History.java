package cn.nianbao.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every year of every agency in one run: the filings grouped into one chain per agency (by
 * 统一社会信用代码, else name, else alias), each chain's consecutive years reconciled, and every
 * finding made across filings, each naming its file: C1 and C2 for every consecutive pair; M1 where
 * a chain starts after the first year of the run, M2 where it ends before the last, M3 for a year
 * missing inside it; D1 for two filings of one agency and year; U2 where one name carries another
 * code than before; Y2 for a filing of no year a report can be on.
 *
 * @param firstYear the first year of the run (the --years span, else the earliest filing's); 0 when none
 * @param lastYear  the last year of the run; 0 when none
 * @param chains    one per agency, ordered by name, then code
 * @param outside   filings of a year outside the span asked for: not reconciled, listed as skipped
 * @param undated   filings whose year cannot be a reporting year (Y2): not reconciled
 */
public record History(int firstYear, int lastYear, List<Chain> chains, List<Filing> outside, List<Filing> undated,
                      List<Finding> findings) {
    public History {
        chains = List.copyOf(chains);
        outside = List.copyOf(outside);
        undated = List.copyOf(undated);
        findings = List.copyOf(findings);
    }

    /**
     * One agency's filings, one a year, earliest first. {@code agency} and {@code code} are those of
     * its latest filing (its latest code that is not empty).
     */
    public record Chain(String agency, String code, List<Year> years) {
        public Chain {
            years = List.copyOf(years);
        }

        /** The agency's filing of {@code year}, or null when it filed none (or it was a second one, D1). */
        public Filing filing(int year) {
            for (Year y : years) {
                if (y.year() == year) {
                    return y.filing();
                }
            }
            return null;
        }

        /** Every two filings of consecutive years, reconciled with each other (C1, C2). */
        public List<Link> links() {
            List<Link> out = new ArrayList<>();
            for (int i = 1; i < years.size(); i++) {
                if (years.get(i).year() == years.get(i - 1).year() + 1) {
                    out.add(new Link(years.get(i - 1).filing(), years.get(i).filing(), years.get(i).matchedBy()));
                }
            }
            return out;
        }

        /** Every two filings with a year missing between them (M3): not reconciled as if consecutive. */
        public List<Link> gaps() {
            List<Link> out = new ArrayList<>();
            for (int i = 1; i < years.size(); i++) {
                if (years.get(i).year() > years.get(i - 1).year() + 1) {
                    out.add(new Link(years.get(i - 1).filing(), years.get(i).filing(), years.get(i).matchedBy()));
                }
            }
            return out;
        }
    }

    /**
     * One year of a chain: the filing, and how it was found to be the agency of the chain's earlier
     * years (null for the first).
     */
    public record Year(int year, Filing filing, MatchedBy matchedBy) {
    }

    /** Two filings of one agency, the earlier and the later, and how the later was found to be the agency's. */
    public record Link(Filing previous, Filing current, MatchedBy matchedBy) {
        /** How it was matched, as the workbooks print it (统一社会信用代码 / 单位名称 / 别名). */
        public String by() {
            return matchedBy == null ? "" : matchedBy.chinese();
        }
    }

    /** Every consecutive pair of every chain, chain by chain. */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        chains.forEach(c -> out.addAll(c.links()));
        return out;
    }

    /** Every gap of every chain. */
    public List<Link> gaps() {
        List<Link> out = new ArrayList<>();
        chains.forEach(c -> out.addAll(c.gaps()));
        return out;
    }

    /** How many consecutive pairs were matched this way. */
    public long linked(MatchedBy by) {
        return links().stream().filter(l -> l.matchedBy() == by).count();
    }
}
