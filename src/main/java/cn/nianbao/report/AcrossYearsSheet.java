package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.spec.FormatSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The 跨年核对 sheet: one row per matched agency with last year's 四 beside this year's 二 and their
 * difference for every column (differences in rose), then the agencies found in one year only.
 */
final class AcrossYearsSheet {
    private AcrossYearsSheet() {
    }

    static void write(ListSheet.Book book, Reconciliation rec) throws IOException {
        List<String> header = new ArrayList<>(List.of("单位", "统一社会信用代码", "匹配方式", "本年文件", "上年文件"));
        // The carried-over pairs of this year's format (rule C1 pairs the same cells of table 三 in every national format).
        FormatSpec spec = Stream.concat(rec.matches().stream().map(Reconciliation.Match::current),
                Stream.concat(rec.onlyCurrent().stream(), rec.onlyPrevious().stream()))
                .map(Filing::spec).findFirst().orElse(null);
        List<Map.Entry<String, String>> pairs = pairColumns(header, spec);
        int note = header.size() - 1;
        ListSheet s = book.sheet(DiscrepancyWorkbook.ACROSS_YEARS, header);
        List<Reconciliation.Match> matches = new ArrayList<>(rec.matches());
        matches.sort(Comparator.comparing((Reconciliation.Match m) -> m.current().agency()).thenComparing(m -> m.current().file()));
        for (Reconciliation.Match m : matches) {
            s.row();
            s.text(0, m.current().agency());
            s.text(1, m.current().identity().code());
            s.text(2, m.by());
            s.text(3, m.current().file());
            s.text(4, m.previous().file());
            s.text(note, differences(s, 5, m.current(), m.previous(), pairs));
        }
        for (Filing f : sorted(rec.onlyCurrent())) {
            unmatched(s, note, f, "上年没有该单位的报表", true);
        }
        for (Filing f : sorted(rec.onlyPrevious())) {
            unmatched(s, note, f, "本年没有收到该单位的报表", false);
        }
        s.finish(true);
    }

    /**
     * The sheet over several years: one row per agency per two consecutive years, last year's 四
     * beside this year's 二 and their difference for every column, the years named; a row for each
     * year missing inside an agency's years (not reconciled) and for an agency of one year only.
     */
    static void write(ListSheet.Book book, History history) throws IOException {
        List<String> header = new ArrayList<>(List.of("单位", "统一社会信用代码", "上年", "本年", "匹配方式", "本年文件", "上年文件"));
        FormatSpec spec = history.chains().isEmpty() ? null : history.chains().get(0).years().get(0).filing().spec();
        List<Map.Entry<String, String>> pairs = pairColumns(header, spec);
        int note = header.size() - 1;
        ListSheet s = book.sheet(DiscrepancyWorkbook.ACROSS_YEARS, header);
        for (History.Chain c : history.chains()) {
            List<History.Year> years = c.years();
            if (years.size() == 1) {
                s.row();
                s.text(0, c.agency());
                s.text(1, c.code());
                s.number(3, BigDecimal.valueOf(years.get(0).year()));
                s.text(5, years.get(0).filing().file());
                s.text(note, "只有" + years.get(0).year() + "年的报表，无法跨年核对");
                continue;
            }
            for (int i = 1; i < years.size(); i++) {
                Filing prev = years.get(i - 1).filing();
                Filing cur = years.get(i).filing();
                s.row();
                s.text(0, c.agency());
                s.text(1, cur.identity().code());
                s.number(2, BigDecimal.valueOf(prev.year()));
                s.number(3, BigDecimal.valueOf(cur.year()));
                s.text(4, years.get(i).matchedBy() == null ? "" : years.get(i).matchedBy().chinese());
                s.text(5, cur.file());
                s.text(6, prev.file());
                if (cur.year() != prev.year() + 1) {
                    s.text(note, "缺报" + (cur.year() - prev.year() == 2 ? prev.year() + 1 + "年" : prev.year() + 1 + "–"
                            + (cur.year() - 1) + "年") + "：" + prev.year() + "→" + cur.year() + "年不按相邻年度核对", true);
                    continue;
                }
                s.text(note, differences(s, 7, cur, prev, pairs));
            }
        }
        s.finish(true);
    }

    /** Last year's 四, this year's 二 and their difference per column from {@code c}; what the note says. */
    private static String differences(ListSheet s, int c, Filing current, Filing previous,
                                      List<Map.Entry<String, String>> pairs) throws IOException {
        int mismatches = 0;
        for (Map.Entry<String, String> pair : pairs) {
            CellValue last = previous.asFiled(pair.getValue());
            CellValue now = current.asFiled(pair.getKey());
            s.number(c, last.number());
            s.number(c + 1, now.number());
            if (last.number() != null && now.number() != null) {
                BigDecimal d = now.number().subtract(last.number());
                s.number(c + 2, d, d.signum() != 0);
                mismatches += d.signum() != 0 ? 1 : 0;
            } else {
                s.text(c + 2, "空白");
            }
            c += 3;
        }
        return mismatches == 0 ? "一致" : mismatches + "列不一致";
    }

    private static List<Filing> sorted(List<Filing> filings) {
        List<Filing> l = new ArrayList<>(filings);
        l.sort(Comparator.comparing(Filing::agency).thenComparing(Filing::file));
        return l;
    }

    private static void unmatched(ListSheet s, int note, Filing f, String text, boolean current) throws IOException {
        s.row();
        s.text(0, f.agency());
        s.text(1, f.identity().code());
        s.text(current ? 3 : 4, f.file());
        s.text(note, text);
    }

    /**
     * Adds to {@code header} the three columns of each carried-over pair of {@code spec} (上年四, 本年二, 差额)
     * and the 说明 column; returns the pairs (none without a format).
     */
    private static List<Map.Entry<String, String>> pairColumns(List<String> header, FormatSpec spec) {
        List<Map.Entry<String, String>> pairs = spec == null ? List.of() : spec.carriedOverPairs();
        for (Map.Entry<String, String> pair : pairs) {
            String label = spec.cell(pair.getKey()).colLabel();
            header.add(label + " 上年四");
            header.add(label + " 本年二");
            header.add(label + " 差额");
        }
        header.add("说明");
        return pairs;
    }
}
