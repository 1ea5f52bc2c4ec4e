package cn.nianbao.round;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.reconcile.AgencyIndex;
import cn.nianbao.report.FindingOrder;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.FileNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages a supervisor sends after a collection run, as unsent .eml drafts: to each agency
 * with errors, its annotated workbook and the problems listed (退回); to each agency whose file
 * could not be read, why and a fresh template (重新报送); to each agency that has not submitted, a
 * reminder with a fresh template (催报). Fresh templates carry last year's figures like the first ones.
 */
public final class ReturnDrafts {
    /** One draft written: for which agency, what kind (退回 / 重新报送 / 催报), the message and its attachment. */
    public record Written(Agency agency, String kind, Path draft, Path attachment) {
    }

    /** Problems listed in a message body; the rest are in the attached workbook. */
    static final int LISTED = 30;
    /** Days from the run date an agency is given to send a corrected or missing file (collect --resubmit-days). */
    public static final int RESUBMIT_DAYS = 7;

    private ReturnDrafts() {
    }

    /** As {@link #write(Path, Collector.Round, Map, Issuer, AgencyIndex, boolean, LocalDate, int, List)} with {@link #RESUBMIT_DAYS}. */
    public static List<Written> write(Path dir, Collector.Round round, Map<String, Path> copies, Issuer issuer,
                                      AgencyIndex<Filing> previous, boolean havePrevious, LocalDate today, List<String> warnings)
            throws IOException {
        return write(dir, round, copies, issuer, previous, havePrevious, today, RESUBMIT_DAYS, warnings);
    }

    /**
     * @param copies       the annotated copies written for the round's current submissions (file as read to copy)
     * @param today        the date the drafts are written (a reminder after the deadline says it has passed)
     * @param resubmitDays corrected, unreadable and missing files are asked for within this many days of
     *                     {@code today}, and never before the round's deadline
     */
    public static List<Written> write(Path dir, Collector.Round round, Map<String, Path> copies, Issuer issuer,
                                      AgencyIndex<Filing> previous, boolean havePrevious, LocalDate today, int resubmitDays,
                                      List<String> warnings) throws IOException {
        List<Written> out = new ArrayList<>();
        int year = round.year();
        String due = Issuer.date(round.deadline());
        // A deadline that has passed is not repeated as the date to meet: the new one is counted from today.
        LocalDate byDate = today.plusDays(resubmitDays);
        String by = Issuer.date(byDate.isBefore(round.deadline()) ? round.deadline() : byDate);
        for (Collector.AgencyStatus a : round.agencies()) {
            Agency ag = a.agency();
            switch (a.status()) {
                case ERRORS -> {
                    Path copy = copies.get(a.current().report().read().file());
                    if (copy == null) {
                        warnings.add(ag.name() + "：没有生成标注副本，退回邮件未写");
                        continue;
                    }
                    Path draft = draftPath(dir, a, year);
                    Drafts.write(draft, ag.email(), "请改正" + year + "年政府信息公开工作年度报告统计表（" + ag.name() + "）",
                            errorsBody(a, year, by), copy, copy.getFileName().toString());
                    out.add(new Written(ag, RETURN, draft, copy));
                }
                case UNREADABLE, MISSING -> {
                    Issuer.Issued t = issuer.template(ag, previous, havePrevious, dir, warnings);
                    boolean unreadable = a.status() == RoundStatus.UNREADABLE;
                    boolean resubmit = RESUBMIT.equals(kind(a));
                    Path draft = draftPath(dir, a, year);
                    String subject = (unreadable ? "报送的文件无法读取，请重新报送"
                            : resubmit ? "收到的文件中没有贵单位的报表，请重新报送" : "请尽快报送") + year
                            + "年政府信息公开工作年度报告统计表（" + ag.name() + "）";
                    String body = ag.name() + "：\n\n"
                            + (unreadable ? "我们收到了贵单位报送的文件“" + a.current().item().name() + "”，但无法读取："
                                    + a.current().report().read().reason() + "。\n\n" : "")
                            + sentForOthers(a) + skipped(a)
                            + (resubmit ? "" : "我们还没有收到贵单位" + year + "年政府信息公开工作年度报告统计表"
                                    + (today.isAfter(round.deadline()) ? "，报送截止日期（" + due + "）已过，请于" + by + "前报送"
                                    : "（截止" + due + "）") + "。\n\n")
                            + "请填写附件中的模板，" + (resubmit ? "于" + by + "前" : "") + "直接回复本邮件发回。\n\n"
                            + issuer.instructions(!t.carriedFrom().isEmpty()) + "\n谢谢！\n";
                    Drafts.write(draft, ag.email(), subject, body, t.template(), t.template().getFileName().toString());
                    out.add(new Written(ag, kind(a), draft, t.template()));
                }
                default -> {
                    continue;
                }
            }
            if (ag.email().isBlank()) {
                warnings.add(Issuer.noAddress(ag));
            }
        }
        return out;
    }

