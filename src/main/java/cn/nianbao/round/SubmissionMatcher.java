package cn.nianbao.round;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ItemState;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.reconcile.AgencyIndex;
import cn.nianbao.report.FileReport;
import cn.nianbao.round.Collector.Submission;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.FormatSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose an inbox item is: the roster agency found by the 统一社会信用代码 its report carries, then
 * its agency name or an alias, then the sender's address, then the file's name ({@link AgencyIndex}).
 * What is doubtful about it is said as a finding on the item: U1 when the report's code is not the
 * roster's, when another roster agency's address sent it, or when it was known by its sender or file
 * name only; Y1 when it is not of the round's year or format. Each item starts as 当前报送, 无法读取,
 * 无法识别 or 跳过; which of an agency's items stays current is {@link CurrentSubmissions}'s to say.
 */
final class SubmissionMatcher {
    private final AgencyIndex<Agency> roster;
    private final int year;
    private final FormatSpec spec;
    private final Instant deadlineEnd;

    SubmissionMatcher(AgencyIndex<Agency> roster, int year, FormatSpec spec, Instant deadlineEnd) {
        this.roster = roster;
        this.year = year;
        this.spec = spec;
        this.deadlineEnd = deadlineEnd;
    }

    Submission match(Inbox.Item item, FileReport report) {
        List<Finding> more = new ArrayList<>();
        for (String n : item.notes()) {
            more.add(Finding.ofFile(FindingCode.F7, report.read().file(), n));
        }
        Filing f = report.read().filing();
        String code = f == null ? "" : f.identity().code();
        AgencyIndex.Hit<Agency> hit = roster.find(code, f == null ? "" : f.agency(), item.sender(), item.name());
        Agency agency = hit == null ? null : hit.entry();
        MatchedBy by = hit == null ? null : hit.by();
        if (hit != null && (by == MatchedBy.NAME || by == MatchedBy.ALIAS) && hit.codeDisagrees()) {
            more.add(Finding.ofFile(FindingCode.U1, f.file(), "报表中的统一社会信用代码为" + code + "，名册中"
                    + agency.name() + "的代码为" + agency.code() + "；按单位名称认定。请核对哪一个是对的"));
        }
        Agency sentBy = agency != null && f != null ? otherSender(item, agency) : null;
        if (sentBy != null) {
            more.add(Finding.ofFile(FindingCode.U1, f.file(), "发件人 " + item.sender() + " 是名册中" + sentBy.name()
                    + "的邮箱，报表却是" + agency.name() + "的；按报表认定为" + agency.name() + "的报送。若是"
                    + sentBy.name() + "误用了别的单位的模板，请让它用自己的模板重新填报"));
        }
        if (agency != null && f != null && (by == MatchedBy.SENDER || by == MatchedBy.FILE_NAME)) {
            more.add(Finding.ofFile(FindingCode.U1, f.file(), "报表中的单位为“" + f.agency() + "”"
                    + (code.isEmpty() ? "" : "（代码" + code + "）")
                    + "，名册中没有这个单位；按" + by.chinese() + "认定为" + agency.name() + "的报送。可能用了别的单位的模板，请核对"));
        }
        if (f != null && agency != null) {
            more.addAll(wrongYearOrFormat(f));
        }
        FileReport r = more.isEmpty() ? report : report.with(more);
        boolean late = item.time() != null && !item.time().isBefore(deadlineEnd);
        ItemState state = item.kind() == Inbox.Kind.SKIPPED || r.skipped() ? ItemState.SKIPPED
                : !r.read().readable() ? ItemState.UNREADABLE : agency == null ? ItemState.UNMATCHED : ItemState.CURRENT;
        String note = state == ItemState.UNMATCHED ? "名册中找不到报表中的单位“" + f.agency() + "”"
                + (code.isEmpty() ? "" : "（代码" + code + "）")
                + (item.sender().isEmpty() ? "" : "，发件人 " + item.sender() + " 也不在名册中")
                + "：请在名册中补上这个单位、它的别名或邮箱"
                : sentBy != null ? "从名册中" + sentBy.name() + "的邮箱 " + item.sender() + " 发来" : "";
        return new Submission(item, r, agency, by, late, state, note, sentBy);
    }

    /** The one roster agency whose address sent a report that is {@code agency}'s; null when it is its own or the address tells no one. */
    private Agency otherSender(Inbox.Item item, Agency agency) {
        List<Agency> senders = roster.withSender(item.sender());
        return senders.size() == 1 && senders.get(0) != agency ? senders.get(0) : null;
    }

    /** Y1: a report of another year, or of this year on another format's template. */
    private List<Finding> wrongYearOrFormat(Filing f) {
        if (f.year() != year) {
            return List.of(Finding.ofFile(FindingCode.Y1, f.file(), "报表年度为" + f.year() + "年，本轮收集的是" + year
                    + "年：可能发错了文件或用了别的年度的模板"));
        }
        if (!f.spec().id().equals(spec.id())) {
            return List.of(Finding.ofFile(FindingCode.Y1, f.file(), "报表使用" + f.spec().title() + "，" + year + "年应使用"
                    + spec.title() + "：请用本轮发出的模板重新填报"));
        }
        return List.of();
    }
}
