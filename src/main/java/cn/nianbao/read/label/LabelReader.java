package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.model.CellLocation;
import cn.nianbao.read.source.Documents;
import cn.nianbao.read.source.UnreadableDocument;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Identity;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TableDef;
import cn.nianbao.util.ChineseText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the national tables from anything that carries them by their labels rather than by fixed
 * cells: a workbook that is not our template (tables anywhere, in any order, merged cells, text
 * numbers), or a published report as text or HTML. The format version is told by the labels
 * (2019 and 2021 differ in table 二 and in 三（六）); agency and year come from the caller, else
 * from the report's own words, else from the file name — and a finding says which.
 */
public final class LabelReader {
    private final Formats formats;

    /** A label reader for the tables of {@code formats}: the format of a table is told by its labels. */
    public LabelReader(Formats formats) {
        this.formats = formats;
    }

    /**
     * What the caller knows about the report; null fields are taken from the report itself.
     * {@code knownAgencies} are the names a roster knows (names and aliases): when the agency can
     * only be taken from the file name, the longest of them inside it is the agency.
     */
    public record Hints(String agency, Integer year, String code, List<String> knownAgencies) {
        public static final Hints NONE = new Hints(null, null, null);

        public Hints {
            knownAgencies = knownAgencies == null ? List.of() : List.copyOf(knownAgencies);
        }

        public Hints(String agency, Integer year, String code) {
            this(agency, year, code, List.of());
        }
    }

