package cn.nianbao.round;

import cn.nianbao.model.ItemState;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.report.FileReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a collect run says on screen: the roster's progress by status, the inbox counted
 * (收件 = 读取 + 无法读取 + 无法识别 + 跳过, always adding up), last year's files, the round's total
 * and the returns written; and whether the round is complete ({@link #complete}), which the exit
 * code follows.
 */
public final class RoundSummary {
    private RoundSummary() {
    }

    /** Every roster agency has submitted without errors, and nothing in the inbox was unreadable or unmatched (skipped files do not count). */
    public static boolean complete(Collector.Round round) {
        return round.agencies().stream().allMatch(a -> a.status() == RoundStatus.PASSED
                || a.status() == RoundStatus.WARNINGS)
                && round.count(ItemState.UNREADABLE) + round.count(ItemState.UNMATCHED) == 0;
    }

    /** The progress, the inbox's count with what could not be read or matched, and last year's files ({@code previous}, may be empty). */
    public static List<String> lines(Collector.Round round, List<FileReport> previous) {
        List<String> out = new ArrayList<>();
        out.add(String.format("%d年报表收集（截止 %s）：名册 %d 个单位 —— 通过 %d，有警告 %d，有错误 %d，无法读取 %d，未提交 %d；逾期 %d",
                round.year(), round.deadline(), round.agencies().size(), round.count(RoundStatus.PASSED),
                round.count(RoundStatus.WARNINGS), round.count(RoundStatus.ERRORS),
                round.count(RoundStatus.UNREADABLE), round.count(RoundStatus.MISSING),
                round.agencies().stream().filter(Collector.AgencyStatus::late).count()));
        long explained = round.agencies().stream().mapToLong(Collector.AgencyStatus::explained).sum();
        long decided = round.agencies().stream().mapToLong(Collector.AgencyStatus::decided).sum();
        if (explained + decided > 0) {
            out.add(String.format("问题：未处理的错误 %d、警告 %d；单位已说明 %d，汇总单位已处理（已确认、已核实）%d",
                    round.agencies().stream().mapToLong(a -> a.open(cn.nianbao.spec.Severity.ERROR)).sum(),
                    round.agencies().stream().mapToLong(a -> a.open(cn.nianbao.spec.Severity.WARNING)).sum(), explained, decided));
        }
        long read = round.count(ItemState.CURRENT) + round.count(ItemState.SUPERSEDED);
        out.add(String.format("收件 %d 份 = 读取 %d + 无法读取 %d + 无法识别 %d + 跳过 %d（读取的 %d 份中被替代 %d 份）",
                round.submissions().size(), read, round.count(ItemState.UNREADABLE),
                round.count(ItemState.UNMATCHED), round.count(ItemState.SKIPPED), read,
                round.count(ItemState.SUPERSEDED)));
        for (Collector.Submission s : round.submissions()) {
            if (s.state() == ItemState.UNMATCHED || s.state() == ItemState.UNREADABLE && s.agency() == null) {
                out.add(String.format("  %s：%s（%s）", s.state().chinese(), s.item().origin(),
                        s.readable() ? s.note() : s.report().read().reason()));
            }
        }
        if (!previous.isEmpty()) {
            long bad = previous.stream().filter(p -> !p.skipped() && !p.read().readable()).count();
            out.add(String.format("上年报表 %d 个文件，无法读取 %d 个；跨年核对 %d 个单位", previous.size(), bad,
                    round.reconciled() == null ? 0 : round.reconciled().matches().size()));
            previous.stream().filter(p -> !p.skipped() && !p.read().readable())
                    .forEach(p -> out.add(String.format("  上年无法读取：%s（%s）", p.read().file(), p.read().reason())));
        }
        return out;
    }

    /** The round's total: where it is and how many agencies it counts. */
    public static String total(RoundFiles files, RoundTotal.Result sum, boolean includeErrors) {
        return String.format("本轮加总：%s 和 %s —— 计入 %d 个单位%s", files.totalXlsx(), files.totalCsv().getFileName(),
                sum.included(), includeErrors ? "（含有错误的报表）" : "（有错误的、无法读取的和未提交的不计入，见“汇总范围”工作表）");
    }

    /** The returns written into {@code dir}: annotated copies, and drafts by kind. */
    public static String returns(Map<String, Path> copies, List<ReturnDrafts.Written> drafts, Path dir) {
        return String.format("退回：%d 份标注副本；邮件草稿 退回 %d 封、重新报送 %d 封、催报 %d 封，在 %s", copies.size(),
                count(drafts, ReturnDrafts.RETURN), count(drafts, ReturnDrafts.RESUBMIT), count(drafts, ReturnDrafts.REMIND), dir);
    }

    private static long count(List<ReturnDrafts.Written> drafts, String kind) {
        return drafts.stream().filter(d -> d.kind().equals(kind)).count();
    }
}
