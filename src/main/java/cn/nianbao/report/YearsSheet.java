package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 历年 sheet: one row per agency per year of the run, filed or not, with the key figures
 * ({@link KeyFigures}) and that year's status — 通过 / 有警告 / 有错误 as in 汇总, or 缺报 when the
 * agency has no filing of that year — filterable, its header frozen.
 */
final class YearsSheet {
    static final String MISSING = "缺报";

    private YearsSheet() {
    }

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("单位", "统一社会信用代码", "年度", "状态", "表格格式"));
        for (KeyFigures k : KeyFigures.values()) {
            h.add(k.header());
        }
        h.addAll(List.of("错误", "警告", "文件", "说明"));
        return h;
    }

    static void write(ListSheet.Book book, History history, List<FileReport> files) throws IOException {
        ListSheet s = book.sheet(DiscrepancyWorkbook.YEARS, header());
        Map<String, FileReport> byFile = new HashMap<>();
        files.forEach(f -> byFile.put(f.read().file(), f));
        int figures = 5;
        int after = figures + KeyFigures.values().length;
        for (History.Chain c : history.chains()) {
            int first = c.years().get(0).year();
            int last = c.years().get(c.years().size() - 1).year();
            for (int year = history.firstYear(); year <= history.lastYear(); year++) {
                s.row();
                s.text(0, c.agency());
                Filing f = c.filing(year);
                s.text(1, f == null ? c.code() : f.identity().code());
                s.number(2, BigDecimal.valueOf(year));
                if (f == null) {
                    s.text(3, MISSING, true);
                    s.text(after + 3, year > first && year < last ? "没有收到该年度的报表（历年中间缺报，见问题清单 M3）"
                            : year < first ? "没有收到该年度的报表（该单位最早的报表是" + first + "年的）"
                            : "没有收到该年度的报表（该单位最近的报表是" + last + "年的）");
                    continue;
                }
                FileReport r = byFile.get(f.file());
                s.text(3, r.status().chinese(), r.status().bad());
                s.text(4, f.spec().id());
                List<String> notes = new ArrayList<>();
                int col = figures;
                for (KeyFigures k : KeyFigures.values()) {
                    s.number(col++, k.of(f));
                    if (!k.inFormatOf(f) && k == KeyFigures.RULES_IN_FORCE) {
                        notes.add("表格格式 " + f.spec().id() + " 没有“现行有效件数”");
                    }
                }
                s.number(after, BigDecimal.valueOf(r.count(Severity.ERROR)));
                s.number(after + 1, BigDecimal.valueOf(r.count(Severity.WARNING)));
                s.text(after + 2, f.file());
                notes.addAll(0, notes(c, year, f, r));
                s.text(after + 3, String.join("；", notes));
            }
        }
        s.finish(true);
    }

    /** What a supervisor should know about one year of a chain besides its numbers. */
    private static List<String> notes(History.Chain c, int year, Filing f, FileReport r) {
        List<String> out = new ArrayList<>();
        if (!cn.nianbao.util.ChineseText.name(f.agency()).equals(cn.nianbao.util.ChineseText.name(c.agency()))) {
            MatchedBy by = c.years().stream().filter(y -> y.year() == year).findFirst().map(History.Year::matchedBy).orElse(null);
            out.add("报表中的单位名称为" + f.agency() + (by == MatchedBy.ALIAS ? "（按别名归入）" : by == MatchedBy.CODE
                    ? "（按统一社会信用代码归入）" : ""));
        }
        if (r.findings().stream().anyMatch(x -> x.code() == FindingCode.U2)) {
            out.add("统一社会信用代码与此前不同（见问题清单 U2）");
        }
        if (r.findings().stream().anyMatch(x -> x.code() == FindingCode.D1)) {
            out.add("同一年度另有一份报表，历年核对用本份（见问题清单 D1）");
        }
        return out;
    }
}