    /**
     * A paragraph per report of another agency that came from this agency's address: what arrived,
     * whose it is, and that the agency's own template is what counts. Empty when there are none.
     */
    static String sentForOthers(Collector.AgencyStatus a) {
        StringBuilder b = new StringBuilder();
        for (Collector.Submission s : a.sentForOthers()) {
            String other = s.agency().name();
            String whose = s.matchedBy() == MatchedBy.CODE ? "报表中的统一社会信用代码是" + other + "的"
                    : "报表中填写的单位是“" + s.report().read().filing().agency() + "”";
            b.append("我们收到了从贵单位邮箱（").append(s.item().sender()).append("）发来的文件“").append(s.item().name())
                    .append("”，但其中的报表是").append(other).append("的（").append(whose).append("），不能算作贵单位的报送。")
                    .append("如果是误用了").append(other).append("的模板，请用附件中贵单位自己的模板重新填写；如果是代")
                    .append(other).append("转发，也请报送贵单位自己的报表。\n\n");
        }
        return b.toString();
    }

    /** What else came from the agency that is no report: each message without attachments and each file, and why. */
    static String skipped(Collector.AgencyStatus a) {
        StringBuilder b = new StringBuilder();
        for (Collector.Submission s : a.skipped()) {
            Inbox.Item it = s.item();
            if (it.reason().startsWith(Inbox.NO_ATTACHMENT)) {
                b.append("我们收到了贵单位的邮件（").append(it.subject().isBlank() ? "没有主题" : "主题：" + it.subject())
                        .append("），其中没有附件。\n\n");
            } else {
                b.append("我们收到了贵单位发来的文件“").append(it.name()).append("”：").append(it.reason()).append("。\n\n");
            }
        }
        return b.toString();
    }

    /** The body of a 退回 draft: the file as the agency named it (never a local path), the date to send it back by, the problems. */
    /** The kinds of draft: to correct errors, to send again (what came did not count), to send at all. */
    public static final String RETURN = "退回";
    public static final String RESUBMIT = "重新报送";
    public static final String REMIND = "催报";

    /** Which draft an agency gets, or null when it gets none. */
    static String kind(Collector.AgencyStatus a) {
        return switch (a.status()) {
            case ERRORS -> RETURN;
            // Something came from the agency that does not count as its filing: say what and why, never "nothing arrived".
            case UNREADABLE -> RESUBMIT;
            case MISSING -> !a.sentForOthers().isEmpty()
                    || a.skipped().stream().anyMatch(s -> !s.item().reason().startsWith(Inbox.NO_ATTACHMENT)) ? RESUBMIT : REMIND;
            default -> null;
        };
    }

    private static Path draftPath(Path dir, Collector.AgencyStatus a, int year) {
        return dir.resolve(FileNames.agency(a.agency().name()) + "-" + year + "-" + kind(a) + ".eml");
    }

    /**
     * Every file {@link #write} would write into {@code dir} for {@code round}, without writing: the
     * drafts, and the fresh templates that 重新报送 and 催报 carry. A caller checks them first.
     */
    public static List<Path> drafts(Path dir, Collector.Round round) {
        return round.agencies().stream().filter(a -> kind(a) != null).map(a -> draftPath(dir, a, round.year())).toList();
    }

    /** The fresh templates {@link #write} would put into {@code dir} (for 重新报送 and 催报). */
    public static List<Path> templates(Path dir, Collector.Round round, Issuer issuer) {
        return round.agencies().stream().filter(a -> RESUBMIT.equals(kind(a)) || REMIND.equals(kind(a)))
                .map(a -> issuer.templatePath(a.agency(), dir)).toList();
    }

    static String errorsBody(Collector.AgencyStatus a, int year, String by) {
        List<Finding> list = new ArrayList<>(a.current().report().findings().stream()
                .filter(f -> f.open() && !f.code().supervisorOnly()).toList()); // not what was explained or let stand
        list.sort(java.util.Comparator.comparing((Finding f) -> f.severity() != Severity.ERROR).thenComparing(FindingOrder.ORDER));
        StringBuilder b = new StringBuilder(a.agency().name()).append("：\n\n")
                .append("贵单位报送的").append(year).append("年政府信息公开工作年度报告统计表（")
                .append("“").append(a.current().item().name()).append("”）有以下问题，请改正后于").append(by)
                .append("前直接回复本邮件，把改好的文件作为附件发回。附件是贵单位报送的文件，问题单元格已标红并加了批注，")
                .append("第一个工作表“问题清单”列出全部问题；可以直接在附件中改正后发回。\n\n")
                .append(sentForOthers(a));
        int n = 0;
        for (Finding f : list) {
            if (++n > LISTED) {
                b.append("……另有").append(list.size() - LISTED).append("条，见附件“问题清单”工作表。\n");
                break;
            }
            b.append(n).append(". [").append(f.severity().chinese()).append(" ").append(f.ruleId()).append("] ");
            if (f.table() != null) {
                b.append("表").append(f.table()).append(" ");
            }
            if (f.row() != null) {
                b.append(f.row());
                b.append(f.column() == null ? "" : " / " + f.column());
                b.append(f.cell() == null ? "" : "（" + f.sheet() + "!" + f.cell() + "）");
                b.append("：");
            }
            b.append(f.message()).append("\n");
        }
        return b.append("\n谢谢！\n").toString();
    }
}
