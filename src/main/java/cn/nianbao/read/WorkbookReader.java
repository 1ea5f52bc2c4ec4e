package cn.nianbao.read;

import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Explanations;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Identity;
import cn.nianbao.model.ReadResult;
import cn.nianbao.model.ValuesDigest;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.util.ChineseText;
import cn.nianbao.util.FileKind;
import cn.nianbao.util.NumberText;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a filled template back (.xlsx or .xls, as saved by Excel, WPS or LibreOffice) into a
 * {@link Filing}. The file's content decides its format, not its extension; the file is opened
 * read-only and never modified. Totals are recomputed from the inputs; the totals the file
 * stored are kept beside them, and the rules (R2–R4) report any that disagree. Whatever goes wrong with one file is a result, never an exception.
 */
public final class WorkbookReader {

    private static final String NOT_A_WORKBOOK = "不是可以读取的Excel工作簿（.xlsx/.xls），或文件已损坏：";

    private final Formats formats;
    private final LabelReader labels;
    /** Per format of the family: where each cell sits, and the cells of each table sheet. */
    private final Map<FormatSpec, Plan> plans = new java.util.HashMap<>();
    /** The table sheets of every format, with the last row any of them needs: what the streaming path parses. */
    private final Map<String, Integer> sheetRows;
    /**
     * Sheets whose first rows alone are read, and parsed only when a quick look finds a clerk typed
     * there: the 校验 sheet's 说明 column of the explainable lines, the cover's 填报说明 box.
     */
    private final Map<String, CellProbe> prefixOnly;

    /** A reader of the workbooks of {@code formats}' templates, and of any other workbook by its labels. */
    public WorkbookReader(Formats formats) {
        this.formats = formats;
        this.labels = new LabelReader(formats);
        Map<String, Integer> rows = new java.util.HashMap<>();
        for (FormatSpec spec : formats.all()) {
            plans.put(spec, plan(spec));
            for (TemplateLayout.SheetLayout sl : spec.layout().sheets()) {
                int last = sl.lastRow();
                for (TemplateLayout.Label l : sl.labels()) {
                    last = Math.max(last, l.lastRow());
                }
                rows.merge(sl.name(), last + 1, Math::max); // and the row below: numbers moved down out of the table
            }
            // What a clerk explained: the 说明 of the 校验 sheet's lines, the cover's 填报说明 box.
            // The explainable lines are at the top of the 校验 sheet, the 填报说明 box near the top of the
            // cover: only their first rows are inflated and parsed.
            if (spec.layout().lastExplainableRow() >= 0) {
                rows.merge(TemplateLayout.CHECK_SHEET, spec.layout().lastExplainableRow(), Math::max);
            }
            rows.merge(TemplateLayout.COVER_SHEET, TemplateLayout.COVER_NOTE_ROW, Math::max);
        }
        this.sheetRows = Map.copyOf(rows);
        Map<String, CellProbe> probes = new java.util.HashMap<>();
        probes.put(TemplateLayout.COVER_SHEET, new CellProbe(cn.nianbao.util.A1.column(TemplateLayout.COVER_NOTE_COL),
                TemplateLayout.COVER_NOTE_ROW, TemplateLayout.COVER_NOTE_ROW));
        if (rows.containsKey(TemplateLayout.CHECK_SHEET)) {
            probes.put(TemplateLayout.CHECK_SHEET, new CellProbe(cn.nianbao.util.A1.column(TemplateLayout.CHECK_NOTE_COL),
                    TemplateLayout.CHECK_FIRST_ROW, rows.get(TemplateLayout.CHECK_SHEET)));
        }
        this.prefixOnly = Map.copyOf(probes);
        // Nearly every template has nothing typed in these: look before parsing them.
    }

    /** The formats this reader knows. */
    public Formats formats() {
        return formats;
    }

    /** Reads one file; never throws for a bad file. */
    public ReadResult read(Path file) {
        return read(file, LabelReader.Hints.NONE);
    }

