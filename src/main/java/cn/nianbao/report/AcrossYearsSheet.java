package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
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
        List<Map.Entry<String, String>> pairs = spec == null ? List.of() : spec.carriedOverPairs();
        for (Map.Entry<String, String> pair : pairs) {
            String label = spec.cell(pair.getKey()).colLabel();
            header.add(label + " 上年四");
            header.add(label + " 本年二");
            header.add(label + " 差额");
        }
        header.add("说明");
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
            int c = 5;
            int mismatches = 0;
            for (Map.Entry<String, String> pair : pairs) {
                CellValue last = m.previous().asFiled(pair.getValue());
                CellValue now = m.current().asFiled(pair.getKey());
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
            s.text(note, mismatches == 0 ? "一致" : mismatches + "列不一致");
        }
        for (Filing f : sorted(rec.onlyCurrent())) {
            unmatched(s, note, f, "上年没有该单位的报表", true);
        }
        for (Filing f : sorted(rec.onlyPrevious())) {
            unmatched(s, note, f, "本年没有收到该单位的报表", false);
        }
        s.finish(true);
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
}
