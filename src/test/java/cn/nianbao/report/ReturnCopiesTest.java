package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.TemplateWriter;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The annotated return copy marks exactly the cells its findings name, in .xlsx and in .xls. */
class ReturnCopiesTest {
    static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    static final int ROSE = 0xFF99CC;

    @TempDir
    Path dir;

    /**
     * A filing with an R1 error (一 natural 5, nothing handled) and an R2 error (the total of row 一
     * overwritten with 4): the template's live checks paint the natural column and row 一 pink.
     */
    private Path filled(String ext) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Map<String, BigDecimal> values = TestSupport.zeros(SPEC);
        values.put("t3.received.natural", BigDecimal.valueOf(5));
        Path file = in.resolve("尖山区应急管理局.xlsx");
        try (XSSFWorkbook wb = new TemplateWriter().build(TestSupport.request("2021", 2024, "尖山区应急管理局", ""))) {
            TestSupport.fill(wb, SPEC, values);
            TemplateLayout.Pos total = SPEC.layout().pos("t3.received.total");
            Cell c = wb.getSheet(total.sheet()).getRow(total.row()).getCell(total.col());
            c.removeFormula();
            c.setCellValue(4);
            TestSupport.save(wb, file);
        }
        return ext.equals("xls") ? Rendering.convert(file, "xls:MS Excel 97", dir.resolve("xls")) : file;
    }

    private static FileReport report(Path file) {
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return new FileReport(r, Checker.all(r));
    }

    /** sheet!A1 of every cell a finding of the copy names (errors and warnings, as the copy marks them). */
    private static Set<String> findingCells(FileReport report) {
        Set<String> cells = new TreeSet<>();
        for (Finding x : report.findings()) {
            if (x.sheet() != null && x.cell() != null && x.severity() != Severity.INFO) {
                cells.add(x.sheet() + "!" + x.cell());
            }
        }
        return cells;
    }

    private static int rgb(Workbook wb, Cell c) {
        if (c.getCellStyle().getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return 0xFFFFFF;
        }
        if (wb instanceof HSSFWorkbook h) {
            short[] t = h.getCustomPalette().getColor(((HSSFCellStyle) c.getCellStyle()).getFillForegroundColor()).getTriplet();
            return (t[0] << 16) | (t[1] << 8) | t[2];
        }
        XSSFColor x = (XSSFColor) c.getCellStyle().getFillForegroundColorColor();
        byte[] b = x == null ? null : x.getRGB();
        return b == null ? 0xFFFFFF : ((b[0] & 0xFF) << 16) | ((b[1] & 0xFF) << 8) | (b[2] & 0xFF);
    }

    private static boolean tableSheet(Workbook wb, Sheet s) {
        return !s.getSheetName().equals(ReturnCopies.SHEET) && !s.getSheetName().equals(TemplateLayout.CHECK_SHEET)
                && wb.getSheetVisibility(wb.getSheetIndex(s)) == SheetVisibility.VISIBLE;
    }

    /** sheet!A1 of every cell a conditional format on a table sheet paints rose. */
    private static Set<String> marked(Workbook wb) {
        Set<String> rose = new TreeSet<>();
        for (Sheet s : wb) {
            if (!tableSheet(wb, s)) {
                continue;
            }
            SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
            for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
                ConditionalFormatting f = cf.getConditionalFormattingAt(i);
                for (int k = 0; k < f.getNumberOfRules(); k++) {
                    assertThat(f.getRule(k).getPatternFormatting().getFillBackgroundColor())
                            .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
                }
                for (CellRangeAddress range : f.getFormattingRanges()) {
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                            rose.add(s.getSheetName() + "!" + new CellReference(r, c).formatAsString());
                        }
                    }
                }
            }
        }
        return rose;
    }

    /** sheet!A1 of every cell with a comment by nianbao. */
    private static Set<String> commented(Workbook wb) {
        Set<String> out = new TreeSet<>();
        for (Sheet s : wb) {
            s.getCellComments().forEach((at, c) -> {
                if (ReturnCopies.AUTHOR.equals(c.getAuthor())) {
                    out.add(s.getSheetName() + "!" + at.formatAsString());
                }
            });
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void theCopyMarksExactlyTheFindingCells(String ext) throws Exception {
        FileReport report = report(filled(ext));
        Set<String> cells = findingCells(report);
        assertThat(report.findings()).extracting(Finding::ruleId).contains("R1", "R2");
        List<Path> copies = ReturnCopies.write(dir.resolve("退回"), List.of(report));
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).endsWith("." + ext);
        try (InputStream in = Files.newInputStream(copies.get(0)); Workbook wb = WorkbookFactory.create(in)) {
            Set<String> rose = marked(wb);
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        assertThat(rgb(wb, c)).as("no cell style of the copy is changed to rose").isNotEqualTo(ROSE);
                    }
                }
            }
            assertThat(rose).as("the rose cells are the finding cells").isEqualTo(cells);
            assertThat(wb.getSheet(TemplateLayout.CHECK_SHEET).getSheetConditionalFormatting().getNumConditionalFormattings())
                    .as("the 校验 sheet keeps its live pass/fail").isPositive();
        }
        ReadResult again = new WorkbookReader(TestSupport.FORMATS).read(copies.get(0));
        assertThat(again.skipped()).as("the copy is still read as our template, and known for an unchanged copy (.xlsx and .xls)")
                .isTrue();
        assertThat(again.reason()).contains("退回标注副本");
    }

    /**
     * A copy the agency corrects in part and sends back is annotated afresh: the cell it put right
     * is no longer marked or commented, and there is one 问题清单, not the old one beside the new.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aCorrectedCopyAnnotatedAgainKeepsNothingOfTheOldMarks(String ext) throws Exception {
        FileReport first = report(filled(ext));
        Set<String> before = findingCells(first);
        Path copy = ReturnCopies.write(dir.resolve("退回"), List.of(first)).get(0);
        TemplateLayout.Pos disclosed = SPEC.layout().pos("t3.disclosed.natural");
        Path corrected = Files.createDirectories(dir.resolve("改后")).resolve("尖山区应急管理局." + ext);
        try (InputStream in = Files.newInputStream(copy); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(marked(wb)).isEqualTo(before);
            // The five requests are now handled (予以公开): R1 holds in the natural column; row 一's
            // overwritten total stays wrong.
            wb.getSheet(disclosed.sheet()).getRow(disclosed.row()).getCell(disclosed.col()).setCellValue(5);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(corrected)) {
                wb.write(out);
            }
        }
        FileReport again = report(corrected);
        assertThat(again.findings()).extracting(Finding::ruleId).contains("R2");
        Set<String> cells = findingCells(again);
        assertThat(before).as("the cells put right are no finding cells now").containsAll(cells).hasSizeGreaterThan(cells.size());
        assertThat(cells).isNotEmpty();
        Path second = ReturnCopies.write(dir.resolve("再退回"), List.of(again)).get(0);
        try (InputStream in = Files.newInputStream(second); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(marked(wb)).as("marked cells").isEqualTo(cells);
            assertThat(commented(wb)).as("commented cells").isEqualTo(cells);
            List<String> lists = new java.util.ArrayList<>();
            wb.forEach(s -> {
                if (s.getSheetName().startsWith(ReturnCopies.SHEET)) {
                    lists.add(s.getSheetName());
                }
            });
            assertThat(lists).containsExactly(ReturnCopies.SHEET);
            assertThat(wb.getSheet(ReturnCopies.SHEET).getLastRowNum()).isEqualTo(again.findings().size());
        }
    }

    /** A macro-enabled workbook's copy stays .xlsm: Excel opens a workbook with macros only under that name. */
    @org.junit.jupiter.api.Test
    void anXlsmGetsAnXlsmCopy() throws Exception {
        Path xlsm = Files.copy(filled("xlsx"), Files.createDirectories(dir.resolve("xlsm")).resolve("尖山区应急管理局.xlsm"));
        Path copy = ReturnCopies.write(dir.resolve("退回"), List.of(report(xlsm))).get(0);
        assertThat(copy.getFileName().toString()).isEqualTo("尖山区应急管理局-2024-问题标注.xlsm");
    }

    /** The copy is written in its source's format, and named after it by content: WPS's .et and a renamed .xls give an .xls. */
    @ParameterizedTest
    @ValueSource(strings = {"et", "xlsx"})
    void anOle2WorkbookUnderAnyNameGetsAnXlsCopy(String ext) throws Exception {
        Path xls = filled("xls");
        Path renamed = Files.copy(xls, Files.createDirectories(dir.resolve("renamed")).resolve("尖山区应急管理局." + ext));
        Path copy = ReturnCopies.write(dir.resolve("退回"), List.of(report(renamed))).get(0);
        assertThat(copy.getFileName().toString()).isEqualTo("尖山区应急管理局-2024-问题标注.xls");
        assertThat(cn.nianbao.util.FileKind.of(copy)).isEqualTo(cn.nianbao.util.FileKind.XLS);
    }

    /** The copy's 问题清单 prints as the discrepancy lists do: landscape, one page wide, header on every page, 说明 wrapped. */
    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void theCopysListPrintsWithItsHeaderOnEveryPage(String ext) throws Exception {
        FileReport report = report(filled(ext));
        Path copy = ReturnCopies.write(dir.resolve("退回"), List.of(report)).get(0);
        try (InputStream in = Files.newInputStream(copy); Workbook wb = WorkbookFactory.create(in)) {
            Sheet s = wb.getSheet(ReturnCopies.SHEET);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isZero();
            assertThat(s.getRepeatingRows()).as("print titles").isEqualTo(CellRangeAddress.valueOf("1:1"));
            int note = 6;
            assertThat(s.getRow(0).getCell(note).getStringCellValue()).isEqualTo("说明");
            assertThat(s.getColumnWidth(note)).isEqualTo(ListSheet.WRAPPED.get("说明") * 256);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Cell c = s.getRow(r).getCell(note);
                assertThat(c.getCellStyle().getWrapText()).as("说明 of row " + r + " wraps").isTrue();
                int lines = ListSheet.lines("说明", c.getStringCellValue(), cn.nianbao.util.TextWidth.of(c.getStringCellValue()));
                assertThat(s.getRow(r).getHeightInPoints()).as("row " + r + " tall enough").isGreaterThanOrEqualTo(lines * 15f);
            }
            assertThat(s.getLastRowNum()).isPositive();
        }
    }

    /** Rendered by LibreOffice, 表三 of the copy has far less pink than the filing as submitted. */
    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void printedTheCopyIsPinkOnlyWhereTheFindingsAre(String ext) throws Exception {
        Path source = filled(ext);
        FileReport report = report(source);
        Path copy = ReturnCopies.write(dir.resolve("退回"), List.of(report)).get(0);
        long cellsOnT3 = findingCells(report).stream().filter(c -> c.startsWith(SPEC.table("t3").sheet() + "!")).count();
        assertThat(cellsOnT3).isPositive();
        int before = roseOnTable3(source, "before");
        int after = roseOnTable3(copy, "after");
        assertThat(after).as("the finding cells are still marked").isPositive();
        assertThat(after).as("pink pixels of 表三: copy " + after + ", submitted " + before).isLessThan(before / 2);
    }

    /** Rose pixels on the printed page of 表三 (the page whose text has its heading). */
    private int roseOnTable3(Path workbook, String name) throws Exception {
        Path pdf = Rendering.convert(workbook, "pdf", dir.resolve("pdf-" + name));
        String[] pages = Rendering.text(pdf).split("\f");
        int rose = 0;
        boolean found = false;
        for (int p = 0; p < pages.length; p++) {
            if (pages[p].contains("（一）予以公开") && !pages[p].contains("不通过")) {
                BufferedImage img = Rendering.page(pdf, p + 1, 50);
                rose += Rendering.count(img, 0, img.getHeight(), ROSE);
                found = true;
            }
        }
        assertThat(found).as("表三 printed in " + pdf).isTrue();
        return rose;
    }
}
