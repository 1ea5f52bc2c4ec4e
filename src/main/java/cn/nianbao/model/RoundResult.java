package cn.nianbao.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A collection round as a program sees it: where each roster agency stands, what became of every
 * item of the inbox (nothing is left out: received = read + unreadable + unmatched + skipped), and
 * this year's filings reconciled with last year's (null when no previous filings were given).
 */
public record RoundResult(int year, String format, LocalDate deadline, List<Agency> agencies, List<Item> items,
                          Reconciliation reconciled) {
    public RoundResult {
        agencies = List.copyOf(agencies);
        items = List.copyOf(items);
    }

    /**
     * One roster agency: its status, whether it filed late (its first filing after the deadline),
     * its current filing (null when none could be read), where that came from (the file or
     * attachment as the inbox holds it), the findings that bear on it, and what else to know.
     */
    public record Agency(String name, String code, RoundStatus status, boolean late, Filing filing, String source,
                         List<Finding> findings, List<String> notes) {
        public Agency {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One thing found in the inbox (a file, an attachment, an archive member): where it is, its
     * fate, the roster agency it was found to be of (null when none) and how, when it was sent and
     * by what evidence, and why it ended as it did.
     */
    public record Item(String origin, String name, ItemState state, String agency, MatchedBy matchedBy, Instant time,
                       String timeSource, String note) {
    }

    /** How many roster agencies stand so. */
    public long count(RoundStatus s) {
        return agencies.stream().filter(a -> a.status() == s).count();
    }

    /** How many inbox items ended so. */
    public long count(ItemState s) {
        return items.stream().filter(i -> i.state() == s).count();
    }
}
