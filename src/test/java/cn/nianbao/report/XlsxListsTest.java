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
import org.apache.poi.ss.usermodel.Sheet;
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
        s.row(); // an empty row
        s.row();
        s.number(1, BigDecimal.ZERO);
        s.finish(true);
        ListSheet t = book.sheet("第二张", List.of("单位"));
        t.row();
        t.text(0, "乙局");
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
                    int width = ry == null ? 0 : Math.max(ry.getLastCellNum(), 0);
                    for (int c = 0; c < Math.max(width, 4); c++) {
                        assertSame(name + "!" + r + "," + c, rx == null ? null : rx.getCell(c), ry == null ? null : ry.getCell(c));
                    }
                }
                for (int c = 0; c < 4; c++) {
                    assertThat(x.getColumnWidth(c)).as("width of column " + c).isEqualTo(y.getColumnWidth(c));
                }
                assertThat(x.getPaneInformation().isFreezePane()).isTrue();
                assertThat(x.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(x.getCTWorksheet().isSetAutoFilter()).isEqualTo(y.getCTWorksheet().isSetAutoFilter());
            }
            assertThat(a.getSheet("清单").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D5");
            assertThat(a.getForceFormulaRecalculation()).isTrue();
            String xml = new String(a.getSheet("清单").getPackagePart().getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml).as("spaces at the ends kept, as POI marks them").contains("<t xml:space=\"preserve\">  前后有空格");
            assertThat(a.getSheet("清单").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("  前后有空格 <a href=\"x\">&amp;</a>\t制表\n换行?控制? 表情😀 ");
        }
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