    /**
     * A published report in any form its content says — text, a web page (.html, .htm, .mhtml), a
     * PDF, a Word document (.docx, .doc) — read by its labels; never throws for a bad file.
     */
    public ReadResult readText(Path file, Hints hints) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return ReadResult.unreadable(name, "文件不存在或不是普通文件");
        }
        Source src;
        try {
            src = Documents.read(file);
        } catch (UnreadableDocument e) {
            return ReadResult.unreadable(name, e.reason());
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String why = e instanceof IOException io ? cn.nianbao.util.IoErrors.reason(io) : cn.nianbao.util.IoErrors.detail(e);
            return ReadResult.unreadable(name, "无法读取：" + (why.isEmpty() ? "没有更多信息" : why));
        }
        try {
            return read(src, hints, name);
        } catch (RuntimeException | StackOverflowError e) {
            String why = cn.nianbao.util.IoErrors.detail(e);
            return ReadResult.unreadable(name, "按标签读取时出错：" + (why.isEmpty() ? "没有更多信息" : why));
        }
    }

    /** A workbook already open that is not our template. */
    public ReadResult readWorkbook(String file, Workbook wb, Hints hints) {
        return read(WorkbookSource.of(file, wb), hints, file);
    }

    /** One table read from one sheet: values by cell key, totals as the sheet stores them, where each was found, findings. */
    public record SheetRead(Map<String, CellValue> inputs, Map<String, CellValue> stored,
                            Map<String, CellLocation> locations, List<Finding> findings) {
    }

    /**
     * One table of our template read by its labels from its own sheet: for a sheet whose rows or
     * columns a clerk inserted or deleted, so that the template's positions no longer hold its numbers.
     */
    public SheetRead readSheet(String file, Sheet sheet, FormatSpec spec, TableDef table) {
        Source src = WorkbookSource.of(file, sheet);
        TableParser.Result r = TableParser.parse(spec.labelTargets(table), src, Segments.of(src));
        return new SheetRead(r.inputs(), r.stored(), r.locations(), r.findings());
    }

    /** Where a report's body named its agency: a roster name in the file name is trusted before these. */
    private static final java.util.Set<String> BODY_SOURCES = java.util.Set.of("正文第一句", "发布机构", "落款");

    ReadResult read(Source src, Hints hints, String file) {
        List<Finding> findings = new ArrayList<>();
        String baseName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        ReportIdentity found = ReportIdentity.of(src.text(), baseName);
        Integer year = hints.year() != null ? hints.year() : found.year();
        // Each format's reading of the tables, made once: the tokens of the text are cut once for all formats.
        Map<FormatSpec, TableParser.Result> byFormat = new LinkedHashMap<>();
        Tokens.Cache cut = new Tokens.Cache();
        java.util.function.Function<FormatSpec, TableParser.Result> tablesOf = f -> byFormat.computeIfAbsent(f, k -> tables(k, src, cut));
        if ((year == null || hints.agency() == null && found.agency() == null && hints.knownAgencies().isEmpty()) && noTables(tablesOf)) {
            return ReadResult.unreadable(file, NO_TABLES);
        }
        if (year == null) {
            return ReadResult.unreadable(file, "按标签读取时无法确定报告年度（标题、统计期限、正文和文件名中都没有）：请在文件名中写明年度，或用 import --year 指定");
        }
        if (hints.year() == null) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "报告年度 " + year + " 取自" + found.yearSource()));
        } else if (found.year() != null && !found.year().equals(hints.year())) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "指定的年度 " + hints.year() + " 与报告中的年度 "
                    + found.year() + "（取自" + found.yearSource() + "）不同，按指定的年度读取").withSeverity(Severity.WARNING));
        }
        String agency = hints.agency() != null ? hints.agency() : found.agency();
        String agencySource = found.agencySource();
        if (hints.agency() == null && (agency == null || "文件名".equals(agencySource) || BODY_SOURCES.contains(agencySource))) {
            String known = longestKnownIn(baseName, hints.knownAgencies());
            if (known != null) {
                agency = known;
                agencySource = "文件名（名册中的名称）";
            }
        }
        if (agency == null) {
            return ReadResult.unreadable(file, "按标签读取时无法确定报告单位（标题、正文第一句、发布机构、落款和文件名中都没有完整的单位名称，如只写了“市应急管理局”“我局”）：请把单位名称写进文件名，或用 import --agency 指定");
        }
        if (hints.agency() == null) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "报告单位“" + agency + "”取自" + agencySource));
        } else if (found.agency() != null && !ChineseText.name(found.agency()).equals(ChineseText.name(hints.agency()))
                && !"文件名".equals(found.agencySource())) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "指定的单位“" + hints.agency() + "”与报告中的单位“" + found.agency()
                    + "”（取自" + found.agencySource() + "）不同，按指定的单位读取").withSeverity(Severity.WARNING));
        }
        String code = hints.code() != null ? hints.code() : found.code();

        for (FormatSpec f : formats.all()) {
            tablesOf.apply(f); // in the order of the formats, as chooseFormat reads them
        }
        FormatSpec spec = chooseFormat(byFormat, year, file, findings);
        TableParser.Result r = byFormat.get(spec);
        findings.addAll(r.findings());
        Identity identity = new Identity(spec.id(), year, agency, code, "", "", "", "", Map.of());
        Filing draft = Filing.of(file, identity, spec, r.inputs(), r.stored(), r.locations(), List.of());
        findings.addAll(Narrative.check(draft, src.text(), r.tablesFound()));
        return new ReadResult(file, draft.withFindings(findings), null);
    }

    /**
     * The tables of {@code spec} in {@code src}: a grid's cells by their header positions
     * ({@link TableParser}); text, a PDF's lines, and the tables a grid source holds only as text
     * (a Word document or web page whose table 二 is typed as lines) as a stream of tokens
     * ({@link StreamParser}).
     */
    static TableParser.Result tables(FormatSpec spec, Source src, Tokens.Cache cut) {
        if (!src.grid()) {
            return StreamParser.parse(spec.labelTargets(), src, null, cut);
        }
        TableParser.Result grid = TableParser.parse(spec.labelTargets(), src, Segments.of(src));
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        spec.tables().forEach(t -> missing.add(t.key()));
        missing.removeAll(grid.tablesFound());
        if (missing.isEmpty() || src.text().isBlank()) {
            return grid;
        }
        Source lines = cut.text(src);
        TableParser.Result text = StreamParser.parse(spec.labelTargets(), lines, missing, cut);
        if (text.tablesFound().isEmpty()) {
            return grid;
        }
        // The grid's L1 for each table the text holds gives way to what the text says.
        List<Finding> findings = new ArrayList<>();
        for (Finding f : grid.findings()) {
            boolean foundInText = f.code() == FindingCode.L1 && text.tablesFound().stream()
                    .anyMatch(k -> spec.table(k).number().equals(f.table()));
            if (!foundInText) {
                findings.add(f);
            }
        }
        findings.addAll(text.findings());
        Map<String, cn.nianbao.model.CellValue> inputs = new LinkedHashMap<>(grid.inputs());
        inputs.putAll(text.inputs());
        Map<String, cn.nianbao.model.CellValue> stored = new LinkedHashMap<>(grid.stored());
        stored.putAll(text.stored());
        Map<String, cn.nianbao.model.CellLocation> locations = new LinkedHashMap<>(grid.locations());
        locations.putAll(text.locations());
        java.util.Set<String> tables = new java.util.LinkedHashSet<>(grid.tablesFound());
        tables.addAll(text.tablesFound());
        return new TableParser.Result(inputs, stored, locations, findings, tables);
    }

    /** Why a source without any of the national tables (and without what would name it) is not read. */
    public static final String NO_TABLES = "没有找到国家格式的表二、三、四";

    private boolean noTables(java.util.function.Function<FormatSpec, TableParser.Result> tablesOf) {
        for (FormatSpec f : formats.all()) {
            if (!tablesOf.apply(f).tablesFound().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The longest of {@code names} found inside the file name {@code baseName} (at least 4 characters), or null. */
    static String longestKnownIn(String baseName, List<String> names) {
        String n = ChineseText.label(baseName);
        String best = null;
        for (String name : names) {
            String k = ChineseText.label(name);
            if (k.length() >= 4 && n.contains(k) && (best == null || k.length() > ChineseText.label(best).length())) {
                best = name;
            }
        }
        return best;
    }

    /**
     * The format whose tables the source holds: the one whose reading places the most numbers and
     * loses the fewest rows (2019 and 2021 differ in table 二 and in 三（六）: read by the other's
     * rows, those numbers do not fit); the family's format for the year ({@link Formats#forYear}) when
     * they score the same, the newest when none covers the year.
     */
    private FormatSpec chooseFormat(Map<FormatSpec, TableParser.Result> byFormat, int year, String file, List<Finding> findings) {
        List<FormatSpec> all = formats.all();
        FormatSpec byYear = all.stream().anyMatch(f -> f.coversYear(year)) ? formats.forYear(year)
                : formats.byFirstYear().get(all.size() - 1);
        Map<FormatSpec, Integer> scores = new LinkedHashMap<>();
        byFormat.forEach((f, r) -> scores.put(f, placed(r)));
        int best = scores.values().stream().max(Integer::compare).orElse(0);
        FormatSpec chosen = best == 0 || scores.get(byYear) == best ? byYear
                : all.stream().filter(f -> scores.get(f) == best).findFirst().orElse(byYear);
        if (chosen != byYear) {
            findings.add(Finding.ofFile(FindingCode.L4, file, "表格的标签是" + chosen.id() + "年版格式（" + year + "年度通常用"
                    + byYear.id() + "年版），按标签读取"));
        }
        return chosen;
    }

    /**
     * How many numbers a reading placed in cells (blank and invalid cells not counted), less three
     * for each row it could not place (a row missing, or its numbers not fitting its cells): read by
     * the wrong format's rows, table 二's numbers do not fit.
     */
    private static int placed(TableParser.Result r) {
        int n = 0;
        for (Finding f : r.findings()) {
            boolean lost = f.severity() != Severity.INFO && (f.code() == FindingCode.L2 || f.code() == FindingCode.L5)
                    || f.code() == FindingCode.L6 && f.severity() == Severity.ERROR;
            n -= lost ? 3 : 0;
        }
        for (cn.nianbao.model.CellValue v : r.inputs().values()) {
            n += v instanceof cn.nianbao.model.CellValue.Num ? 1 : 0;
        }
        for (cn.nianbao.model.CellValue v : r.stored().values()) {
            n += v instanceof cn.nianbao.model.CellValue.Num ? 1 : 0;
        }
        return n;
    }
}
