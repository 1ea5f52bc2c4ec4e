package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list writer that streams SpreadsheetML itself, read back with POI: the same cells, types,
 * formulas, styles, widths, frozen header and filter as the same lists written through POI.
 */
class XlsxListsTest {
    @TempDir
    Path dir;

    private static final String TRICKY = "  前后有空格 <a href=\"x\">&amp;</a>\t制表\n换行\u0001控制\uFFFE 表情😀 ";

    /** The same content for both writers: text, bad text, numbers, a bad number, links, gaps. */
    private static void content(ListSheet.Book book) throws IOException {
        ListSheet s = book.sheet("清单", List.of("文本", "数字", "链接", "说明"));
        s.row();
        s.text(0, TRICKY);
        s.number(1, new BigDecimal("12.5"));
        s.link(2, "a/b.xlsx#'表三'!C5", "表三!C5");
        s.text(3, "=SUM(A1)");
        s.row();
        s.text(0, "有错误", true);
        s.number(1, new BigDecimal("-3"), true);
        s.link(2, "x".repeat(300), "太长的链接"); // past Excel's limit for a literal: plain text
        s.text(3, "说明也可以标红", true);
        s.row(); // an empty row
        s.row();
        s.number(1, BigDecimal.ZERO);
        s.text(3, "很长的说明，".repeat(30)); // wraps in a column of capped width
        s.finish(true);
        ListSheet t = book.sheet("第二张", List.of("单位", "文件"));
        t.row();
        t.text(0, "乙局");
        t.link(1, "a/b.xlsx", "a/b.xlsx");
        t.row();
        t.number(1, BigDecimal.ONE, true);
        t.finish(false);
    }

