package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Severity;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real client: a filled template saved again by LibreOffice (headless), as .xlsx and as .xls,
 * reads back identically. .ci/run installs LibreOffice, so in CI this test always runs; on a
 * developer machine without it, it is skipped with a message.
 */
class LibreOfficeTest {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @CsvSource({
        "2021, xlsx:Calc MS Excel 2007 XML",
        "2021, xls:MS Excel 97",
        "2019, xls:MS Excel 97",
    })
    void aTemplateSavedByLibreOfficeReadsBackIdentically(String format, String target) throws Exception {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        Map<String, BigDecimal> values = TestSupport.distinctValues(spec);
        Path in = Files.createDirectories(dir.resolve("in-" + format + "-" + target.substring(0, 3)));
        Path filled = TestSupport.filled(TestSupport.request(format, 2020, "尖山区应急管理局", ""), values, in.resolve("f.xlsx"));
        Path saved = cn.nianbao.Rendering.convert(filled, target, Files.createDirectories(in.resolve("out")));

        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(saved);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.findings()).filteredOn(x -> x.severity() != Severity.INFO).isEmpty();
        assertThat(f.agency()).isEqualTo("尖山区应急管理局");
        assertThat(f.identity().templateId()).isEqualTo(TestSupport.FIXED_ID);
        for (CellDef c : spec.inputCells()) {
            assertThat(f.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(values.get(c.key()), false));
        }
        for (CellDef c : spec.cells()) {
            if (c.isTotal()) {
                assertThat(f.storedTotals().get(c.key()).number()).as("stored " + c.key())
                        .isEqualByComparingTo(f.value(c.key()).number());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDiscrepancyWorkbookOpensInLibreOffice() throws Exception {
        Path in = Files.createDirectories(dir.resolve("lists"));
        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "尖山区应急管理局", ""),
                TestSupport.zeros(TestSupport.FORMATS.get("2021")), in.resolve("f.xlsx"));
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(filled);
        Path lists = in.resolve("问题清单.xlsx");
        cn.nianbao.report.DiscrepancyWorkbook.write(lists,
                List.of(new cn.nianbao.report.FileReport(r, cn.nianbao.check.Checker.all(r))), null);
        Path saved = cn.nianbao.Rendering.convert(lists, "xls:MS Excel 97", Files.createDirectories(in.resolve("out")));
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(saved.toFile())) {
            org.apache.poi.ss.usermodel.Sheet summary = wb.getSheet(cn.nianbao.report.DiscrepancyWorkbook.SUMMARY);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("文件");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("尖山区应急管理局");
            assertThat(summary.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2024.0);
            assertThat(wb.getSheet(cn.nianbao.report.DiscrepancyWorkbook.FINDINGS)).isNotNull();
        }
    }
}
