package cn.nianbao.round;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Severity;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.util.ChineseText;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.FilingIndex;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.report.FileReport;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.Parallel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One collection round: every inbox item read and checked, matched to a roster agency (by the
 * 统一社会信用代码 its template carries, then its agency name or an alias, then the sender's
 * address, then the file's name), the latest readable submission of each agency taken as its
 * current one (earlier ones superseded, never dropped), late submissions marked, and the current
 * filings reconciled with last year's. Every item ends in exactly one {@link State}.
 */
public final class Collector {
    /** Times are compared in China Standard Time: a deadline day ends at 24:00 in Beijing. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What became of one inbox item. */
    public enum State {
        CURRENT("当前报送"),
        SUPERSEDED("被替代"),
        UNREADABLE("无法读取"),
        UNMATCHED("无法识别"),
        SKIPPED("跳过");

        private final String chinese;

        State(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * One inbox item with its reading, the agency it was matched to (or null), how, and its fate.
     * {@code sentBy} is the roster agency whose address sent a report that is another agency's
     * (matched by the report's code or name to {@code agency}); null otherwise.
     */
    public record Submission(Inbox.Item item, FileReport report, Agency agency, String matchedBy, boolean late,
                             State state, String note, Agency sentBy) {
        Submission with(State s, String n) {
            return new Submission(item, report, agency, matchedBy, late, s, n, sentBy);
        }

        Submission with(FileReport r) {
            return new Submission(item, r, agency, matchedBy, late, state, note, sentBy);
        }

        public boolean readable() {
            return report != null && report.read().readable();
        }
    }

    /** 未提交 / 已提交-通过 / 已提交-有警告 / 已提交-有错误 / 无法读取. */
    public enum Status {
        PASSED("已提交-通过"),
        WARNINGS("已提交-有警告"),
        ERRORS("已提交-有错误"),
        UNREADABLE("无法读取"),
        MISSING("未提交");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        public boolean submitted() {
            return this != MISSING;
        }
    }

    /**
     * Where one roster agency stands: its current submission (null when none), whether it filed
     * late (its first filing came after the deadline: a later correction does not make it late),
     * earlier submissions, reports of other agencies that came from its address
     * ({@code sentForOthers}, each a U1 warning on this agency too), what else came from it that
     * is no report ({@code skipped}: a message without attachments, a Word file), and notes.
     */
    public record AgencyStatus(Agency agency, Status status, Submission current, boolean late, List<Submission> superseded,
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
    }

    public record Round(int year, FormatSpec spec, LocalDate deadline, List<AgencyStatus> agencies,
                        List<Submission> submissions, Reconciler.Result reconciled) {
        /** The reports of the current submissions (readable or not), in roster order. */
        public List<FileReport> currentReports() {
            return agencies.stream().filter(a -> a.current() != null).map(a -> a.current().report()).toList();
        }

        public long count(State s) {
            return submissions.stream().filter(x -> x.state() == s).count();
        }

        public long count(Status s) {
            return agencies.stream().filter(a -> a.status() == s).count();
        }
    }



    private final Formats formats;
    private final Roster roster;
    private final Aliases aliases;
    private final int year;
    private final FormatSpec spec;
    private final LocalDate deadline;
    private final Map<String, Agency> byCode = new HashMap<>();
    private final Map<String, Agency> byName = new HashMap<>();
    private final Map<String, List<Agency>> byEmail = new HashMap<>();

    /** A round of {@code roster} for {@code year} in format {@code spec}, reading returns of any of {@code formats}. */
    public Collector(Formats formats, Roster roster, int year, FormatSpec spec, LocalDate deadline) {
        this.formats = formats;
        this.roster = roster;
        this.aliases = roster.aliases();
        this.year = year;
        this.spec = spec;
        this.deadline = deadline;
        for (Agency a : roster.agencies()) {
            if (!a.code().isEmpty()) {
                byCode.put(a.code(), a);
            }
            byName.put(aliases.key(a.name()), a);
            for (String e : emails(a.email())) {
                byEmail.computeIfAbsent(e, k -> new ArrayList<>()).add(a);
            }
        }
    }

    static List<String> emails(String field) {
        List<String> out = new ArrayList<>();
        for (String e : field.split("[,;，；\\s]+")) {
            if (e.contains("@")) {
                out.add(e.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
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
        WorkbookReader reader = new WorkbookReader(formats);
        // A workbook that is not our template and names no agency of its own: the roster's name in its file name.
        List<String> known = new ArrayList<>();
        roster.agencies().forEach(a -> {
            known.add(a.name());
            known.addAll(a.aliases());
        });
        cn.nianbao.read.label.LabelReader.Hints names = new cn.nianbao.read.label.LabelReader.Hints(null, null, null, known);
        List<FileReport> reports = Parallel.map(items, threads, it -> switch (it.kind()) {
            case WORKBOOK -> {
                ReadResult r = reader.read(it.file(), names);
                yield new FileReport(r, Checker.all(r));
            }
            case PROBLEM -> {
                ReadResult r = ReadResult.unreadable(it.origin(), it.reason());
                yield new FileReport(r, r.findings()); // its F1 finding
            }
            case SKIPPED -> FileReport.skipped(it.origin(), it.reason());
        }, done);
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            subs.add(match(items.get(i), reports.get(i)));
        }
        return decide(subs, previous);
    }

    private Submission match(Inbox.Item item, FileReport report) {
        List<Finding> more = new ArrayList<>();
        for (String n : item.notes()) {
            more.add(Finding.ofFile(FindingCode.F7, report.read().file(), n));
        }
        Agency agency = null;
        String by = "";
        Filing f = report.read().filing();
        if (f != null) {
            String code = f.identity().code();
            if (!code.isEmpty() && byCode.containsKey(code)) {
                agency = byCode.get(code);
                by = "统一社会信用代码";
            } else if (byName.containsKey(aliases.key(f.agency()))) {
                agency = byName.get(aliases.key(f.agency()));
                by = ChineseText.name(f.agency()).equals(ChineseText.name(agency.name())) ? "单位名称" : "别名";
                if (!code.isEmpty() && !agency.code().isEmpty()) {
                    more.add(Finding.ofFile(FindingCode.U1, f.file(), "报表中的统一社会信用代码为" + code + "，名册中"
                            + agency.name() + "的代码为" + agency.code() + "；按单位名称认定。请核对哪一个是对的"));
                }
            }
        }
        List<Agency> senders = item.sender().isEmpty() ? List.of() : byEmail.getOrDefault(item.sender(), List.of());
        Agency sentBy = null;
        if (agency != null && f != null && senders.size() == 1 && senders.get(0) != agency) {
            sentBy = senders.get(0);
            more.add(Finding.ofFile(FindingCode.U1, f.file(), "发件人 " + item.sender() + " 是名册中" + senders.get(0).name()
                    + "的邮箱，报表却是" + agency.name() + "的；按报表认定为" + agency.name() + "的报送。若是"
                    + senders.get(0).name() + "误用了别的单位的模板，请让它用自己的模板重新填报"));
        }
        if (agency == null) {
            if (senders.size() == 1) {
                agency = senders.get(0);
                by = "发件人邮箱";
            } else {
                Agency named = byFileName(item.name());
                if (named != null) {
                    agency = named;
                    by = "文件名";
                }
            }
            if (agency != null && f != null) {
                more.add(Finding.ofFile(FindingCode.U1, f.file(), "报表中的单位为“" + f.agency() + "”"
                        + (f.identity().code().isEmpty() ? "" : "（代码" + f.identity().code() + "）")
                        + "，名册中没有这个单位；按" + by + "认定为" + agency.name() + "的报送。可能用了别的单位的模板，请核对"));
            }
        }
        if (f != null && agency != null) {
            if (f.year() != year) {
                more.add(Finding.ofFile(FindingCode.Y1, f.file(), "报表年度为" + f.year() + "年，本轮收集的是" + year
                        + "年：可能发错了文件或用了别的年度的模板"));
            } else if (!f.spec().id().equals(spec.id())) {
                more.add(Finding.ofFile(FindingCode.Y1, f.file(), "报表使用" + f.spec().title() + "，" + year + "年应使用"
                        + spec.title() + "：请用本轮发出的模板重新填报"));
            }
        }
        FileReport r = more.isEmpty() ? report : report.with(more);
        boolean late = item.time() != null && !item.time().isBefore(deadlineEnd());
        State state = item.kind() == Inbox.Kind.SKIPPED || r.skipped() ? State.SKIPPED
                : !r.read().readable() ? State.UNREADABLE : agency == null ? State.UNMATCHED : State.CURRENT;
        String note = state == State.UNMATCHED ? "名册中找不到报表中的单位“" + f.agency() + "”"
                + (f.identity().code().isEmpty() ? "" : "（代码" + f.identity().code() + "）")
                + (item.sender().isEmpty() ? "" : "，发件人 " + item.sender() + " 也不在名册中")
                + "：请在名册中补上这个单位、它的别名或邮箱"
                : sentBy != null ? "从名册中" + sentBy.name() + "的邮箱 " + item.sender() + " 发来" : "";
        return new Submission(item, r, agency, by, late, state, note, sentBy);
    }

    /** The roster agency whose name (or an alias) the file name contains; the longest such name wins. */
    private Agency byFileName(String fileName) {
        String n = ChineseText.name(fileName);
        Agency best = null;
        int bestLength = 0;
        for (Agency a : roster.agencies()) {
            List<String> names = new ArrayList<>(a.aliases());
            names.add(a.name());
            for (String name : names) {
                String k = ChineseText.name(name);
                if (k.length() >= 4 && n.contains(k) && k.length() > bestLength) {
                    best = a;
                    bestLength = k.length();
                }
            }
        }
        return best;
    }

    private static final Comparator<Submission> BY_TIME = Comparator
            .comparing((Submission s) -> s.item().time(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.item().origin());

    private Round decide(List<Submission> subs, List<Filing> previous) {
        Map<Agency, List<Integer>> byAgency = new IdentityHashMap<>();
        for (int i = 0; i < subs.size(); i++) {
            Submission s = subs.get(i);
            if (s.agency() != null && s.state() != State.SKIPPED) {
                byAgency.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Submission> out = new ArrayList<>(subs);
        Map<Agency, Submission> current = new IdentityHashMap<>();
        Map<Agency, List<Submission>> superseded = new IdentityHashMap<>();
        Map<Agency, List<String>> notes = new IdentityHashMap<>();
        Map<Agency, Boolean> late = new IdentityHashMap<>();
        for (Map.Entry<Agency, List<Integer>> e : byAgency.entrySet()) {
            List<Integer> idx = new ArrayList<>(e.getValue());
            idx.sort(Comparator.comparing(subs::get, BY_TIME));
            // The latest readable one; one the agency sent itself wins over any, even a later one,
            // that came from another roster agency's address (which may hold that agency's figures).
            Integer chosen = null;
            Integer own = null;
            for (Integer i : idx) {
                if (subs.get(i).readable()) {
                    chosen = i;
                    if (subs.get(i).sentBy() == null) {
                        own = i;
                    }
                }
            }
            if (own != null) {
                chosen = own;
            }
            if (chosen == null) {
                chosen = idx.get(idx.size() - 1);
            }
            Submission cur = subs.get(chosen);
            List<Submission> earlier = new ArrayList<>();
            List<String> n = new ArrayList<>();
            // Late or not is decided by the first readable filing of those that could be current.
            Submission first = null;
            for (Integer i : idx) {
                Submission s = subs.get(i);
                if (first == null && s.readable() && (own == null || s.sentBy() == null)) {
                    first = s;
                }
            }
            boolean isLate = first != null ? first.late() : cur.late();
            late.put(e.getKey(), isLate);
            if (!isLate && cur.late()) {
                n.add("当前报送是截止日期之后收到的更正（" + CollectionWorkbook.time(cur.item().time(), cur.item().timeSource())
                        + "）；首次报送" + (first.item().time() == null ? "的时间不明"
                        : "按时（" + CollectionWorkbook.time(first.item().time(), first.item().timeSource()) + "）") + "，不算逾期");
            }
            for (Integer i : idx) {
                Submission s = subs.get(i);
                if (i.equals(chosen)) {
                    continue;
                }
                if (s.readable() && s.sentBy() != null && cur.sentBy() == null) {
                    String later = BY_TIME.compare(s, cur) > 0 ? "（比它晚收到）" : "";
                    Submission x = s.with(State.SUPERSEDED, s.note() + "；" + e.getKey().name() + "自己另有报送，以 "
                            + cur.item().origin() + " 为准");
                    out.set(i, x);
                    earlier.add(x);
                    n.add("另收到从" + s.sentBy().name() + "的邮箱 " + s.item().sender() + " 发来的“" + s.item().name() + "”（"
                            + s.item().origin() + "）" + later + "，报表也是本单位的；以本单位自己发来的“" + cur.item().name()
                            + "”为准，请核对");
                } else if (BY_TIME.compare(s, cur) < 0 || s.readable()) {
                    // Readable ones are superseded; an earlier unreadable one stays counted as unreadable.
                    Submission x = s.with(s.readable() ? State.SUPERSEDED : State.UNREADABLE, "已被 " + cur.item().origin() + " 替代");
                    out.set(i, x);
                    earlier.add(x);
                } else {
                    out.set(i, s.with(State.UNREADABLE, "晚于当前报送收到，但无法读取；当前报送仍为 " + cur.item().origin()));
                    n.add("之后还收到无法读取的文件：" + s.item().origin() + "（" + s.report().read().reason() + "）");
                }
            }
            current.put(e.getKey(), cur.readable() ? cur : cur.with(State.UNREADABLE, cur.note()));
            out.set(chosen, current.get(e.getKey()));
            superseded.put(e.getKey(), earlier);
            notes.put(e.getKey(), n);
        }
        Map<Agency, List<Submission>> skipped = new IdentityHashMap<>();
        for (Submission s : subs) {
            if (s.state() == State.SKIPPED && s.agency() != null) {
                notes.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add("还收到 " + s.item().origin() + "：" + s.item().reason());
                skipped.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add(s);
            }
        }
        Reconciler.Result rec = previous == null ? null : reconcile(current, previous, out);
        // The agency whose address sent another agency's report hears of it too (U1 on its row).
        Map<Agency, List<Submission>> sentForOthers = new IdentityHashMap<>();
        for (Submission s : out) {
            if (s.sentBy() != null && (s.state() == State.CURRENT || s.state() == State.SUPERSEDED)) {
                sentForOthers.computeIfAbsent(s.sentBy(), k -> new ArrayList<>()).add(s);
                notes.computeIfAbsent(s.sentBy(), k -> new ArrayList<>()).add("U1：收到从本单位邮箱 " + s.item().sender()
                        + " 发来的文件“" + s.item().name() + "”（" + s.item().origin() + "），但报表是" + s.agency().name() + "的（按"
                        + s.matchedBy() + "认定），" + (s.state() == State.CURRENT ? "已计为" + s.agency().name() + "的报送"
                        : s.agency().name() + "自己另有报送，此件未采用")
                        + "。若是本单位误用了" + s.agency().name() + "的模板，请让它用自己的模板重新填报");
            }
        }
        Map<Inbox.Item, Submission> byItem = new IdentityHashMap<>();
        out.forEach(s -> byItem.put(s.item(), s));
        List<AgencyStatus> statuses = new ArrayList<>();
        for (Agency a : roster.agencies()) {
            Submission cur = current.get(a);
            if (cur != null) {
                cur = byItem.get(cur.item()); // with findings from reconciliation
            }
            List<Submission> others = sentForOthers.getOrDefault(a, List.of());
            statuses.add(new AgencyStatus(a, status(cur, others), cur, cur != null && late.getOrDefault(a, false),
                    superseded.getOrDefault(a, List.of()), others, skipped.getOrDefault(a, List.of()), notes.getOrDefault(a, List.of())));
        }
        return new Round(year, spec, deadline, statuses, out, rec);
    }

    /** What is true of the agency's own filing; another agency's report from its address is a warning about it. */
    private static Status status(Submission cur, List<Submission> sentForOthers) {
        if (cur == null) {
            return Status.MISSING;
        }
        if (!cur.readable()) {
            return Status.UNREADABLE;
        }
        FileReport own = cur.report().forAgency();
        return own.count(Severity.ERROR) > 0 ? Status.ERRORS
                : own.count(Severity.WARNING) > 0 || !sentForOthers.isEmpty() ? Status.WARNINGS : Status.PASSED;
    }

    /**
     * This year's current filings against last year's, found for each roster agency by its code,
     * name or alias: C1 and C2 on every pair, M1 (a supervisor's note) where last year's is missing.
     */
    private Reconciler.Result reconcile(Map<Agency, Submission> current, List<Filing> previous, List<Submission> out) {
        List<Filing> lastYear = previous.stream().filter(p -> p.year() == year - 1).sorted(Comparator.comparing(Filing::file)).toList();
        FilingIndex index = new FilingIndex(lastYear, aliases);
        List<Reconciler.Match> matches = new ArrayList<>();
        List<Filing> onlyCurrent = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<Filing, Boolean> used = new IdentityHashMap<>();
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Agency a : roster.agencies()) {
            Submission s = current.get(a);
            if (s == null || !s.readable()) {
                continue;
            }
            Filing c = s.report().read().filing();
            if (c.year() != year) {
                continue; // Y1 already says it
            }
            FilingIndex.Hit hit = index.find(a.code(), a.name(), p -> !used.containsKey(p));
            List<Finding> add = new ArrayList<>();
            if (hit == null) {
                onlyCurrent.add(c);
                add.add(Finding.ofFile(FindingCode.M1, c.file(), "上年（" + (year - 1) + "年）没有找到" + a.name()
                        + "的报表，无法核对上年结转"));
            } else {
                used.put(hit.filing(), true);
                matches.add(new Reconciler.Match(c, hit.filing(), hit.by()));
                add.addAll(Checker.acrossYears(c, hit.filing()));
            }
            findings.addAll(add);
            byFile.put(c.file(), add);
        }
        List<Filing> onlyPrevious = lastYear.stream().filter(p -> !used.containsKey(p)).toList();
        for (int i = 0; i < out.size(); i++) {
            Submission s = out.get(i);
            if (s.state() == State.CURRENT && s.readable()) {
                List<Finding> add = byFile.get(s.report().read().file());
                if (add != null && !add.isEmpty()) {
                    out.set(i, s.with(s.report().with(add)));
                }
            }
        }
        return new Reconciler.Result(year, matches, onlyCurrent, onlyPrevious, findings);
    }
}