    /**
     * Reads one file; a workbook that is not our template is read by its labels
     * ({@link LabelReader}), with {@code hints} for the agency and year it cannot tell.
     */
    public ReadResult read(Path file, LabelReader.Hints hints) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            return ReadResult.unreadable(name, "文件不存在或不是普通文件");
        }
        byte[] bytes;
        try {
            bytes = readSmall(file); // null for a file over 64 MB, left to POI
            if (bytes != null && bytes.length == 0) {
                return ReadResult.unreadable(name, "文件是空的（0字节）");
            }
        } catch (IOException | RuntimeException e) {
            return ReadResult.unreadable(name, "文件无法打开：" + brief(e));
        }
        if (bytes == null || !FileKind.zip(bytes) && !FileKind.ole2(bytes)) {
            // Neither container: a PDF, a web page or text is a published report, read by its labels.
            FileKind kind = kindOf(file, bytes);
            if (kind.report()) {
                return document(file, kind, hints);
            }
        }
        if (bytes != null && FileKind.zip(bytes)) {
            // The streaming path: only the parts and sheets the template has, raw values, from the bytes read.
            ReadResult r;
            try {
                ZipBytes zip = ZipBytes.of(bytes);
                r = zip == null ? null : read(name, new StreamingXlsx(zip, sheetRows, prefixOnly));
            } catch (IOException | RuntimeException e) {
                FileKind kind = kindOf(file, null);
                return kind == FileKind.DOCX ? document(file, kind, hints) : ReadResult.unreadable(name, NOT_A_WORKBOOK + brief(e));
            }
            if (r != null && r != REOPEN) {
                return r;
            }
        }
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new File(name), null, true);
        } catch (EncryptedDocumentException e) {
            return ReadResult.unreadable(name, "文件设有打开密码（已加密），无法读取。请去掉打开密码后重新报送");
        } catch (EmptyFileException e) {
            return ReadResult.unreadable(name, "文件是空的（0字节）");
        } catch (IOException | RuntimeException e) {
            // A Word document (.docx, .doc) is a container too: told by the parts or streams it holds.
            FileKind kind = kindOf(file, null);
            return kind == FileKind.DOCX || kind == FileKind.DOC ? document(file, kind, hints)
                    : ReadResult.unreadable(name, NOT_A_WORKBOOK + brief(e));
        }
        try (wb) {
            return read(name, wb, hints);
        } catch (IOException | RuntimeException e) {
            return ReadResult.unreadable(name, "读取工作簿时出错：" + brief(e));
        }
    }

    /** Part of the reason when a document holds none of the national tables: collect lists such a document as skipped. */
    public static final String NO_TABLES = LabelReader.NO_TABLES;

    private static FileKind kindOf(Path file, byte[] bytes) {
        try {
            return bytes == null ? FileKind.of(file) : FileKind.of(file, java.util.Arrays.copyOf(bytes, Math.min(bytes.length, FileKind.HEAD)));
        } catch (IOException | RuntimeException e) {
            return FileKind.OTHER;
        }
    }

    /**
     * A published report given where a workbook is expected (a PDF, a Word document, a web page,
     * text): its tables read by their labels, with a note that it was; unreadable, saying what it
     * is, when it cannot be read or holds none of the tables.
     */
    private ReadResult document(Path file, FileKind kind, LabelReader.Hints hints) {
        String name = file.toString();
        // Named as a workbook but holding a document: say first that it is no workbook.
        String what = FileKind.workbookName(file.getFileName().toString()) ? "不是可以读取的Excel工作簿（内容是" + kind.chinese() + "）："
                : kind.chinese() + "（不是本工具发出的模板）：";
        ReadResult r = labels.readText(file, hints);
        if (!r.readable()) {
            return ReadResult.unreadable(name, what + r.reason() + (r.reason().equals(NO_TABLES) ? "（表格是图片或不在文档中）" : ""));
        }
        long missing = r.filing().findings().stream().filter(f -> f.code() == FindingCode.L1).count();
        if (missing == r.filing().spec().tables().size()) {
            return ReadResult.unreadable(name, what + NO_TABLES + "（表格是图片或不在文档中）");
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ofFile(FindingCode.L8, name, "这是" + kind.chinese() + "，不是本工具发出的模板：已按标签读取其中的表格"));
        findings.addAll(r.filing().findings());
        return new ReadResult(name, r.filing().withFindings(findings), null);
    }

    /** Largest file read into memory for the streaming path; a larger one is left to POI, which reads it from disk. */
    private static final long IN_MEMORY = 64L * 1024 * 1024;

    /** The file's bytes, read at once; null when it is larger than {@link #IN_MEMORY}. */
    private static byte[] readSmall(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size > IN_MEMORY) {
                return null;
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // until full or the end
            }
            return buf.hasRemaining() ? java.util.Arrays.copyOf(buf.array(), buf.position()) : buf.array();
        }
    }

    /** A cell of a table sheet: its definition, where it sits, its position in the format's keys. */
    private record Slot(CellDef def, TemplateLayout.Pos pos, int at) {
    }

    /**
     * What reading one format's template needs, worked out once per reader: where each cell sits
     * (one immutable map shared by the format's filings) and each table sheet's cells in the layout's order.
     */
    private record Plan(Map<String, CellLocation> locations, List<Slot[]> slots) {
    }

    private static Plan plan(FormatSpec spec) {
        Map<String, CellLocation> m = new LinkedHashMap<>();
        TemplateLayout layout = spec.layout();
        spec.cells().forEach(c -> m.put(c.key(), new CellLocation(layout.pos(c.key()).sheet(), layout.pos(c.key()).a1())));
        List<Slot[]> slots = layout.sheets().stream()
                .map(sl -> sl.cells().entrySet().stream()
                        .map(e -> new Slot(spec.cell(e.getKey()), e.getValue(), spec.cellKeys().indexOf(e.getKey())))
                        .toArray(Slot[]::new))
                .toList();
        return new Plan(cn.nianbao.model.KeyedValues.of(spec.cellKeys(), m), slots);
    }

    /** What went wrong, for a user: the exception's words without Java class names. */
    private static String brief(Throwable e) {
        String m = cn.nianbao.util.IoErrors.detail(e);
        return m.isEmpty() ? "没有更多信息" : m;
    }

    /** Reads a workbook a caller already holds open, named {@code file}. */
    public ReadResult read(String file, Workbook wb) {
        return read(file, wb, LabelReader.Hints.NONE);
    }

    private ReadResult read(String file, Workbook wb, LabelReader.Hints hints) {
        ReadResult r = read(file, new PoiGrid(wb));
        return r == null ? byLabels(file, wb, hints) : r;
    }

    private ReadResult byLabels(String file, Workbook wb, LabelReader.Hints hints) {
        ReadResult r = labels.readWorkbook(file, wb, hints);
        if (!r.readable()) {
            return ReadResult.unreadable(file, "不是本工具发出的模板；" + r.reason());
        }
        String[] mark = IdentityReader.outputMark(wb);
        if (mark != null && Identity.RETURN_COPY.equals(mark[0]) && mark[1].equals(ValuesDigest.of(r.filing()))) {
            return ReadResult.skip(file, UNCHANGED_COPY);
        }
        long missing = r.filing().findings().stream().filter(f -> f.code() == FindingCode.L1).count();
        if (missing == r.filing().spec().tables().size()) {
            return ReadResult.unreadable(file, "不是本工具发出的模板，按标签也没有找到国家格式的表二、三、四");
        }
        return r;
    }

    /** What {@link #read(String, Grid)} answers when only POI's whole workbook can tell (the caller reopens the file). */
    private static final ReadResult REOPEN = ReadResult.unreadable("", "reopen with POI");

    /**
     * Reads our template from {@code grid}; null when the workbook carries no template identity;
     * {@link #REOPEN} when a table sheet's labels are off their places and {@code grid} has no POI sheets.
     */
    ReadResult read(String file, Grid grid) {
        Identity identity = Identity.fromEntries(grid.identityEntries());
        if (identity == null) {
            return null; // not our template: the caller reads it by its labels
        }
        if (!formats.has(identity.format())) {
            return ReadResult.unreadable(file, "模板标识中的表格格式“" + identity.format() + "”无法识别（已知的格式："
                    + String.join("、", formats.ids()) + "）");
        }
        FormatSpec spec = formats.get(identity.format());
        Plan plan = plans.get(spec);
        TemplateLayout layout = spec.layout();
        List<Finding> findings = new ArrayList<>();
        if (grid.hasMacros()) {
            findings.add(Finding.ofFile(FindingCode.F5, file,
                    "文件含有宏（VBA）：本工具不会运行宏，也没有读取宏；请用发出的模板重新保存为 .xlsx"));
        }
        cn.nianbao.spec.Keys keys = spec.cellKeys();
        CellValue[] inputs = new CellValue[keys.size()];
        CellValue[] stored = new CellValue[keys.size()];
        Map<String, CellLocation> locations = plan.locations();
        java.util.Set<String> missing = new java.util.HashSet<>();
        Map<String, CellLocation> moved = new java.util.HashMap<>();

        List<TemplateLayout.SheetLayout> sheets = layout.sheets();
        List<Slot[]> slots = plan.slots();
        for (int s = 0; s < sheets.size(); s++) {
            TemplateLayout.SheetLayout sl = sheets.get(s);
            if (!grid.hasSheet(sl.name())) {
                findings.add(Finding.inTable(FindingCode.F3, file, sl.table().number(), sl.name(), null,
                        "缺少工作表“" + sl.name() + "”，表" + sl.table().number() + "的数据全部按空白处理"));
                missing.add(sl.name());
                continue;
            }
            List<Finding> changed = changedLabels(file, grid, sl);
            if (changed.isEmpty() && !movedDown(grid, sl, slots.get(s))) {
                readCells(file, grid, sl.name(), slots.get(s), inputs, stored, findings);
                continue;
            }
            // Labels off their places: retyped, or rows or columns inserted or deleted. Where the
            // labels really are decides; only the whole sheet (in POI) can say.
            org.apache.poi.ss.usermodel.Sheet sheet = grid.poiSheet(sl.name());
            if (sheet == null) {
                return REOPEN;
            }
            LabelReader.SheetRead byLabels = labels.readSheet(file, sheet, spec, sl.table());
            if (!restructured(sl, slots.get(s), byLabels, changed.size())) {
                findings.addAll(changed);
                readCells(file, grid, sl.name(), slots.get(s), inputs, stored, findings);
                continue;
            }
            findings.add(Finding.inTable(FindingCode.F4, file, sl.table().number(), sl.name(), null, "工作表“" + sl.name() + "”的表格结构被改动（插入或删除了行、列，标签已不在模板原来的位置）：表"
                    + sl.table().number() + "已按标签读取，每个数字取自其行、列标签所对应的单元格；没有找到的行按空白处理"));
            readByLabels(file, grid, sl.name(), slots.get(s), byLabels, inputs, stored, moved, findings);
        }

        if (!missing.isEmpty() || !moved.isEmpty()) {
            // Cells of a missing sheet have no place in the file, cells of a sheet read by its labels
            // are where the labels put them; every other filing shares the format's map.
            Map<String, CellLocation> present = new LinkedHashMap<>();
            locations.forEach((k, v) -> {
                if (moved.containsKey(k)) {
                    if (moved.get(k) != null) {
                        present.put(k, moved.get(k));
                    }
                } else if (!missing.contains(v.sheet())) {
                    present.put(k, v);
                }
            });
            locations = present;
        }
        Filing read = Filing.of(file, identity, spec, inputs, stored, locations, List.of());
        Map<String, CellValue> storedTotals = read.storedTotals();
        Map<String, CellValue> values = read.values();
        invalidStoredTotals(file, spec, values, storedTotals, locations, findings);
        comparePrefilled(file, spec, identity, values, locations, findings);
        Filing filing = read.withFindings(findings).withExplanations(explanations(grid, layout));
        if (Identity.RETURN_COPY.equals(identity.output()) && identity.digest().equals(ValuesDigest.of(filing))) {
            return ReadResult.skip(file, UNCHANGED_COPY);
        }
        return new ReadResult(file, filing, null);
    }

    /**
     * What the clerk wrote in the template: the 说明 beside each warning-level line of the 校验 sheet (taken only
     * where the line still names its rule, so a sheet edited out of shape attributes nothing), and
     * the cover's 填报说明 box (only under its label). A template issued before these inputs has none.
     */
    private static Explanations explanations(Grid grid, TemplateLayout layout) {
        Map<String, String> byRule = Map.of();
        if (grid.hasSheet(TemplateLayout.CHECK_SHEET)) {
            for (TemplateLayout.CheckLine line : layout.checkLines()) {
                if (!line.explainable()) {
                    break; // the explainable lines come first
                }
                String text = grid.cell(TemplateLayout.CHECK_SHEET, line.row(), TemplateLayout.CHECK_NOTE_COL).display().strip();
                if (!text.isEmpty() && grid.cell(TemplateLayout.CHECK_SHEET, line.row(), 0).display().strip()
                        .equals(line.rule().rule().id())) {
                    if (byRule.isEmpty()) {
                        byRule = new LinkedHashMap<>();
                    }
                    byRule.put(line.key(), text);
                }
            }
        }
        String cover = "";
        if (grid.hasSheet(TemplateLayout.COVER_SHEET) && grid.cell(TemplateLayout.COVER_SHEET, TemplateLayout.COVER_NOTE_ROW, 0)
                .display().strip().startsWith(TemplateLayout.COVER_NOTE_LABEL)) {
            cover = grid.cell(TemplateLayout.COVER_SHEET, TemplateLayout.COVER_NOTE_ROW, TemplateLayout.COVER_NOTE_COL)
                    .display().strip();
        }
        return byRule.isEmpty() && cover.isEmpty() ? Explanations.NONE : new Explanations(cover, byRule);
    }

    /** Why an annotated return copy nobody has changed is not read as a filing. */
    static final String UNCHANGED_COPY = "本工具写出的退回标注副本，单位还没有改动过，不是报表（单位改正后发回的副本会照常读取）";

    /** One table sheet's cells into {@code inputs} and {@code stored} (by position in the format's keys). */
    private static void readCells(String file, Grid grid, String sheet, Slot[] slots, CellValue[] inputs,
                                  CellValue[] stored, List<Finding> findings) {
        for (Slot slot : slots) {
            readCell(file, grid, sheet, slot.def(), slot.pos(), slot.at(), inputs, stored, findings);
        }
    }

    /** One cell, from where it sits ({@code p}); stored totals apart from inputs. */
    private static void readCell(String file, Grid grid, String sheet, CellDef def, TemplateLayout.Pos p, int at,
                                 CellValue[] inputs, CellValue[] stored, List<Finding> findings) {
        CellReader.Read r = CellReader.read(grid.cell(sheet, p.row(), p.col()), def.kind());
        if (def.isTotal()) {
            stored[at] = r.value();
            if (!r.formula() && !(r.value() instanceof CellValue.Blank)) {
                findings.add(cellFinding(FindingCode.F6, Severity.WARNING, file, def, sheet, p.a1(), null,
                        r.value().number(), "总计单元格的公式被改成了填写的值（模板的保护被去掉过）：总计已按分项重新计算"));
            }
            return;
        }
        inputs[at] = r.value();
        if (r.rule() != null) {
            findings.add(valueFinding(file, def, sheet, p.a1(), r));
        }
        if (r.formula()) {
            findings.add(cellFinding(FindingCode.V6, Severity.WARNING, file, def, sheet, p.a1(), null, null,
                    "填写单元格中是公式而不是数字，已按公式的计算结果读取：请直接填写数字"));
        }
    }

    /**
     * Whether a sheet whose labels are off their places was restructured: the label reader finds
     * a cell away from its place in the template (rows or columns inserted or deleted), or most
     * labels differ, so that their places say nothing. One retyped label with the rest in place is not.
     */
    private static boolean restructured(TemplateLayout.SheetLayout sl, Slot[] slots, LabelReader.SheetRead byLabels,
                                        int changed) {
        Map<String, Integer> uses = uses(slots, byLabels);
        for (Slot slot : slots) {
            CellLocation loc = byLabels.locations().get(slot.def().key());
            if (loc != null && uses.get(loc.cell()) == 1 && !loc.cell().equals(slot.pos().a1())) {
                return true;
            }
        }
        long checked = sl.labels().stream().filter(l -> l.role() != TemplateLayout.Role.HINT).count();
        return changed * 2L > checked;
    }

    /** How many of a sheet's cells the label reader placed at each A1 address (a row it could not split shares one). */
    private static Map<String, Integer> uses(Slot[] slots, LabelReader.SheetRead byLabels) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        for (Slot slot : slots) {
            CellLocation loc = byLabels.locations().get(slot.def().key());
            if (loc != null) {
                uses.merge(loc.cell(), 1, Integer::sum);
            }
        }
        return uses;
    }

    /** Label findings that a cell read exactly, where it really is, replaces (its value is read as in place). */
    private static final java.util.Set<FindingCode> SUPERSEDED = java.util.EnumSet.of(FindingCode.L3, FindingCode.L7,
            FindingCode.V1, FindingCode.V2, FindingCode.V3, FindingCode.V4);

    /**
     * A restructured sheet: each cell the label reader placed on a cell of its own is read there
     * exactly as in place (same values, same findings); a cell it could not place, or placed only
     * with its row (a row it could not read), keeps the label reader's value — blank, with the
     * label reader's error. No value is taken from a template position.
     */
    private static void readByLabels(String file, Grid grid, String sheet, Slot[] slots, LabelReader.SheetRead byLabels,
                                     CellValue[] inputs, CellValue[] stored, Map<String, CellLocation> moved,
                                     List<Finding> findings) {
        Map<String, Integer> uses = uses(slots, byLabels);
        java.util.Set<String> exact = new java.util.HashSet<>();
        for (Slot slot : slots) {
            CellDef def = slot.def();
            CellLocation loc = byLabels.locations().get(def.key());
            moved.put(def.key(), loc);
            if (loc != null && uses.get(loc.cell()) == 1 && loc.sheet().equals(sheet)) {
                org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(loc.cell());
                readCell(file, grid, sheet, def, new TemplateLayout.Pos(sheet, ref.getRow(), ref.getCol(), ref.getCol()),
                        slot.at(), inputs, stored, findings);
                exact.add(loc.cell());
            } else if (def.isTotal()) {
                stored[slot.at()] = byLabels.stored().getOrDefault(def.key(), CellValue.BLANK);
            } else {
                inputs[slot.at()] = byLabels.inputs().getOrDefault(def.key(), CellValue.BLANK);
            }
        }
        for (Finding x : byLabels.findings()) {
            if (!(SUPERSEDED.contains(x.code()) && exact.contains(x.cell()))) {
                findings.add(x);
            }
        }
    }

    /**
     * Whether the last row of a sheet's cells is empty while the row below holds a number: a row
     * inserted above it (table 四's numbers sit under its header, with no label of their own to move).
     */
    private static boolean movedDown(Grid grid, TemplateLayout.SheetLayout sl, Slot[] slots) {
        int last = sl.lastRow();
        // Slots are in the layout's order, row by row: the last row's are at the end.
        for (int i = slots.length - 1; i >= 0 && slots[i].pos().row() == last; i--) {
            RawCell c = grid.cell(sl.name(), last, slots[i].pos().col());
            if (c.type() != RawCell.Type.BLANK && !(c.type() == RawCell.Type.STRING && (c.text() == null || c.text().isBlank()))) {
                return false;
            }
        }
        for (int c = 0; c < sl.width(); c++) {
            RawCell below = grid.cell(sl.name(), last + 1, c);
            if (below.type() == RawCell.Type.NUMBER
                    || below.type() == RawCell.Type.STRING && below.text() != null && NumberText.cell(below.text()) != null) {
                return true;
            }
        }
        return false;
    }

    private static Finding valueFinding(String file, CellDef def, String sheet, String a1, CellReader.Read r) {
        if (r.value() instanceof CellValue.Invalid inv) {
            return cellFinding(r.rule(), Severity.ERROR, file, def, sheet, a1, null, null,
                    "“" + inv.raw() + "”" + inv.reason() + "（本格按无效值处理，不计为0）");
        }
        return cellFinding(r.rule(), Severity.INFO, file, def, sheet, a1, null, r.value().number(),
                "数字以文本形式填写，已按数字" + r.value().plain() + "读取");
    }

    static Finding cellFinding(FindingCode code, Severity sev, String file, CellDef def, String sheet, String a1,
                               BigDecimal required, BigDecimal held, String message) {
        return Finding.atCell(code, file, def, sheet, a1, message).withSides(required, held).withSeverity(sev);
    }

    /** Labels are part of the template; a changed one means the sheet was edited or is not ours. */
    private static List<Finding> changedLabels(String file, Grid grid, TemplateLayout.SheetLayout sl) {
        List<Finding> findings = List.of();
        for (TemplateLayout.Label l : sl.labels()) {
            if (l.role() == TemplateLayout.Role.HINT) {
                continue;
            }
            String actual = grid.cell(sl.name(), l.row(), l.col()).display();
            if (!actual.equals(l.text()) && !ChineseText.compact(actual).equals(ChineseText.compact(l.text()))) {
                if (findings.isEmpty()) {
                    findings = new ArrayList<>();
                }
                findings.add(Finding.inTable(FindingCode.F4, file, sl.table().number(), sl.name(), l.a1(), "表格标签被改动：应为“" + l.text() + "”，实为“" + actual.strip() + "”"));
            }
        }
        return findings;
    }

    /** A total cell showing an error value cannot be checked; say so (the rules skip it). */
    private static void invalidStoredTotals(String file, FormatSpec spec, Map<String, CellValue> values,
                                            Map<String, CellValue> stored, Map<String, CellLocation> locations,
                                            List<Finding> findings) {
        for (Map.Entry<String, CellValue> e : stored.entrySet()) {
            // A total over an invalid input shows that input's problem; it is reported at the input.
            if (e.getValue() instanceof CellValue.Invalid inv && !(values.get(e.getKey()) instanceof CellValue.Invalid)) {
                CellDef def = spec.cell(e.getKey());
                CellLocation loc = locations.get(def.key());
                findings.add(cellFinding(FindingCode.V1, Severity.ERROR, file, def, loc == null ? null : loc.sheet(),
                        loc == null ? null : loc.cell(),
                        values.get(def.key()).number(), null,
                        "总计单元格显示“" + inv.raw() + "”，" + inv.reason() + "；已按分项重新计算"));
            }
        }
    }

    /** The carried-over row was filled from last year's filing and locked; a change is an error. */
    private static void comparePrefilled(String file, FormatSpec spec, Identity identity, Map<String, CellValue> values,
                                         Map<String, CellLocation> locations, List<Finding> findings) {
        for (Map.Entry<String, String> e : identity.prefilled().entrySet()) {
            if (!spec.hasCell(e.getKey())) {
                continue;
            }
            BigDecimal issued = identity.issued(e.getKey());
            if (issued == null) {
                findings.add(Finding.ofFile(FindingCode.P1, file, "模板标识中的上年结转记录被改动：" + e.getKey()));
                continue;
            }
            CellValue now = values.getOrDefault(e.getKey(), CellValue.BLANK);
            if (!(now instanceof CellValue.Num n) || n.value().compareTo(issued) != 0) {
                CellLocation loc = locations.get(e.getKey());
                findings.add(cellFinding(FindingCode.P1, Severity.ERROR, file, spec.cell(e.getKey()),
                        loc == null ? null : loc.sheet(), loc == null ? null : loc.cell(), issued, now.number(),
                        "上年结转按上年报告预填为" + issued.toPlainString() + "，文件中被改为“"
                                + (now instanceof CellValue.Invalid i ? i.raw() : now.plain()) + "”"));
            }
        }
    }
}
