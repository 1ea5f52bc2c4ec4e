package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.spec.TemplateLayout;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discrepancy workbook and the return copies, read back with POI and compared with the findings. */
class DiscrepancyWorkbookTest {
    @TempDir
    Path dir;

    private List<FileReport> reports() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Map<String, BigDecimal> bad = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        bad.put("t3.received.natural", BigDecimal.valueOf(5));
        bad.put("t3.disclosed.natural", BigDecimal.valueOf(3));
        TestSupport.filled(TestSupport.request("2021", 2024, "=HYPERLINK(\"http://x\")局", ""), bad, in.resolve("b.xlsx"));
        Map<String, BigDecimal> good = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        TestSupport.filled(TestSupport.request("2021", 2024, "乙局", ""), good, in.resolve("a.xlsx"));
        Files.writeString(in.resolve("c.xlsx"), "broken");
        List<FileReport> out = new ArrayList<>();
        for (String n : List.of("a.xlsx", "b.xlsx", "c.xlsx")) {
            ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(in.resolve(n));
            out.add(new FileReport(r, Checker.all(r)));
        }
        out.add(FileReport.skipped(in.resolve("readme.txt").toString(), "不是工作簿文件（.xlsx/.xls），已跳过"));
        return out;
    }

    @Test
    void everyFileAndEveryFindingIsInTheWorkbook() throws IOException {
        List<FileReport> reports = reports();
        Path out = dir.resolve("out/问题清单.xlsx");
        DiscrepancyWorkbook.write(out, reports, null);
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet summary = wb.getSheet(DiscrepancyWorkbook.SUMMARY);
            assertThat(summary.getLastRowNum()).as("one row per input file").isEqualTo(4);
            List<String> statuses = new ArrayList<>();
            for (int r = 1; r <= 4; r++) {
                statuses.add(fmt.formatCellValue(summary.getRow(r).getCell(5)));
            }
            assertThat(statuses).containsExactly("通过", "有错误", "无法读取", "跳过");
            assertThat(fmt.formatCellValue(summary.getRow(3).getCell(9))).contains("不是可以读取的Excel工作簿");

            Sheet list = wb.getSheet(DiscrepancyWorkbook.FINDINGS);
            Row header = list.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            assertThat(names).containsExactlyElementsOf(DiscrepancyWorkbook.FINDING_HEADER);
            List<Finding> all = new ArrayList<>();
            reports.forEach(r -> all.addAll(r.findings()));
            all.sort(FindingOrder.ORDER);
            assertThat(list.getLastRowNum()).isEqualTo(all.size());
            for (int i = 0; i < all.size(); i++) {
                Row row = list.getRow(i + 1);
                Finding f = all.get(i);
                assertThat(fmt.formatCellValue(row.getCell(7))).isEqualTo(f.ruleId());
                assertThat(fmt.formatCellValue(row.getCell(8))).isEqualTo(f.severity().chinese());
                assertThat(fmt.formatCellValue(row.getCell(9))).isEqualTo(f.message());
                assertThat(fmt.formatCellValue(row.getCell(13))).isEqualTo(f.file());
                if (f.cell() != null) {
                    Cell link = row.getCell(6);
                    assertThat(link.getCellFormula()).isEqualTo("HYPERLINK(\"../in/" + Path.of(f.file()).getFileName()
                            + "#'" + f.sheet() + "'!" + f.cell() + "\",\"" + f.sheet() + "!" + f.cell() + "\")");
                }
                if (f.required() != null) {
                    assertThat(BigDecimal.valueOf(row.getCell(10).getNumericCellValue())).isEqualByComparingTo(f.required());
                    assertThat(BigDecimal.valueOf(row.getCell(12).getNumericCellValue())).isEqualByComparingTo(f.difference());
                }
            }
            Finding r1 = all.stream().filter(f -> f.ruleId().equals("R1")).findFirst().orElseThrow();
            assertThat(r1.difference()).isEqualByComparingTo("2");
            assertThat(ListSheet.literal("a\"b")).isEqualTo("\"a\"\"b\"");
            // The agency name starting with "=" stays text, never a formula.
            boolean sawName = false;
            for (Row row : list) {
                Cell c = row.getCell(0);
                if (c != null && c.getStringCellValue().startsWith("=HYPERLINK")) {
                    assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                    sawName = true;
                }
            }
            assertThat(sawName).isTrue();
            XSSFSheet x = (XSSFSheet) list;
            assertThat(x.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(x.getPaneInformation().isFreezePane()).isTrue();
            assertThat(x.getColumnWidth(9)).isGreaterThan(20 * 256);
        }
    }

    @Test
    void theAcrossYearsSheetPutsLastYearsFourBesideThisYearsTwo() throws IOException {
        Map<String, BigDecimal> last = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        last.put("t3.received.natural", BigDecimal.valueOf(2));
        last.put("t3.carry_forward.natural", BigDecimal.valueOf(2));
        Map<String, BigDecimal> now = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        now.put("t3.carried_over.natural", BigDecimal.valueOf(3));
        now.put("t3.disclosed.natural", BigDecimal.valueOf(3));
        ReadResult p = new WorkbookReader(TestSupport.FORMATS).read(TestSupport.filled(TestSupport.request("2021", 2023, "某局", ""), last, dir.resolve("p.xlsx")));
        ReadResult c = new WorkbookReader(TestSupport.FORMATS).read(TestSupport.filled(TestSupport.request("2021", 2024, "某局", ""), now, dir.resolve("c.xlsx")));
        Reconciliation rec = Reconciler.reconcile(List.of(c.filing()), List.of(p.filing()), Aliases.none(), null);
        List<FileReport> reports = List.of(new FileReport(c, rec.findings()), new FileReport(p, List.of()));
        Path out = dir.resolve("rec.xlsx");
        DiscrepancyWorkbook.write(out, reports, rec);
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet s = wb.getSheet(DiscrepancyWorkbook.ACROSS_YEARS);
            Row r = s.getRow(1);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("某局");
            assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(2.0);
            assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(r.getCell(7).getNumericCellValue()).isEqualTo(1.0);
            assertThat(r.getCell(7).getCellStyle().getFillForegroundColor()).isNotZero();
            assertThat(r.getCell(5 + 21).getStringCellValue()).isEqualTo("2列不一致");
        }
    }

    @Test
    void returnCopiesMarkBadCellsAndLeaveTheInputUntouched() throws IOException {
        List<FileReport> reports = reports();
        Path source = Path.of(reports.get(1).read().file());
        byte[] before = Files.readAllBytes(source);
        List<Path> copies = ReturnCopies.write(dir.resolve("退回"), reports);
        assertThat(copies).hasSize(1);
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        TemplateLayout.Pos bad = TestSupport.FORMATS.get("2021").layout().pos("t3.carry_forward.natural");
        try (InputStream in = Files.newInputStream(copies.get(0)); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo(ReturnCopies.SHEET);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("R1");
            Cell cell = wb.getSheet(bad.sheet()).getRow(bad.row()).getCell(bad.col());
            assertThat(cell.getCellComment().getString().getString()).contains("R1 错误");
            org.apache.poi.ss.usermodel.SheetConditionalFormatting cf = wb.getSheet(bad.sheet()).getSheetConditionalFormatting();
            boolean marked = false;
            for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
                for (org.apache.poi.ss.util.CellRangeAddress range : cf.getConditionalFormattingAt(i).getFormattingRanges()) {
                    marked |= range.isInRange(bad.row(), bad.col());
                }
            }
            assertThat(marked).as("the bad cell is marked rose").isTrue();
            assertThat(cell.getCellStyle().getLocked()).as("the clerk can still correct it").isFalse();
        }
        ReadResult again = new WorkbookReader(TestSupport.FORMATS).read(copies.get(0));
        assertThat(again.skipped()).as("an annotated copy nobody changed is no filing").isTrue();
        assertThat(again.reason()).contains("退回标注副本");
        assertThat(again.findings()).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("F2"));

        // The clerk corrects the copy (R1: 5 + 0 = 3 + 四, so 四 is 2) and sends it back: it is read like any return.
        Path corrected = dir.resolve("改正后.xlsx");
        try (InputStream in = Files.newInputStream(copies.get(0)); Workbook wb = WorkbookFactory.create(in)) {
            wb.getSheet(bad.sheet()).getRow(bad.row()).getCell(bad.col()).setCellValue(2);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (java.io.OutputStream o = Files.newOutputStream(corrected)) {
                wb.write(o);
            }
        }
        ReadResult fixed = new WorkbookReader(TestSupport.FORMATS).read(corrected);
        assertThat(fixed.skipped()).isFalse();
        assertThat(fixed.readable()).as("the corrected copy is still our template").isTrue();
        assertThat(fixed.filing().value("t3.carry_forward.natural").number()).isEqualByComparingTo("2");
        assertThat(Checker.all(fixed)).as("corrected, it passes").isEmpty();
    }
}
