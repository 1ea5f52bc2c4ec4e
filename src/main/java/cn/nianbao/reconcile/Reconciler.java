package cn.nianbao.reconcile;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches this year's filings with last year's and applies the rules across years. An agency is
 * matched by 统一社会信用代码 first, then by its name after normalization, then by an alias.
 * Agencies found in one year only, two filings of one agency in a year, and filings for another
 * year are findings, never skipped.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** A matched pair and how it was matched (统一社会信用代码 / 单位名称 / 别名). */
    public record Match(Filing current, Filing previous, String by) {
    }

    public record Result(int year, List<Match> matches, List<Filing> onlyCurrent, List<Filing> onlyPrevious,
                         List<Finding> findings) {
    }

    /**
     * @param year the reporting year of {@code current}; null takes the most common year among them
     */
    public static Result reconcile(List<Filing> current, List<Filing> previous, Aliases aliases, Integer year) {
        List<Finding> findings = new ArrayList<>();
        // This year's filings tell the year; failing those, last year's (one year on); 0 when neither can.
        int y = year != null ? year : !current.isEmpty() ? commonYear(current) : previous.isEmpty() ? 0 : commonYear(previous) + 1;
        List<Filing> cur = ofYear(current, y, findings);
        List<Filing> prev = ofYear(previous, y - 1, findings);
        cur = firstOfDuplicates(cur, aliases, findings);
        prev = firstOfDuplicates(prev, aliases, findings);

        FilingIndex index = new FilingIndex(prev, aliases);
        List<Match> matches = new ArrayList<>();
        List<Filing> onlyCurrent = new ArrayList<>();
        Map<Filing, Boolean> used = new java.util.IdentityHashMap<>();
        for (Filing c : cur) {
            FilingIndex.Hit hit = index.find(c.identity().code(), c.agency(), p -> !used.containsKey(p));
            Match m = hit == null ? null : new Match(c, hit.filing(), hit.by());
            if (m == null) {
                onlyCurrent.add(c);
                findings.add(Finding.ofFile(FindingCode.M1, c.file(), "上年没有找到" + c.agency()
                        + "的报表（按统一社会信用代码、单位名称和别名均未匹配），无法核对上年结转"));
                continue;
            }
            used.put(m.previous(), true);
            matches.add(m);
            findings.addAll(Checker.acrossYears(c, m.previous()));
        }
        List<Filing> onlyPrevious = prev.stream().filter(p -> !used.containsKey(p)).toList();
        for (Filing p : onlyPrevious) {
            findings.add(Finding.ofFile(FindingCode.M2, p.file(), p.agency() + "上年（" + p.year()
                    + "年）有报表，本年（" + y + "年）没有收到"));
        }
        return new Result(y, matches, onlyCurrent, onlyPrevious, findings);
    }

    private static boolean codesAgree(Filing a, Filing b) {
        return a.identity().code().isEmpty() || b.identity().code().isEmpty()
                || a.identity().code().equals(b.identity().code());
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

    /**
     * Two filings of one agency in one year (same code, or same name after normalization and
     * aliases): both are reported; the first by file name takes part in the reconciliation.
     * Filings of one agency for different years are no duplicates.
     */
    public static List<Filing> firstOfDuplicates(List<Filing> filings, Aliases aliases, List<Finding> findings) {
        List<Filing> sorted = new ArrayList<>(filings);
        sorted.sort(Comparator.comparing(Filing::file));
        Map<String, Filing> byCode = new HashMap<>();
        Map<String, Filing> byName = new HashMap<>();
        List<Filing> kept = new ArrayList<>();
        for (Filing f : sorted) {
            String code = f.identity().code().isEmpty() ? "" : f.year() + "|" + f.identity().code();
            String name = f.year() + "|" + aliases.key(f.agency());
            Filing first = !code.isEmpty() && byCode.containsKey(code) ? byCode.get(code) : byName.get(name);
            if (first != null && codesAgree(first, f)) {
                String msg = f.agency() + "在" + f.year() + "年有两份报表：" + first.file() + " 和 " + f.file()
                        + "；跨年核对只使用前一份，请确认哪一份有效";
                findings.add(Finding.ofFile(FindingCode.D1, first.file(), msg));
                findings.add(Finding.ofFile(FindingCode.D1, f.file(), msg));
                continue;
            }
            if (!code.isEmpty()) {
                byCode.put(code, f);
            }
            byName.putIfAbsent(name, f);
            kept.add(f);
        }
        return kept;
    }
}