    @Test
    void writesTheSameListsAsPoi() throws Exception {
        Path direct = dir.resolve("direct.xlsx");
        XlsxLists.write(direct, XlsxListsTest::content);
        Path poi = dir.resolve("poi.xlsx");
        DiscrepancyWorkbook.write(poi, new XSSFWorkbook(), List.of(), null, XlsxListsTest::content);
        try (XSSFWorkbook a = new XSSFWorkbook(direct.toFile()); XSSFWorkbook b = new XSSFWorkbook(poi.toFile())) {
            // The POI-written workbook starts with the discrepancy sheets; compare the lists.
            for (String name : List.of("清单", "第二张")) {
                XSSFSheet x = a.getSheet(name);
                XSSFSheet y = b.getSheet(name);
                assertThat(x.getLastRowNum()).isEqualTo(y.getLastRowNum());
                for (int r = 0; r <= y.getLastRowNum(); r++) {
                    Row rx = x.getRow(r);
                    Row ry = y.getRow(r);
                    if (ry != null && rx != null) {
                        assertThat(rx.getHeight()).as(name + " height of row " + r).isEqualTo(ry.getHeight());
                    }
                    int width = ry == null ? 0 : Math.max(ry.getLastCellNum(), 0);
                    for (int c = 0; c < Math.max(width, 4); c++) {
                        assertSame(name + "!" + r + "," + c, rx == null ? null : rx.getCell(c), ry == null ? null : ry.getCell(c));
                    }
                }
                for (int c = 0; c < 4; c++) {
                    assertThat(x.getColumnWidth(c)).as("width of column " + c).isEqualTo(y.getColumnWidth(c));
                    assertThat(x.getColumnStyle(c).getWrapText()).as("column style of " + c)
                            .isEqualTo(y.getColumnStyle(c).getWrapText());
                }
                // Printed landscape, one page wide and any number tall, the header row on every page.
                assertThat(x.getPrintSetup().getLandscape()).as(name).isEqualTo(y.getPrintSetup().getLandscape()).isTrue();
                assertThat(x.getFitToPage()).as(name).isEqualTo(y.getFitToPage()).isTrue();
                assertThat(x.getPrintSetup().getFitWidth()).as(name).isEqualTo(y.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(x.getPrintSetup().getFitHeight()).as(name).isEqualTo(y.getPrintSetup().getFitHeight()).isZero();
                assertThat(x.getRepeatingRows()).as(name + " print titles").isEqualTo(y.getRepeatingRows())
                        .isEqualTo(CellRangeAddress.valueOf("1:1"));
                assertThat(x.getRepeatingColumns()).isEqualTo(y.getRepeatingColumns()).isNull();
                assertThat(x.getPaneInformation().isFreezePane()).isTrue();
                assertThat(x.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(x.getCTWorksheet().isSetAutoFilter()).isEqualTo(y.getCTWorksheet().isSetAutoFilter());
            }
            assertThat(a.getSheet("清单").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D5");
            // 说明 wraps, in a column 50 characters wide at most; the other columns of 清单 do not wrap.
            assertThat(a.getSheet("清单").getRow(4).getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(a.getSheet("清单").getRow(1).getCell(0).getCellStyle().getWrapText()).isFalse();
            assertThat(a.getSheet("清单").getColumnWidth(3)).isEqualTo(50 * 256);
            // 360 units of text, 48 a line: the row is made eight lines tall, not left at one.
            assertThat(a.getSheet("清单").getRow(4).getHeightInPoints()).isEqualTo(8 * 15f);
            assertThat(a.getSheet("清单").getRow(1).getHeightInPoints()).isEqualTo(a.getSheet("清单").getDefaultRowHeightInPoints());
            assertThat(a.getSheet("第二张").getRow(1).getCell(1).getCellStyle().getWrapText()).as("a link to a file wraps").isTrue();
            assertThat(a.getForceFormulaRecalculation()).isTrue();
            String xml = new String(a.getSheet("清单").getPackagePart().getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml).as("spaces at the ends kept, as POI marks them").contains("<t xml:space=\"preserve\">  前后有空格");
            assertThat(a.getSheet("清单").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("  前后有空格 <a href=\"x\">&amp;</a>\t制表\n换行?控制? 表情😀 ");
        }
    }

    /**
     * Printed by LibreOffice, a long 问题清单 is landscape pages each showing every column under the
     * repeated header row (before: five portrait pages side by side, 说明 cut off).
     */
    @Test
    void aLongListPrintsOnePageWideWithTheHeaderOnEveryPage() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<FileReport> reports = new java.util.ArrayList<>();
        cn.nianbao.spec.FormatSpec spec = cn.nianbao.TestSupport.FORMATS.get("2021");
        for (String agency : List.of("甲县财政局", "甲县教育局")) {
            java.util.Map<String, BigDecimal> half = new java.util.LinkedHashMap<>();
            int i = 0;
            for (cn.nianbao.spec.CellDef c : spec.inputCells()) {
                if (i++ % 2 == 0) {
                    half.put(c.key(), BigDecimal.ZERO); // the other half blank: a V7 warning each
                }
            }
            Path f = cn.nianbao.TestSupport.filled(cn.nianbao.TestSupport.request("2021", 2024, agency, ""), half,
                    in.resolve(agency + ".xlsx"));
            cn.nianbao.model.ReadResult r = new cn.nianbao.read.WorkbookReader(cn.nianbao.TestSupport.FORMATS).read(f);
            reports.add(new FileReport(r, cn.nianbao.check.Checker.all(r)));
        }
        Path lists = dir.resolve("问题清单.xlsx");
        DiscrepancyWorkbook.write(lists, reports, null);
        Path pdf = cn.nianbao.Rendering.convert(lists, "pdf", dir.resolve("pdf"));
        String[] pages = cn.nianbao.Rendering.text(pdf).split("\f");
        int listPages = 0;
        for (int p = 0; p < pages.length; p++) {
            if (!pages[p].contains("V7")) {
                continue; // 汇总
            }
            listPages++;
            for (String h : DiscrepancyWorkbook.FINDING_HEADER) {
                assertThat(pages[p]).as("header " + h + " on printed page " + (p + 1)).contains(h);
            }
            java.awt.image.BufferedImage img = cn.nianbao.Rendering.page(pdf, p + 1, 20);
            assertThat(img.getWidth()).as("page " + (p + 1) + " landscape").isGreaterThan(img.getHeight());
        }
        assertThat(listPages).as("the list takes several pages, each with the header").isGreaterThan(1);
    }

    private static void assertSame(String at, Cell x, Cell y) {
        if (y == null) {
            assertThat(x).as(at).isNull();
            return;
        }
        assertThat(x).as(at).isNotNull();
        assertThat(x.getCellType()).as(at).isEqualTo(y.getCellType());
        switch (y.getCellType()) {
            case STRING -> assertThat(x.getStringCellValue()).as(at).isEqualTo(y.getStringCellValue());
            case NUMERIC -> assertThat(x.getNumericCellValue()).as(at).isEqualTo(y.getNumericCellValue());
            case FORMULA -> {
                assertThat(x.getCellFormula()).as(at).isEqualTo(y.getCellFormula());
                assertThat(x.getStringCellValue()).as(at).isEqualTo(y.getStringCellValue());
            }
            default -> { }
        }
        CellStyle sx = x.getCellStyle();
        CellStyle sy = y.getCellStyle();
        assertThat(sx.getFillPattern()).as(at).isEqualTo(sy.getFillPattern());
        assertThat(sx.getFillForegroundColor()).as(at).isEqualTo(sy.getFillForegroundColor());
        assertThat(sx.getWrapText()).as(at).isEqualTo(sy.getWrapText());
        assertThat(((XSSFCellStyle) sx).getFont().getBold()).as(at).isEqualTo(((XSSFCellStyle) sy).getFont().getBold());
        assertThat(((XSSFCellStyle) sx).getFont().getUnderline()).as(at).isEqualTo(((XSSFCellStyle) sy).getFont().getUnderline());
        assertThat(((XSSFCellStyle) sx).getFont().getColor()).as(at).isEqualTo(((XSSFCellStyle) sy).getFont().getColor());
    }

    @Test
    void anUnfinishedSheetOrColumnsOutOfOrderWriteNothing() throws IOException {
        Path out = dir.resolve("x.xlsx");
        assertThatThrownBy(() -> XlsxLists.write(out, book -> book.sheet("a", List.of("x")).row()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> XlsxLists.write(out, book -> {
            ListSheet s = book.sheet("a", List.of("x", "y"));
            s.row();
            s.text(1, "b");
            s.text(0, "a");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(out).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary files left beside the output").isEmpty();
        }
    }
}
