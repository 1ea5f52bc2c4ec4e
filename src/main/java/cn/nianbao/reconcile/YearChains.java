package cn.nianbao.reconcile;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.History;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.spec.FindingCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every year of every agency at once: filings of any years and both national formats grouped into
 * one chain per agency through the one agency index ({@link AgencyIndex}: code, then normalised
 * name, then alias), and every two consecutive years of a chain reconciled
 * ({@link Checker#acrossYears}, C1 and C2, across the 2020→2021 format change too). What a chain
 * lacks or what is odd about it is a finding, never silence: a year missing inside it (M3, and the
 * years around it are not reconciled as if consecutive), a start after the run's first year (M1) or
 * an end before its last (M2), two filings of one year (D1), one name under a new code (U2, the
 * chain kept), and a filing of no possible year (Y2). Filings of years outside the span asked for
 * are set aside, to be listed as skipped.
 */
public final class YearChains {
    /** The first reporting year: the 政府信息公开条例 took effect on 1 May 2008. */
    public static final int FIRST_YEAR = 2008;

    /** The years asked for ({@code --years 2019-2025}); either end may be open (null). */
    public record Span(Integer from, Integer to) {
        public static final Span ALL = new Span(null, null);

        public boolean contains(int year) {
            return (from == null || year >= from) && (to == null || year <= to);
        }

        /** As the user writes it: 2019–2025, 2019 年起, 到 2025 年. */
        public String text() {
            if (from != null && to != null) {
                return from.equals(to) ? from + "" : from + "-" + to;
            }
            return from != null ? from + "-" : to != null ? "-" + to : "";
        }
    }

    private YearChains() {
    }

    /**
     * The history of {@code filings}.
     *
     * @param lastYear the last year a report can be on (next year, by the clock of the caller)
     */
    public static History build(List<Filing> filings, Aliases aliases, Span span, int lastYear) {
        List<Finding> findings = new ArrayList<>();
        List<Filing> inSpan = new ArrayList<>();
        List<Filing> outside = new ArrayList<>();
        List<Filing> undated = new ArrayList<>();
        for (Filing f : filings) {
            if (f.year() < FIRST_YEAR || f.year() > lastYear) {
                undated.add(f);
                findings.add(Finding.ofFile(FindingCode.Y2, f.file(), f.year() == 0
                        ? "无法确定报表的年度：模板标识中没有可以识别的年度（可能被改动过），未参与历年核对；请核实是哪一年的报表，用该年度的模板重新填报"
                        : "报表年度为" + f.year() + "年，不是可能的报告年度（应在" + FIRST_YEAR + "年到" + lastYear
                        + "年之间），未参与历年核对；请核实是哪一年的报表"));
            } else if (!span.contains(f.year())) {
                outside.add(f);
            } else {
                inSpan.add(f);
            }
        }
        Reconciler.Duplicates d = Reconciler.firstOfDuplicates(inSpan, aliases);
        findings.addAll(d.findings());
        List<Filing> kept = new ArrayList<>(d.kept());
        kept.sort(Comparator.comparingInt(Filing::year).thenComparing(Filing::file));
        int first = span.from() != null ? span.from() : kept.isEmpty() ? 0 : kept.get(0).year();
        int last = span.to() != null ? span.to() : kept.isEmpty() ? 0 : kept.get(kept.size() - 1).year();

        List<Building> chains = chains(kept, aliases, findings);
        List<History.Chain> out = new ArrayList<>();
        for (Building b : chains) {
            History.Chain c = b.done();
            out.add(c);
            // Year after year: C1 and C2 between consecutive years, M3 where a year is missing between two.
            for (int i = 1; i < c.years().size(); i++) {
                Filing prev = c.years().get(i - 1).filing();
                Filing cur = c.years().get(i).filing();
                if (cur.year() == prev.year() + 1) {
                    findings.addAll(Checker.acrossYears(cur, prev));
                } else {
                    findings.add(Finding.ofFile(FindingCode.M3, cur.file(), c.agency() + "有" + prev.year() + "年和"
                            + cur.year() + "年的报表，没有" + years(prev.year() + 1, cur.year() - 1) + "年的（缺报）："
                            + cur.year() + "年的“二、上年结转”无法与上年核对，" + prev.year() + "→" + cur.year() + "年不按相邻年度核对"));
                }
            }
            ends(c, first, last, findings);
        }
        out.sort(Comparator.comparing(History.Chain::agency).thenComparing(History.Chain::code)
                .thenComparing(c -> c.years().get(0).filing().file()));
        return new History(first, last, out, outside, undated, findings);
    }

    /** M1 where a chain starts after the run's first year, M2 where it ends before its last. */
    private static void ends(History.Chain c, int first, int last, List<Finding> findings) {
        History.Year start = c.years().get(0);
        History.Year end = c.years().get(c.years().size() - 1);
        if (start.year() > first) {
            findings.add(Finding.ofFile(FindingCode.M1, start.filing().file(), Reconciler.noLastYear(start.year(), c.agency())));
        }
        if (end.year() < last) {
            findings.add(Finding.ofFile(FindingCode.M2, end.filing().file(), c.agency() + "有" + end.year() + "年的报表，没有收到"
                    + years(end.year() + 1, last) + "年的（历年核对到" + last + "年）"));
        }
    }

    /** 2022, or 2022–2024. */
    private static String years(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    /**
     * The chains of {@code kept} (one filing per agency and year, in order of year): each filing
     * joins the chain of the agency the index finds for it among the earlier ones, a chain taking
     * one filing a year; found by a name or alias whose filing carries another code, it joins with
     * a note (U2); found by nothing, it starts a chain.
     */
    private static List<Building> chains(List<Filing> kept, Aliases aliases, List<Finding> findings) {
        AgencyIndex<Filing> index = new AgencyIndex<>(aliases, AgencyIndex::keys);
        Map<Filing, Building> chainOf = new IdentityHashMap<>();
        List<Building> chains = new ArrayList<>();
        for (Filing f : kept) {
            AgencyIndex.Hit<Filing> hit = index.find(f.identity().code(), f.agency(), p -> chainOf.get(p).last != f.year());
            Building b;
            if (hit == null) {
                b = new Building();
                chains.add(b);
            } else {
                b = chainOf.get(hit.entry());
                if (hit.codeDisagrees()) {
                    findings.add(Finding.ofFile(FindingCode.U2, f.file(), f.agency() + "：单位名称与" + hit.entry().year()
                            + "年的报表相同（" + (hit.by() == MatchedBy.ALIAS ? "按别名" : "按名称") + "），统一社会信用代码由 "
                            + hit.entry().identity().code() + " 变为 " + f.identity().code() + "；按同一单位历年核对，请确认代码"));
                }
            }
            b.add(f, hit == null ? null : hit.by());
            chainOf.put(f, b);
            index.add(f);
        }
        return chains;
    }

    /** A chain being put together, year after year. */
    private static final class Building {
        final List<History.Year> years = new ArrayList<>();
        int last;

        void add(Filing f, MatchedBy by) {
            years.add(new History.Year(f.year(), f, by));
            last = f.year();
        }

        History.Chain done() {
            Filing latest = years.get(years.size() - 1).filing();
            String code = "";
            for (History.Year y : years) {
                if (!y.filing().identity().code().isEmpty()) {
                    code = y.filing().identity().code();
                }
            }
            return new History.Chain(latest.agency(), code, years);
        }
    }
}
