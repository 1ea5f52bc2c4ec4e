package cn.nianbao.reconcile;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Reconciliation.Match;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.spec.FindingCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches this year's filings with last year's and applies the rules across years. An agency is
 * matched by 统一社会信用代码 first, then by its name after normalization, then by an alias
 * ({@link AgencyIndex}).
 * Agencies found in one year only, two filings of one agency in a year, and filings for another
 * year are findings, never skipped.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /**
     * A filing of this year and the agency it is known to be of: the code and name it carries
     * ({@link #of(Filing)}), or those of the roster agency it was found to be (collect).
     */
    public record Claim(Filing filing, String code, String name) {
        public static Claim of(Filing f) {
            return new Claim(f, f.identity().code(), f.agency());
        }
    }

    /**
     * Every filing of two years: filings for other years (Y1) and second filings of one agency in
     * one year (D1) are reported and left out, each of this year's is paired with last year's
     * (C1, C2; M1 where there is none), and last year's left unpaired are M2.
     *
     * @param year the reporting year of {@code current}; null takes the most common year among them
     */
    public static Reconciliation reconcile(List<Filing> current, List<Filing> previous, Aliases aliases, Integer year) {
        List<Finding> findings = new ArrayList<>();
        // This year's filings tell the year; failing those, last year's (one year on); 0 when neither can.
        int y = year != null ? year : !current.isEmpty() ? commonYear(current) : previous.isEmpty() ? 0 : commonYear(previous) + 1;
        List<Filing> cur = ofYear(current, y, findings);
        List<Filing> prev = ofYear(previous, y - 1, findings);
        Duplicates dc = firstOfDuplicates(cur, aliases);
        Duplicates dp = firstOfDuplicates(prev, aliases);
        findings.addAll(dc.findings());
        findings.addAll(dp.findings());
        cur = dc.kept();
        prev = dp.kept();
        Reconciliation r = pair(y, cur.stream().map(Claim::of).toList(), prev, aliases, findings);
        for (Filing p : r.onlyPrevious()) {
            findings.add(Finding.ofFile(FindingCode.M2, p.file(), p.agency() + "上年（" + p.year()
                    + "年）有报表，本年（" + y + "年）没有收到"));
        }
        return new Reconciliation(y, r.matches(), r.onlyCurrent(), r.onlyPrevious(), findings);
    }

    /**
     * A collection round's current filings, each of a roster agency, against last year's filings
     * ({@code previous} of other years than {@code year - 1} are not looked at): each agency is found
     * among last year's by its roster code, name or alias, C1 and C2 on every pair, M1 where none is
     * found. Filings of {@code current} for another year are left out (the round reports them as Y1);
     * last year's files are no submissions of the round, so nothing is said of them (no Y1, D1, M2).
     */
    public static Reconciliation reconcileRound(int year, List<Claim> current, List<Filing> previous, Aliases aliases) {
        List<Filing> lastYear = previous.stream().filter(p -> p.year() == year - 1).sorted(Comparator.comparing(Filing::file)).toList();
        return pair(year, current.stream().filter(c -> c.filing().year() == year).toList(), lastYear, aliases, new ArrayList<>());
    }

    /**
     * Pairs each of this year's filings with last year's filing of its agency, each of last year's
     * used once; the findings of each pair (on this year's file) and M1 are added to {@code findings}.
     */
    private static Reconciliation pair(int year, List<Claim> current, List<Filing> previous, Aliases aliases, List<Finding> findings) {
        AgencyIndex<Filing> index = AgencyIndex.ofFilings(previous, aliases);
        List<Match> matches = new ArrayList<>();
        List<Filing> onlyCurrent = new ArrayList<>();
        Map<Filing, Boolean> used = new java.util.IdentityHashMap<>();
        for (Claim c : current) {
            AgencyIndex.Hit<Filing> hit = lastYears(index, c.code(), c.name(), used);
            if (hit == null) {
                onlyCurrent.add(c.filing());
                findings.add(Finding.ofFile(FindingCode.M1, c.filing().file(), noLastYear(year, c.name())));
                continue;
            }
            used.put(hit.entry(), true);
            matches.add(new Match(c.filing(), hit.entry(), hit.by()));
            findings.addAll(Checker.acrossYears(c.filing(), hit.entry()));
        }
        List<Filing> onlyPrevious = previous.stream().filter(p -> !used.containsKey(p)).toList();
        return new Reconciliation(year, matches, onlyCurrent, onlyPrevious, findings);
    }

    /** M1's one wording (reconcile, collect, and the first year of a chain of years). */
    static String noLastYear(int year, String name) {
        return "上年（" + (year - 1) + "年）没有找到" + name + "的报表（按统一社会信用代码、单位名称和别名均未匹配），无法核对上年结转";
    }

    /**
     * Last year's filing of the agency with this code and name not yet paired: by code, name or
     * alias; one found by name whose code is another's is not the agency's.
     */
    private static AgencyIndex.Hit<Filing> lastYears(AgencyIndex<Filing> index, String code, String name,
                                                     Map<Filing, Boolean> used) {
        AgencyIndex.Hit<Filing> hit = index.find(code, name, p -> !used.containsKey(p));
        return hit == null || hit.codeDisagrees() ? null : hit;
    }

    static int commonYear(List<Filing> filings) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        filings.forEach(f -> counts.merge(f.year(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
    }

    private static List<Filing> ofYear(List<Filing> filings, int year, List<Finding> findings) {
        List<Filing> out = new ArrayList<>();
        for (Filing f : filings) {
            if (f.year() == year) {
                out.add(f);
            } else {
                findings.add(Finding.ofFile(FindingCode.Y1, f.file(), "报表年度为" + f.year() + "年，不是本次核对的"
                        + year + "年（可能放错了文件夹，或用了别的年度的模板），未参与跨年核对"));
            }
        }
        return out;
    }

    /** The filings that take part (the first of each agency and year, by file name) and a D1 for each two of one. */
    public record Duplicates(List<Filing> kept, List<Finding> findings) {
        public Duplicates {
            kept = List.copyOf(kept);
            findings = List.copyOf(findings);
        }
    }

    /**
     * Two filings of one agency in one year (same code, or same name after normalization and
     * aliases, their codes not disagreeing): both are reported; the first by file name takes part
     * in the reconciliation. Filings of one agency for different years are no duplicates.
     */
    public static Duplicates firstOfDuplicates(List<Filing> filings, Aliases aliases) {
        List<Finding> findings = new ArrayList<>();
        List<Filing> sorted = new ArrayList<>(filings);
        sorted.sort(Comparator.comparing(Filing::file));
        Map<Integer, AgencyIndex<Filing>> byYear = new HashMap<>();
        List<Filing> kept = new ArrayList<>();
        for (Filing f : sorted) {
            AgencyIndex<Filing> seen = byYear.computeIfAbsent(f.year(), y -> new AgencyIndex<>(aliases, AgencyIndex::keys));
            AgencyIndex.Hit<Filing> first = seen.find(f.identity().code(), f.agency());
            if (first != null && !first.codeDisagrees()) {
                String msg = f.agency() + "在" + f.year() + "年有两份报表：" + first.entry().file() + " 和 " + f.file()
                        + "；跨年核对只使用前一份，请确认哪一份有效";
                findings.add(Finding.ofFile(FindingCode.D1, first.entry().file(), msg));
                findings.add(Finding.ofFile(FindingCode.D1, f.file(), msg));
                continue;
            }
            seen.add(f);
            kept.add(f);
        }
        return new Duplicates(kept, findings);
    }
}
