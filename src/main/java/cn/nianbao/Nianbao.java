package cn.nianbao;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.CarryOver;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import cn.nianbao.util.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * nianbao as a library: the few entry points another Java system calls. Load the national formats
 * once ({@link #withBuiltInFormats()}, or {@link #with(Formats)} for a family with formats of one's
 * own), then write templates, read filled workbooks, check them, reconcile years. Everything the
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
}
