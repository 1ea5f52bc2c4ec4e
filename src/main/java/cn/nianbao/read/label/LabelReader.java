package cn.nianbao.read.label;

import cn.nianbao.model.CellLocation;
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

    /** A published report (.txt or .html, by content); never throws for a bad file. */
    public ReadResult readText(Path file, Hints hints) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return ReadResult.unreadable(name, "文件不存在或不是普通文件");
        }
        try {
            if (Files.size(file) == 0) {
                return ReadResult.unreadable(name, "文件是空的（0字节）");
            }
            if (Files.size(file) > 20L * 1024 * 1024) {
                return ReadResult.unreadable(name, "文件超过20 MB，不像是一份年度报告的文本");
            }
            return read(TextSources.read(file), hints, name);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? cn.nianbao.util.IoErrors.reason(io) : cn.nianbao.util.IoErrors.detail(e);
            return ReadResult.unreadable(name, "无法读取文本：" + (why.isEmpty() ? "没有更多信息" : why));
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

    ReadResult read(Source src, Hints hints, String file) {
        List<Segments.Segment> segs = Segments.of(src);
        List<Finding> findings = new ArrayList<>();
        String baseName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        ReportIdentity found = ReportIdentity.of(src.text(), baseName);
        Integer year = hints.year() != null ? hints.year() : found.year();
        if (year == null) {
            return ReadResult.unreadable(file, "按标签读取时无法确定报告年度（标题、统计期限和文件名中都没有）：请在文件名中写明年度，或用 import --year 指定");
        }
        if (hints.year() == null) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "报告年度 " + year + " 取自" + found.yearSource()));
        } else if (found.year() != null && !found.year().equals(hints.year())) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "指定的年度 " + hints.year() + " 与报告中的年度 "
                    + found.year() + "（取自" + found.yearSource() + "）不同，按指定的年度读取").withSeverity(Severity.WARNING));
        }
        String agency = hints.agency() != null ? hints.agency() : found.agency();
        String agencySource = found.agencySource();
        if (hints.agency() == null && (agency == null || "文件名".equals(agencySource))) {
            String known = longestKnownIn(baseName, hints.knownAgencies());
            if (known != null) {
                agency = known;
                agencySource = "文件名（名册中的名称）";
            }
        }
        if (agency == null) {
            return ReadResult.unreadable(file, "按标签读取时无法确定报告单位（标题和文件名中都没有）：请把单位名称写进文件名，或用 import --agency 指定");
        }
        if (hints.agency() == null) {
            findings.add(Finding.ofFile(FindingCode.L8, file, "报告单位“" + agency + "”取自" + agencySource));
        }
        String code = hints.code() != null ? hints.code() : found.code();

        FormatSpec spec = chooseFormat(segs, year, file, findings);
        TableParser.Result r = TableParser.parse(spec.labelTargets(), src, segs);
        findings.addAll(r.findings());
        Identity identity = new Identity(spec.id(), year, agency, code, "", "", "", "", Map.of());
        Filing draft = Filing.of(file, identity, spec, r.inputs(), r.stored(), r.locations(), List.of());
        findings.addAll(Narrative.check(draft, src.text(), r.tablesFound()));
        return new ReadResult(file, draft.withFindings(findings), null);
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
     * The format whose own labels the table uses (phrases no other format of the family has: 2019
     * and 2021 differ in table 二 and in 三（六）); the format for the year when the labels do not tell.
     */
    private FormatSpec chooseFormat(List<Segments.Segment> segs, int year, String file, List<Finding> findings) {
        Map<FormatSpec, Integer> scores = new LinkedHashMap<>();
        for (FormatSpec f : formats.all()) {
            java.util.Set<String> own = formats.distinctivePhrases(f);
            int n = 0;
            for (Segments.Segment s : segs) {
                for (Segments.Tok t : s.labels) {
                    n += own.contains(t.norm()) || own.contains(ChineseText.labelCore(t.norm())) ? 1 : 0;
                }
            }
            scores.put(f, n);
        }
        List<FormatSpec> all = formats.all();
        FormatSpec byYear = all.stream().filter(f -> f.coversYear(year)).findFirst()
                .orElse(formats.byFirstYear().get(all.size() - 1));
        int best = scores.values().stream().max(Integer::compare).orElse(0);
        List<FormatSpec> top = all.stream().filter(f -> scores.get(f) == best).toList();
        FormatSpec chosen = best == 0 || top.contains(byYear) ? byYear : top.get(0);
        List<FormatSpec> seen = all.stream().filter(f -> scores.get(f) > 0).toList();
        if (seen.size() > 1) {
            StringBuilder what = new StringBuilder("表格中既有");
            for (int i = 0; i < seen.size(); i++) {
                what.append(i == 0 ? "" : "也有").append(seen.get(i).id()).append("年版的标签（").append(scores.get(seen.get(i)))
                        .append("处）");
            }
            findings.add(Finding.ofFile(FindingCode.L4, file, what + "，按" + chosen.id() + "年版读取").withSeverity(Severity.WARNING));
        }
        if (chosen != byYear) {
            findings.add(Finding.ofFile(FindingCode.L4, file, "表格的标签是" + chosen.id() + "年版格式（" + year + "年度通常用"
                    + byYear.id() + "年版），按标签读取"));
        }
        return chosen;
    }
}
