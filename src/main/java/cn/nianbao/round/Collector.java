package cn.nianbao.round;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.model.ItemState;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.model.ReadResult;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.report.Decisions;
import cn.nianbao.report.FileReport;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.Parallel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One collection round: every inbox item read and checked, matched to a roster agency
 * ({@link SubmissionMatcher}), the current submission of each agency chosen and the rest superseded,
 * never dropped, late agencies marked ({@link CurrentSubmissions}), and the current filings
 * reconciled with last year's ({@link Reconciler#reconcileRound}); then where each roster agency
 * stands. Every item ends in exactly one {@link ItemState}.
 */
public final class Collector {
    /** Times are compared in China Standard Time: a deadline day ends at 24:00 in Beijing. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * One inbox item with its reading, the agency it was matched to (or null), how (null when unmatched), and its fate.
     * {@code sentBy} is the roster agency whose address sent a report that is another agency's
     * (matched by the report's code or name to {@code agency}); null otherwise.
     */
    public record Submission(Inbox.Item item, FileReport report, Agency agency, MatchedBy matchedBy, boolean late,
                             ItemState state, String note, Agency sentBy) {
        Submission with(ItemState s, String n) {
            return new Submission(item, report, agency, matchedBy, late, s, n, sentBy);
        }

        Submission with(FileReport r) {
            return new Submission(item, r, agency, matchedBy, late, state, note, sentBy);
        }

        public boolean readable() {
            return report != null && report.read().readable();
        }
    }

    /**
     * Where one roster agency stands: its current submission (null when none), whether it filed
     * late (its first filing came after the deadline: a later correction does not make it late),
     * earlier submissions, reports of other agencies that came from its address
     * ({@code sentForOthers}, each a U1 warning on this agency too), what else came from it that
     * is no report ({@code skipped}: a message without attachments, a Word file), and notes.
     */
    public record AgencyStatus(Agency agency, RoundStatus status, Submission current, boolean late, List<Submission> superseded,
                               List<Submission> sentForOthers, List<Submission> skipped, List<String> notes) {
        /**
         * Findings that bear on the agency (not the supervisor's own M1): its filing's, and a U1
         * warning for each report of another agency sent from its address.
         */
        public long count(Severity s) {
            long own = current == null || current.report() == null ? 0 : current.report().findings().stream()
                    .filter(f -> f.severity() == s && !f.code().supervisorOnly()).count();
            return s == Severity.WARNING ? own + sentForOthers.size() : own;
        }

        /** {@link #count}, of the findings still open (not explained by the clerk, not let stand by a supervisor). */
        public long open(Severity s) {
            long own = current == null || current.report() == null ? 0 : current.report().findings().stream()
                    .filter(f -> f.severity() == s && !f.code().supervisorOnly() && f.open()).count();
            return s == Severity.WARNING ? own + sentForOthers.size() : own;
        }

        /** Warnings the clerk explained, and errors and warnings a supervisor let stand (已确认 / 已核实). */
        public long explained() {
            return own(f -> f.severity() == Severity.WARNING && !f.open() && (f.decision() == null || !f.decision().clears()));
        }

        public long decided() {
            return own(f -> f.severity() != Severity.INFO && f.decision() != null && f.decision().clears());
        }

        private long own(java.util.function.Predicate<cn.nianbao.model.Finding> p) {
            return current == null || current.report() == null ? 0 : current.report().findings().stream()
                    .filter(f -> !f.code().supervisorOnly()).filter(p).count();
        }
    }

    public record Round(int year, FormatSpec spec, LocalDate deadline, List<AgencyStatus> agencies,
                        List<Submission> submissions, Reconciliation reconciled, Decisions.Applied decided) {
        /** The reports of the current submissions (readable or not), in roster order. */
        public List<FileReport> currentReports() {
            return agencies.stream().filter(a -> a.current() != null).map(a -> a.current().report()).toList();
        }

        public long count(ItemState s) {
            return submissions.stream().filter(x -> x.state() == s).count();
        }

        public long count(RoundStatus s) {
            return agencies.stream().filter(a -> a.status() == s).count();
        }
    }

    private final Formats formats;
    private final Roster roster;
    private final int year;
    private final FormatSpec spec;
    private final LocalDate deadline;

    /** A round of {@code roster} for {@code year} in format {@code spec}, reading returns of any of {@code formats}. */
    public Collector(Formats formats, Roster roster, int year, FormatSpec spec, LocalDate deadline) {
        this.formats = formats;
        this.roster = roster;
        this.year = year;
        this.spec = spec;
        this.deadline = deadline;
    }

