package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Identity;
import cn.nianbao.model.ValuesDigest;
import cn.nianbao.spec.Severity;
import cn.nianbao.template.IdentitySheet;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * For each agency with errors or warnings it can act on (not M1/M2, which are the supervisor's), a copy of its own submitted workbook with every bad
 * cell marked rose and commented with the rule and message, and a sheet 问题清单 listing the
 * findings: what goes back to the clerk. The submitted file is read into memory and never
 * modified; each copy is written whole or not at all.
 */
public final class ReturnCopies {
    public static final String SHEET = "问题清单";

    private ReturnCopies() {
    }

    /** Writes the copies into {@code dir}; returns the files written, in input order. */
    public static List<Path> write(Path dir, List<FileReport> files) throws IOException {
        return new ArrayList<>(copies(dir, files).values());
    }

    /** Writes the copies into {@code dir}; returns each submitted file (as read) with its copy, in input order. */
    public static Map<String, Path> copies(Path dir, List<FileReport> files) throws IOException {
        return write(plan(dir, files), files);
    }

    /**
     * Where the copies would go, without writing anything: each submitted file (as read) that gets
     * a copy, with the copy's path in {@code dir} (单位-年度-问题标注.xlsx; an .xls, or WPS's .et,
     * stays .xls; an .xlsm stays .xlsm), in input order. A caller checks these paths before
     * anything is written.
     */
    public static Map<String, Path> plan(Path dir, List<FileReport> files) {
        Map<String, Path> out = new LinkedHashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (FileReport report : files) {
            FileReport f = report.forAgency();
            if (!f.read().readable() || f.count(Severity.ERROR) + f.count(Severity.WARNING) == 0) {
                continue;
            }
            Filing filing = f.read().filing();
            Path source = Path.of(f.read().file());
            String ext = ole2(source) ? ".xls" : macroEnabled(source) ? ".xlsm" : ".xlsx";
            String stem = cn.nianbao.util.FileNames.agency(filing.agency()) + "-" + filing.year() + "-问题标注";
            int n = names.merge(stem, 1, Integer::sum);
            out.put(f.read().file(), dir.resolve(cn.nianbao.util.FileNames.numbered(stem, n, ext)));
        }
        return out;
    }

    /**
     * Whether the source is an OLE2 workbook — an .xls, WPS's .et, or an .xls under another name:
     * its copy is written in the same format, so it is named .xls.
     */
    private static boolean ole2(Path source) {
        try {
            return FileKind.ole2(FileKind.head(source));
        } catch (IOException e) {
            return false; // writing the copy will say what is wrong
        }
    }

    /**
     * Whether the source is a macro-enabled workbook (.xlsm): its copy keeps the macros, and Excel
     * opens a workbook with macros only under the .xlsm name.
     */
    private static boolean macroEnabled(Path source) {
        Path name = source.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsm");
    }

    /** Writes the copies {@link #plan} placed; returns the same map. */
    public static Map<String, Path> write(Map<String, Path> plan, List<FileReport> files) throws IOException {
        for (FileReport report : files) {
            Path target = plan.get(report.read().file());
            if (target == null) {
                continue;
            }
            FileReport f = report.forAgency();
            Filing filing = f.read().filing();
            try (InputStream in = Files.newInputStream(Path.of(f.read().file())); Workbook wb = WorkbookFactory.create(in)) {
                annotate(wb, filing, f.findings());
                // Marked, with its numbers fingerprinted: met again unchanged, it is no filing (跳过);
                // corrected by the agency and sent back, it is read like any return.
                IdentitySheet.mark(wb, Identity.RETURN_COPY, ValuesDigest.of(filing));
                AtomicFiles.write(target, wb::write);
            }
        }
        return plan;
    }


    /** The author of our cell comments: a copy annotated again (a corrected copy sent back) loses them first. */
    static final String AUTHOR = "nianbao";

    static void annotate(Workbook wb, Filing filing, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(FindingOrder.ORDER);
        withoutLiveChecks(wb, filing, findings);
        withoutEarlierMarks(wb);
        Map<String, List<Finding>> byCell = new LinkedHashMap<>();
        for (Finding x : sorted) {
            if (x.sheet() != null && x.cell() != null && wb.getSheet(x.sheet()) != null && x.severity() != Severity.INFO) {
                byCell.computeIfAbsent(x.sheet() + "!" + x.cell(), k -> new ArrayList<>()).add(x);
            }
        }
        CreationHelper helper = wb.getCreationHelper();
        Map<String, Drawing<?>> drawings = new HashMap<>();
        Map<String, List<CellRangeAddress>> marked = new LinkedHashMap<>();
        for (List<Finding> xs : byCell.values()) {
            Finding first = xs.get(0);
            Sheet sheet = wb.getSheet(first.sheet());
            CellReference ref = new CellReference(first.cell());
            marked.computeIfAbsent(sheet.getSheetName(), k -> new ArrayList<>())
                    .add(new CellRangeAddress(ref.getRow(), ref.getRow(), ref.getCol(), ref.getCol()));
            Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
            StringBuilder text = new StringBuilder();
            for (Finding x : xs) {
                text.append(text.length() == 0 ? "" : "\n").append(x.ruleId()).append(" ").append(x.severity().chinese())
                        .append("：").append(x.message());
            }
            if (cell.getCellComment() != null) {
                cell.removeCellComment();
            }
            Drawing<?> drawing = drawings.computeIfAbsent(sheet.getSheetName(),
                    k -> sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch());
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(ref.getCol() + 1);
            anchor.setCol2(ref.getCol() + 6);
            anchor.setRow1(ref.getRow());
            anchor.setRow2(ref.getRow() + 3 + xs.size() * 2);
            Comment c = drawing.createCellComment(anchor);
            c.setString(helper.createRichTextString(text.toString()));
            c.setAuthor(AUTHOR);
            cell.setCellComment(c);
        }
        // The marks are a conditional format that is always on, not a changed cell style: annotated
        // again, the copy loses them with the other conditional formats, and a corrected cell is no
        // longer pink.
        marked.forEach((name, cells) -> {
            SheetConditionalFormatting cf = wb.getSheet(name).getSheetConditionalFormatting();
            ConditionalFormattingRule always = cf.createConditionalFormattingRule("TRUE");
            PatternFormatting fill = always.createPatternFormatting();
            fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
            fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
            cf.addConditionalFormatting(cells.toArray(CellRangeAddress[]::new), always);
        });
        listSheet(wb, sorted);
    }

    /**
     * What an earlier annotation left, when a copy comes back corrected and is annotated again:
     * our comments (by {@link #AUTHOR}) and our 问题清单 sheets. A sheet of that name the agency
     * made itself, or a comment someone else wrote, stays.
     */
    private static void withoutEarlierMarks(Workbook wb) {
        for (int i = wb.getNumberOfSheets() - 1; i >= 0; i--) {
            Sheet sheet = wb.getSheetAt(i);
            if (sheet.getSheetName().startsWith(SHEET) && ourList(sheet) && wb.getNumberOfSheets() > 1) {
                wb.removeSheetAt(i);
                continue;
            }
            for (Map.Entry<org.apache.poi.ss.util.CellAddress, ? extends Comment> e : sheet.getCellComments().entrySet()) {
                if (AUTHOR.equals(e.getValue().getAuthor())) {
                    Row row = sheet.getRow(e.getKey().getRow());
                    Cell cell = row == null ? null : row.getCell(e.getKey().getColumn());
                    if (cell != null) {
                        cell.removeCellComment();
                    }
                }
            }
        }
    }

    /** Whether the sheet is a list this class wrote: its header begins 规则, 级别, 表. */
    private static boolean ourList(Sheet sheet) {
        Row h = sheet.getRow(0);
        if (h == null) {
            return false;
        }
        String[] header = {"规则", "级别", "表"};
        for (int c = 0; c < header.length; c++) {
            Cell cell = h.getCell(c);
            if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                    || !header[c].equals(cell.getStringCellValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The template's live checks fill every cell of a broken rule, whole rows and columns, with the
     * same rose as our marks, drowning the few cells the findings name. The copy marks exactly those
     * cells, so the conditional formats go from the sheets of the tables; the 校验 sheet keeps its
     * live 通过/不通过 for the clerk correcting the copy.
     */
    private static void withoutLiveChecks(Workbook wb, Filing filing, List<Finding> findings) {
        java.util.Set<String> tables = new java.util.HashSet<>();
        filing.locations().values().forEach(l -> tables.add(l == null ? null : l.sheet()));
        findings.forEach(x -> tables.add(x.sheet()));
        tables.remove(cn.nianbao.spec.TemplateLayout.CHECK_SHEET);
        for (String name : tables) {
            Sheet sheet = name == null ? null : wb.getSheet(name);
            if (sheet == null) {
                continue;
            }
            SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
            for (int i = cf.getNumConditionalFormattings() - 1; i >= 0; i--) {
                cf.removeConditionalFormatting(i);
            }
        }
    }

    private static void listSheet(Workbook wb, List<Finding> findings) {
        String name = SHEET;
        for (int i = 2; wb.getSheet(name) != null; i++) {
            name = SHEET + "(" + i + ")";
        }
        Sheet s = wb.createSheet(name);
        String[] header = {"规则", "级别", "表", "行", "列", "单元格", "说明", "应为", "实为", "差额"};
        int[] widths = {6, 6, 4, 40, 14, 24, ListSheet.WRAPPED.get("说明"), 10, 10, 10};
        Row h = s.createRow(0);
        CellStyle bold = wb.createCellStyle();
        org.apache.poi.ss.usermodel.Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        for (int c = 0; c < header.length; c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(header[c]);
            cell.setCellStyle(bold);
            s.setColumnWidth(c, widths[c] * 256);
        }
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        s.setDefaultColumnStyle(6, wrap);
        int r = 1;
        for (Finding x : findings) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(x.ruleId());
            row.createCell(1).setCellValue(x.severity().chinese());
            text(row, 2, x.table());
            text(row, 3, x.row());
            text(row, 4, x.column());
            text(row, 5, x.cell() == null ? null : x.sheet() + "!" + x.cell());
            text(row, 6, x.message());
            if (x.message() != null) {
                // 说明 wraps in its column, the row made tall enough, as in the discrepancy lists.
                row.getCell(6).setCellStyle(wrap);
                int lines = ListSheet.lines("说明", x.message(), cn.nianbao.util.TextWidth.of(x.message()));
                if (lines > 1) {
                    row.setHeightInPoints(lines * ListSheet.LINE_HEIGHT);
                }
            }
            number(row, 7, x.required());
            number(row, 8, x.held());
            number(row, 9, x.difference());
        }
        s.createFreezePane(0, 1);
        wb.setSheetOrder(name, 0);
        wb.setActiveSheet(0);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == 0);
        }
        if (wb instanceof HSSFWorkbook) {
            wb.setFirstVisibleTab(0);
        }
    }

    private static void text(Row row, int c, String v) {
        if (v != null) {
            row.createCell(c).setCellValue(v);
        }
    }

    private static void number(Row row, int c, java.math.BigDecimal v) {
        if (v != null) {
            row.createCell(c).setCellValue(v.doubleValue());
        }
    }
}
