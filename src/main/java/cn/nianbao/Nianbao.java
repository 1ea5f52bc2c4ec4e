package cn.nianbao;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.model.RoundResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.round.Collector;
import cn.nianbao.round.Inbox;
import cn.nianbao.round.Issuer;
import cn.nianbao.round.Roster;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.CarryOver;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import cn.nianbao.util.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * nianbao as a library: the few entry points another Java system calls. Load the national formats
 * once ({@link #withBuiltInFormats()}, or {@link #with(Formats)} for a family with formats of one's
 * own), then write templates, read filled workbooks, check them, reconcile years, run a collection
 * round. Everything the
 * entry points take and give is a value of {@code cn.nianbao.model} or {@code cn.nianbao.spec};
 * the other packages are internal. Thread-safe: one instance may serve many threads.
 *
 * <pre>{@code
 * Nianbao nb = Nianbao.withBuiltInFormats();
 * nb.writeTemplate(nb.formats().forYear(2024), 2024, "衢州市应急管理局", "11330800002618736G", null, null,
 *         Path.of("衢州市应急管理局-2024.xlsx"));
 * ReadResult r = nb.read(Path.of("已填报.xlsx"));     // never throws for a bad file: r.reason() says why
 * if (r.readable()) {
 *     List<Finding> all = nb.check(r.filing());     // what reading found, then V7 and R1–R4
 * }
 * }</pre>
 */
public final class Nianbao {
    private final Formats formats;
    private final WorkbookReader reader;

    private Nianbao(Formats formats) {
        this.formats = Objects.requireNonNull(formats, "formats");
        this.reader = new WorkbookReader(formats);
    }

    /** nianbao with the national formats it carries (2019 and 2021), loaded and validated. */
    public static Nianbao withBuiltInFormats() {
        return new Nianbao(Formats.builtIn());
    }

    /** nianbao with a family of formats of one's own ({@link Formats#builtInAnd}, {@link Formats#of}). */
    public static Nianbao with(Formats formats) {
        return new Nianbao(formats);
    }

    /** The formats every entry point works with. */
    public Formats formats() {
        return formats;
    }

    /**
     * Writes the locked template one agency fills for one year, whole or not at all.
     *
     * @param format   the national format ({@code formats().forYear(year)} is the usual one)
     * @param code     统一社会信用代码, or null/empty
     * @param previous last year's filing of the agency: its 四、结转下年度继续办理 is pre-filled and
     *                 locked as this year's 二、上年结转 (null: none)
     * @param password the sheets' protection password (null: protected without one)
     * @return the Chinese warnings about what could not be carried over (a blank column last year)
     */
    public List<String> writeTemplate(FormatSpec format, int year, String agency, String code, Filing previous,
                                      String password, Path out) throws IOException {
        TemplateRequest req = TemplateRequest.of(format, year, agency, code);
        List<String> warnings = new ArrayList<>();
        if (previous != null) {
            CarryOver.Result carry = CarryOver.from(previous, format, year);
            warnings.addAll(carry.warnings());
            req = req.withCarriedOver(carry.values(), carry.source());
        }
        new TemplateWriter(Protection.withPassword(password)).write(req, out);
        return List.copyOf(warnings);
    }

    /**
     * Reads one workbook: our template exactly, any other workbook by the national tables' labels.
     * Never throws for a bad file; {@link ReadResult#reason()} says in Chinese why it could not be read.
     */
    public ReadResult read(Path file) {
        return reader.read(file);
    }

    /**
     * Reads every workbook among {@code paths} (files, and folders searched recursively) on all
     * processors, in a stable order; every other file found is in the result as skipped, with why.
     */
    public List<ReadResult> readAll(Collection<Path> paths) throws IOException {
        InputFiles.Expanded files = InputFiles.expand(List.copyOf(paths));
        List<ReadResult> out = new ArrayList<>(Parallel.map(files.inputs(), Parallel.defaultThreads(), reader::read, n -> { }));
        files.skipped().forEach(s -> out.add(ReadResult.skip(s.file().toString(), s.reason())));
        return out;
    }

    /**
     * Everything known about one filing: what reading found, then blank inputs (V7) and the rules
     * within the filing (R1–R4). 应为/实为 of each finding: {@link Finding#required()}, {@link Finding#held()}.
     */
    public List<Finding> check(Filing filing) {
        List<Finding> all = new ArrayList<>(filing.findings());
        all.addAll(Checker.check(filing));
        return all;
    }

    /** This year's filing against last year's: C1 (二 = last year's 四, an error) and C2 (a warning). */
    public List<Finding> checkAcrossYears(Filing current, Filing previous) {
        return Checker.acrossYears(current, previous);
    }

    /**
     * This year's filings against last year's: each agency's two filings paired (by 统一社会信用代码,
     * else name, else a name in {@code aliases}), C1 and C2 on every pair, M1/M2 for agencies of one
     * year only, D1 for two filings of one agency and year, Y1 for a filing of another year.
     *
     * @param aliases an agency's current name to the names it had before (may be empty)
     * @param year    this year, or null for the most common year among {@code current}
     */
    public Reconciliation reconcile(List<Filing> current, List<Filing> previous, Map<String, List<String>> aliases,
                                    Integer year) {
        return Reconciler.reconcile(current, previous, Aliases.of(aliases), year);
    }

    /**
     * Runs a collection round: every file, .zip, .eml and .mbox of {@code inbox} opened (what they hold
     * copied into {@code extractTo}, the inbox only read), each item read and checked, matched to an
     * agency of the roster, the latest readable one of each agency current, lateness by the first
     * filing, and this year's filings reconciled with {@code previous} (null: not reconciled).
     *
     * @param roster   a CSV (UTF-8 or GBK) or .xlsx with 单位名称, 统一社会信用代码, 联系邮箱 [, 上级单位, 别名]
     * @param deadline the day filings are due (null: 31 January of the next year), Beijing time
     */
    public RoundResult collect(Path roster, int year, LocalDate deadline, Path inbox, Path extractTo, List<Filing> previous)
            throws IOException {
        Roster r = Roster.load(roster);
        LocalDate due = deadline != null ? deadline : Issuer.defaultDeadline(year);
        Collector.Round round = new Collector(formats, r, year, formats.forYear(year), due)
                .collect(Inbox.open(inbox, extractTo), previous, Parallel.defaultThreads(), n -> { });
        List<RoundResult.Agency> agencies = new ArrayList<>();
        for (Collector.AgencyStatus a : round.agencies()) {
            Collector.Submission cur = a.current();
            agencies.add(new RoundResult.Agency(a.agency().name(), a.agency().code(), a.status(), a.late(),
                    cur == null ? null : cur.report().read().filing(), cur == null ? "" : cur.item().origin(),
                    cur == null ? List.of() : cur.report().forAgency().findings(), a.notes()));
        }
        List<RoundResult.Item> items = new ArrayList<>();
        for (Collector.Submission s : round.submissions()) {
            Inbox.Item i = s.item();
            items.add(new RoundResult.Item(i.origin(), i.name(), s.state(), s.agency() == null ? null : s.agency().name(),
                    s.matchedBy(), i.time(), i.timeSource() == null ? "" : i.timeSource().chinese(),
                    s.readable() ? s.note() : String.join("；", java.util.stream.Stream.of(s.report().read().reason(), s.note())
                            .filter(x -> x != null && !x.isEmpty()).toList())));
        }
        return new RoundResult(year, round.spec().id(), due, agencies, items, round.reconciled());
    }
}
