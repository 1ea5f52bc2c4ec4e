package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.spec.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a check or reconcile run found, counted: files (= read + unreadable + skipped), agencies,
 * findings by severity, and the files that could not be read; as the lines a user reads, and as
 * the verdict the exit code follows ({@link #failed()}).
 */
public record RunSummary(int files, int read, int unreadable, int skipped, int agencies, long errors, long warnings,
                         long infos, List<String> unreadableFiles, long confirmed, long explained, long verified) {
    public RunSummary {
        unreadableFiles = List.copyOf(unreadableFiles);
    }

    /** The counts over {@code reports}; agencies are told apart by code, else by name through {@code aliases}. */
    public static RunSummary of(List<FileReport> reports, Aliases aliases) {
        int unreadable = 0;
        int skipped = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        long confirmed = 0;
        long explained = 0;
        long verified = 0;
        Set<String> agencies = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (FileReport r : reports) {
            if (r.skipped()) {
                skipped++;
                continue;
            }
            if (!r.read().readable()) {
                unreadable++;
                bad.add(r.read().file() + "（" + r.read().reason() + "）");
            } else {
                Filing f = r.read().filing();
                agencies.add(f.identity().code().isEmpty() ? aliases.key(f.agency()) : f.identity().code());
            }
            errors += r.count(Severity.ERROR);
            warnings += r.count(Severity.WARNING);
            infos += r.count(Severity.INFO);
            for (cn.nianbao.model.Finding x : r.findings()) {
                boolean cleared = x.decision() != null && x.decision().clears();
                if (x.severity() == Severity.ERROR && cleared) {
                    confirmed++;
                } else if (x.severity() == Severity.WARNING && !x.open()) {
                    if (cleared) {
                        verified++;
                    } else {
                        explained++;
                    }
                }
            }
        }
        return new RunSummary(reports.size(), reports.size() - unreadable - skipped, unreadable, skipped, agencies.size(),
                errors, warnings, infos, bad, confirmed, explained, verified);
    }

    /** The same counts with {@code n} agencies (a reconciliation over several years counts its chains). */
    public RunSummary withAgencies(int n) {
        return new RunSummary(files, read, unreadable, skipped, n, errors, warnings, infos, unreadableFiles, confirmed, explained,
                verified);
    }

    /**
     * Whether the run found an open error or a file it could not read (exit code 1). An error a
     * supervisor let stand in the 问题清单 (已核实无误 / 接受说明) is 已确认: counted apart, still listed,
     * and no longer fails the run, as a 强制上报 would not.
     */
    public boolean failed() {
        return unreadable > 0 || errors - confirmed > 0;
    }

    /** The summary as printed. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format("文件 %d 个 = 读取 %d + 无法读取 %d + 跳过 %d；单位 %d 个", files, read, unreadable, skipped, agencies));
        out.add(String.format("问题：错误 %d 条%s，警告 %d 条%s，提示 %d 条", errors,
                confirmed == 0 ? "" : "（未处理 " + (errors - confirmed) + "，已确认 " + confirmed + "）", warnings,
                explained + verified == 0 ? "" : "（未处理 " + (warnings - explained - verified) + "，已说明 " + explained
                        + "，已核实 " + verified + "）", infos));
        unreadableFiles.forEach(f -> out.add("  无法读取：" + f));
        return out;
    }

    /**
     * What to say when a run found no workbook at all — an empty folder, or one holding only other
     * files, is no clean result (exit 1); empty when there was a workbook.
     */
    public static List<String> noWorkbook(List<FileReport> reports) {
        if (reports.stream().anyMatch(r -> !r.skipped())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("没有找到任何工作簿（.xlsx/.xls）" + (reports.isEmpty() ? "：输入中没有文件" : "：输入中的 " + reports.size()
                + " 个文件都不是报表，已跳过") + "。请检查输入的文件夹是否正确。");
        reports.forEach(r -> out.add("  跳过：" + r.read().file() + "（" + r.read().reason() + "）"));
        return out;
    }

    /**
     * The years a reconciliation over several years covered, its agencies, how their consecutive
     * years were paired, the gaps, and the filings it set aside, as printed.
     */
    public static List<String> years(History h, String span) {
        List<String> out = new ArrayList<>();
        out.add(h.firstYear() == 0 ? "年度：无法确定（没有可以读取、年度可知的报表）"
                : "年度：" + (h.firstYear() == h.lastYear() ? h.firstYear() : h.firstYear() + "–" + h.lastYear()) + "年（"
                + (h.lastYear() - h.firstYear() + 1) + " 年）" + (span.isEmpty() ? "" : "，按 --years " + span));
        out.add(String.format("历年核对：单位 %d 个；相邻年度核对 %d 对（按%s %d，按%s %d，按%s %d）；中间缺报 %d 处",
                h.chains().size(), h.links().size(), MatchedBy.CODE.chinese(), h.linked(MatchedBy.CODE),
                MatchedBy.NAME.chinese(), h.linked(MatchedBy.NAME), MatchedBy.ALIAS.chinese(), h.linked(MatchedBy.ALIAS),
                h.gaps().size()));
        if (!h.outside().isEmpty()) {
            out.add("不在 --years " + span + " 范围内、已跳过的报表 " + h.outside().size() + " 份");
        }
        if (!h.undated().isEmpty()) {
            out.add("年度无法确定、未参与历年核对的报表 " + h.undated().size() + " 份（Y2）");
        }
        return out;
    }

    /** The year a reconciliation took and how its agencies were paired, as printed. */
    public static List<String> reconciled(cn.nianbao.model.Reconciliation rec) {
        String year = rec.year() > 0 ? "本年：" + rec.year() + "年；上年：" + (rec.year() - 1) + "年"
                : "本年：无法确定（两年都没有可以读取的报表）";
        String pairs = String.format("跨年匹配 %d 对（按%s %d，按%s %d，按%s %d）；上年没有报表 %d 个，本年未报 %d 个",
                rec.matches().size(), MatchedBy.CODE.chinese(), rec.matched(MatchedBy.CODE), MatchedBy.NAME.chinese(),
                rec.matched(MatchedBy.NAME), MatchedBy.ALIAS.chinese(), rec.matched(MatchedBy.ALIAS), rec.onlyCurrent().size(),
                rec.onlyPrevious().size());
        return List.of(year, pairs);
    }
}