    /** The instant the deadline day ends in Beijing. */
    public Instant deadlineEnd() {
        return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * Reads and checks every workbook item on {@code threads} threads ({@code done} counts them),
     * then decides the round. {@code previous} are last year's filings, null when not given (no reconciliation).
     */
    public Round collect(List<Inbox.Item> items, List<Filing> previous, int threads, IntConsumer done) {
        return collect(items, previous, threads, done, Decisions.NONE);
    }

    /** As above, with supervisors' decisions carried to the current submissions' findings ({@link Decisions}). */
    public Round collect(List<Inbox.Item> items, List<Filing> previous, int threads, IntConsumer done, Decisions decisions) {
        List<FileReport> reports = read(items, threads, done);
        SubmissionMatcher matcher = new SubmissionMatcher(roster.index(), year, spec, deadlineEnd());
        List<Submission> matched = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Inbox.Item it = items.get(i);
            if (it.kind() == Inbox.Kind.DOCUMENT && reports.get(i).read().skipped()) {
                // A document without the tables (a cover letter) is skipped, and says why wherever it is named.
                it = new Inbox.Item(it.inboxFile(), it.member(), it.name(), it.file(), Inbox.Kind.SKIPPED,
                        reports.get(i).read().reason(), it.sender(), it.time(), it.timeSource(), it.subject(), it.notes());
            }
            matched.add(matcher.match(it, reports.get(i)));
        }
        CurrentSubmissions.Result chosen = CurrentSubmissions.choose(matched);
        List<Submission> out = new ArrayList<>(chosen.submissions());
        Reconciliation rec = previous == null ? null : reconcile(chosen.choices(), previous, out);
        List<Integer> current = new ArrayList<>();
        List<FileReport> currentReports = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).state() == ItemState.CURRENT && out.get(i).report() != null) {
                current.add(i);
                currentReports.add(out.get(i).report());
            }
        }
        Decisions.Applied decided = decisions.apply(currentReports);
        for (int k = 0; k < current.size(); k++) {
            int i = current.get(k);
            out.set(i, out.get(i).with(decided.reports().get(k)));
        }
        return new Round(year, spec, deadline, statuses(chosen.choices(), out), out, rec, decided);
    }

    /** Each item's report: a workbook read and checked, an unreadable file's F1, a skipped item's reason. */
    private List<FileReport> read(List<Inbox.Item> items, int threads, IntConsumer done) {
        WorkbookReader reader = new WorkbookReader(formats);
        // A workbook that is not our template and names no agency of its own: the roster's name in its file name.
        List<String> known = new ArrayList<>();
        roster.agencies().forEach(a -> {
            known.add(a.name());
            known.addAll(a.aliases());
        });
        LabelReader.Hints names = new LabelReader.Hints(null, null, null, known);
        return Parallel.map(items, threads, it -> switch (it.kind()) {
            case WORKBOOK -> {
                ReadResult r = reader.read(it.file(), names);
                yield new FileReport(r, Checker.all(r));
            }
            case PROBLEM -> {
                ReadResult r = ReadResult.unreadable(it.origin(), it.reason());
                yield new FileReport(r, r.findings()); // its F1 finding
            }
            case DOCUMENT -> {
                // A document that gives no filing (a cover letter, a scan, a damaged file) is listed with why, not counted unreadable:
                // the workbook is what is asked for, and the agency's note and draft say what was received.
                ReadResult r = reader.read(it.file(), names);
                if (!r.readable()) {
                    String why = r.reason().substring(r.reason().indexOf('：') + 1);
                    yield FileReport.skipped(it.origin(), it.reason() + (why.startsWith(WorkbookReader.NO_TABLES)
                            ? "，其中" + WorkbookReader.NO_TABLES + "，不是报表" : "，无法按报表读取：" + why));
                }
                // In a round a template was issued: the agency is asked to use it next time (not said of published reports read elsewhere).
                List<Finding> notes = new ArrayList<>(r.filing().findings());
                notes.add(Finding.ofFile(FindingCode.L8, r.file(), "单位用报告文档代替了发出的模板回复：今后请用发出的模板报送"));
                ReadResult asked = new ReadResult(r.file(), r.filing().withFindings(notes), null);
                yield new FileReport(asked, Checker.all(asked));
            }
            case SKIPPED -> FileReport.skipped(it.origin(), it.reason());
        }, done);
    }

    /**
     * This year's current filings against last year's (the reconciler's, each roster agency found
     * by its code, name or alias), the findings of each (C1, C2, M1) added to its submission in {@code out}.
     */
    private Reconciliation reconcile(Map<Agency, CurrentSubmissions.Choice> choices, List<Filing> previous,
                                        List<Submission> out) {
        List<Reconciler.Claim> claims = new ArrayList<>();
        for (Agency a : roster.agencies()) {
            CurrentSubmissions.Choice c = choices.get(a);
            if (c != null && c.current().readable()) {
                claims.add(new Reconciler.Claim(c.current().report().read().filing(), a.code(), a.name()));
            }
        }
        Reconciliation rec = Reconciler.reconcileRound(year, claims, previous, roster.aliases());
        Map<String, List<Finding>> byFile = new HashMap<>();
        rec.findings().forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
        for (int i = 0; i < out.size(); i++) {
            Submission s = out.get(i);
            if (s.state() == ItemState.CURRENT && s.readable()) {
                List<Finding> add = byFile.get(s.report().read().file());
                if (add != null) {
                    out.set(i, s.with(s.report().with(add)));
                }
            }
        }
        return rec;
    }

    /**
     * Where each roster agency stands: its choice, what else came from it that is no report, and
     * the reports of other agencies that came from its address (it hears of them too: U1 on its row).
     */
    private List<AgencyStatus> statuses(Map<Agency, CurrentSubmissions.Choice> choices, List<Submission> out) {
        Map<Agency, List<String>> notes = new IdentityHashMap<>();
        choices.forEach((a, c) -> notes.put(a, new ArrayList<>(c.notes())));
        Map<Agency, List<Submission>> skipped = new IdentityHashMap<>();
        for (Submission s : out) {
            if (s.state() == ItemState.SKIPPED && s.agency() != null) {
                notes.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add("还收到 " + s.item().origin() + "：" + s.item().reason());
                skipped.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<Agency, List<Submission>> sentForOthers = new IdentityHashMap<>();
        for (Submission s : out) {
            if (s.sentBy() != null && (s.state() == ItemState.CURRENT || s.state() == ItemState.SUPERSEDED)) {
                sentForOthers.computeIfAbsent(s.sentBy(), k -> new ArrayList<>()).add(s);
                notes.computeIfAbsent(s.sentBy(), k -> new ArrayList<>()).add("U1：收到从本单位邮箱 " + s.item().sender()
                        + " 发来的文件“" + s.item().name() + "”（" + s.item().origin() + "），但报表是" + s.agency().name() + "的（按"
                        + s.matchedBy().chinese() + "认定），" + (s.state() == ItemState.CURRENT ? "已计为" + s.agency().name() + "的报送"
                        : s.agency().name() + "自己另有报送，此件未采用")
                        + "。若是本单位误用了" + s.agency().name() + "的模板，请让它用自己的模板重新填报");
            }
        }
        Map<Inbox.Item, Submission> byItem = new IdentityHashMap<>();
        out.forEach(s -> byItem.put(s.item(), s));
        List<AgencyStatus> statuses = new ArrayList<>();
        for (Agency a : roster.agencies()) {
            CurrentSubmissions.Choice c = choices.get(a);
            Submission cur = c == null ? null : byItem.get(c.current().item()); // with findings from reconciliation
            List<Submission> others = sentForOthers.getOrDefault(a, List.of());
            statuses.add(new AgencyStatus(a, status(cur, others), cur, c != null && c.late(),
                    c == null ? List.of() : c.superseded(), others, skipped.getOrDefault(a, List.of()), notes.getOrDefault(a, List.of())));
        }
        return statuses;
    }

    /** What is true of the agency's own filing; another agency's report from its address is a warning about it. */
    private static RoundStatus status(Submission cur, List<Submission> sentForOthers) {
        if (cur == null) {
            return RoundStatus.MISSING;
        }
        if (!cur.readable()) {
            return RoundStatus.UNREADABLE;
        }
        FileReport own = cur.report().forAgency();
        // 需退回修改 sends a filing back even for a warning; an error a supervisor let stand (已确认) stays visible as a warning would.
        boolean sentBack = own.findings().stream().anyMatch(f -> f.decision() != null
                && f.decision().choice() == cn.nianbao.model.Decision.Choice.RETURN && f.severity() != Severity.INFO);
        return own.open(Severity.ERROR) > 0 || sentBack ? RoundStatus.ERRORS
                : own.open(Severity.WARNING) > 0 || own.count(Severity.ERROR) > 0 || !sentForOthers.isEmpty()
                ? RoundStatus.WARNINGS : RoundStatus.PASSED;
    }
}
