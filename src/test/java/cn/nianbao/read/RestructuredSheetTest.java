package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Severity;
import cn.nianbao.spec.TemplateLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clerk unprotected a table sheet and inserted or deleted a row or a column: the template's
 * fixed positions no longer hold the numbers, so that sheet is read by its labels (F4 says so),
 * and no number is ever taken from a shifted position.
 */
class RestructuredSheetTest {
    static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    static final TemplateLayout LAYOUT = SPEC.layout();
    static final String T3 = SPEC.table("t3").sheet();
    static final Map<String, BigDecimal> VALUES = TestSupport.distinctValues(SPEC);
    /** 0-based row of 三（三）5.属于三类内部事务信息: rows from here on move when a row is inserted above it. */
    static final int ROW = LAYOUT.pos("t3.withheld_5.natural").row();
    /** 0-based column of 科研机构. */
    static final int COL = LAYOUT.pos("t3.received.research").col();

    @TempDir
    Path dir;

    /** Issued, filled with a distinct number in every input cell, then 表三 unprotected and edited. */
    Path edited(String name, Consumer<XSSFSheet> edit) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(TestSupport.request("2021", 2024, "某单位", ""))) {
            TestSupport.fill(wb, SPEC, VALUES);
            XSSFSheet sheet = wb.getSheet(T3);
            sheet.protectSheet(null);
            edit.accept(sheet);
            TestSupport.save(wb, file);
        }
        return file;
    }

    static void insertRow(XSSFSheet s) {
        s.shiftRows(ROW, s.getLastRowNum(), 1);
    }

    static void deleteRow(XSSFSheet s) {
        s.removeRow(s.getRow(ROW));
        s.shiftRows(ROW + 1, s.getLastRowNum(), -1);
    }

    static void insertColumn(XSSFSheet s) {
        s.shiftColumns(COL, LAYOUT.sheets().get(1).width() - 1, 1);
    }

    static Filing read(Path file) {
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }

    /** Where a cell of 表三 is after the edit: rows from ROW on one lower, columns from COL on one to the right. */
    static CellLocation moved(String key, int dRow, int dCol) {
        TemplateLayout.Pos p = LAYOUT.pos(key);
        int r = p.row() + (p.sheet().equals(T3) && p.row() >= ROW ? dRow : 0);
        int c = p.col() + (p.sheet().equals(T3) && p.col() >= COL ? dCol : 0);
        return new CellLocation(p.sheet(), new CellReference(r, c).formatAsString(false));
    }

    static Finding restructured(Filing f) {
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("F4")).as("one F4 for the sheet, no F4 per shifted label")
                .hasSize(1);
        Finding x = f.findings().stream().filter(y -> y.ruleId().equals("F4")).findFirst().orElseThrow();
        assertThat(x.severity()).isEqualTo(Severity.WARNING);
        assertThat(x.sheet()).isEqualTo(T3);
        assertThat(x.message()).contains(T3).contains("结构被改动").contains("按标签读取");
        return x;
    }

    /** Every number as filled, each found where it really is. */
    static void everyNumberWhereItIs(Filing f, int dRow, int dCol) {
        for (CellDef c : SPEC.inputCells()) {
            assertThat(f.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(VALUES.get(c.key()), false));
            assertThat(f.locations().get(c.key())).as(c.key()).isEqualTo(moved(c.key(), dRow, dCol));
        }
    }

    @Test
    void aRowInsertedInTable3IsReadByLabelsAndEveryNumberComesBack() throws IOException {
        Filing f = read(edited("insert-row.xlsx", RestructuredSheetTest::insertRow));
        restructured(f);
        everyNumberWhereItIs(f, 1, 0);
        assertThat(f.findings()).as("nothing else to say").allMatch(x -> x.ruleId().equals("F4"));
        for (CellDef c : SPEC.cells()) {
            if (c.isTotal()) {
                assertThat(f.storedTotals().get(c.key())).as("stored " + c.key()).isInstanceOf(CellValue.Num.class);
                assertThat(f.locations().get(c.key())).as(c.key()).isEqualTo(moved(c.key(), 1, 0));
            }
        }
    }

    @Test
    void aDeletedRowIsBlankWithAnErrorAndNothingElseMoves() throws IOException {
        Filing f = read(edited("delete-row.xlsx", RestructuredSheetTest::deleteRow));
        restructured(f);
        for (CellDef c : SPEC.inputCells()) {
            if (c.key().startsWith("t3.withheld_5.")) {
                assertThat(f.value(c.key())).as(c.key()).isEqualTo(CellValue.BLANK);
                assertThat(f.locations().get(c.key())).as("a deleted cell has no place in the file").isNull();
            } else {
                assertThat(f.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(VALUES.get(c.key()), false));
                CellLocation was = moved(c.key(), 0, 0);
                TemplateLayout.Pos p = LAYOUT.pos(c.key());
                assertThat(f.locations().get(c.key())).as(c.key()).isEqualTo(p.sheet().equals(T3) && p.row() > ROW
                        ? new CellLocation(T3, new CellReference(p.row() - 1, p.col()).formatAsString(false)) : was);
            }
        }
        assertThat(f.findings()).filteredOn(x -> x.severity() == Severity.ERROR).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("5.属于三类内部事务信息").contains("空白"));
    }

    @Test
    void aColumnInsertedInTable3IsReadByLabels() throws IOException {
        Filing f = read(edited("insert-column.xlsx", RestructuredSheetTest::insertColumn));
        restructured(f);
        everyNumberWhereItIs(f, 0, 1);
        assertThat(f.findings()).allMatch(x -> x.ruleId().equals("F4"));
    }

    @Test
    void aCellOfAShiftedRowIsReadAsThePositionalReaderWould() throws IOException {
        String text = "t3.withheld_6.business";
        String word = "t3.withheld_6.research";
        Filing f = read(edited("insert-row-text.xlsx", s -> {
            insertRow(s);
            CellLocation t = moved(text, 1, 0);
            CellReference a = new CellReference(t.cell());
            s.getRow(a.getRow()).getCell(a.getCol()).setCellValue("１２");
            CellReference b = new CellReference(moved(word, 1, 0).cell());
            s.getRow(b.getRow()).getCell(b.getCol()).setCellValue("很多");
        }));
        restructured(f);
        assertThat(f.value(text)).isEqualTo(new CellValue.Num(new BigDecimal("12"), true));
        assertThat(f.value(word)).isEqualTo(new CellValue.Invalid("很多", "不是数字"));
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("V5")).singleElement()
                .satisfies(x -> assertThat(x.cell()).isEqualTo(moved(text, 1, 0).cell()));
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("V1")).singleElement()
                .satisfies(x -> assertThat(x.cell()).isEqualTo(moved(word, 1, 0).cell()));
    }

    @Test
    void aRowInsertedAboveTable4sNumbersIsReadByLabels() throws IOException {
        String t4 = SPEC.table("t4").sheet();
        int data = LAYOUT.pos("t4.review.upheld").row();
        Path file = dir.resolve("t4.xlsx");
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(TestSupport.request("2021", 2024, "某单位", ""))) {
            TestSupport.fill(wb, SPEC, VALUES);
            XSSFSheet sheet = wb.getSheet(t4);
            sheet.protectSheet(null);
            sheet.shiftRows(data, sheet.getLastRowNum(), 1); // no label moves: the numbers have none of their own
            TestSupport.save(wb, file);
        }
        Filing f = read(file);
        assertThat(f.findings()).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("F4");
            assertThat(x.sheet()).isEqualTo(t4);
        });
        for (CellDef c : SPEC.inputCells()) {
            assertThat(f.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(VALUES.get(c.key()), false));
            TemplateLayout.Pos p = LAYOUT.pos(c.key());
            assertThat(f.locations().get(c.key()).cell()).as(c.key())
                    .isEqualTo(new CellReference(p.row() + (p.sheet().equals(t4) ? 1 : 0), p.col()).formatAsString(false));
        }
    }

    @Test
    void oneRetypedLabelWithEverythingInPlaceIsReadByPosition() throws IOException {
        Filing f = read(edited("typo.xlsx", s -> s.getRow(LAYOUT.pos("t3.withheld_5.natural").row())
                .getCell(LAYOUT.pos("t3.withheld_5.natural").col() - 1).setCellValue("5.属于三类内部事物信息")));
        assertThat(f.findings()).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("F4");
            assertThat(x.message()).contains("应为“5.属于三类内部事务信息”，实为“5.属于三类内部事物信息”");
        });
        everyNumberWhereItIs(f, 0, 0);
    }

    @Test
    void aSheetWhoseLabelsAreMostlyGoneIsNotTrustedByPosition() throws IOException {
        Filing f = read(edited("no-labels.xlsx", s -> {
            for (TemplateLayout.Label l : LAYOUT.sheets().get(1).labels()) {
                if (l.role() == TemplateLayout.Role.ROW_LABEL) {
                    s.getRow(l.row()).getCell(l.col()).setCellValue("");
                }
            }
        }));
        restructured(f);
        for (CellDef c : SPEC.inputCells()) {
            if (c.table().key().equals("t3")) {
                assertThat(f.value(c.key())).as(c.key()).isEqualTo(CellValue.BLANK);
            }
        }
        assertThat(f.findings()).filteredOn(x -> x.severity() == Severity.ERROR).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("没有找到表三"));
    }

    @Test
    void thePrefilledCarriedOverRowIsCheckedWhereItMovedTo() throws IOException {
        int received = LAYOUT.pos("t3.received.natural").row();
        TemplateLayout.Pos carried = LAYOUT.pos("t3.carried_over.natural");
        Map<String, BigDecimal> prefilled = Map.of("t3.carried_over.natural", VALUES.get("t3.carried_over.natural"),
                "t3.carried_over.business", VALUES.get("t3.carried_over.business"));
        Path file = dir.resolve("prefilled.xlsx");
        try (XSSFWorkbook wb = new cn.nianbao.template.TemplateWriter().build(TestSupport.request("2021", 2024, "某单位", "")
                .withCarriedOver(prefilled, "上年报表"))) {
            TestSupport.fill(wb, SPEC, VALUES);
            XSSFSheet sheet = wb.getSheet(T3);
            sheet.protectSheet(null);
            sheet.shiftRows(received, sheet.getLastRowNum(), 1);
            sheet.getRow(carried.row() + 1).getCell(carried.col()).setCellValue(99);
            TestSupport.save(wb, file);
        }
        Filing f = read(file);
        restructured(f);
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("P1")).singleElement().satisfies(x -> {
            assertThat(x.cell()).isEqualTo(new CellReference(carried.row() + 1, carried.col()).formatAsString(false));
            assertThat(x.held()).isEqualByComparingTo("99");
        });
        assertThat(f.value("t3.carried_over.business")).isEqualTo(new CellValue.Num(VALUES.get("t3.carried_over.business"), false));
    }

    @Test
    void theStreamingAndTheFullReaderAgreeOnARestructuredSheet() throws Exception {
        Path file = edited("agree.xlsx", RestructuredSheetTest::insertRow);
        ReadResult streaming = new WorkbookReader(TestSupport.FORMATS).read(file);
        ReadResult full;
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            full = new WorkbookReader(TestSupport.FORMATS).read(file.toString(), wb);
        }
        assertThat(streaming.filing().values()).isEqualTo(full.filing().values());
        assertThat(streaming.filing().storedTotals()).isEqualTo(full.filing().storedTotals());
        assertThat(streaming.filing().locations()).isEqualTo(full.filing().locations());
        assertThat(streaming.filing().findings()).isEqualTo(full.filing().findings());
    }

    // ---- real LibreOffice: the clerk's edit saved by a real client, and made by one ----

    static void run(Path log, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void aRowInsertedWithPoiAndSavedAsXlsByLibreOfficeIsReadByLabels() throws Exception {
        String soffice = cn.nianbao.Rendering.soffice();
        Path xlsx = edited("saved.xlsx", RestructuredSheetTest::insertRow);
        Path out = Files.createDirectories(dir.resolve("out"));
        run(dir.resolve("convert.log"), Map.of(), soffice, "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "xls:MS Excel 97",
                "--outdir", out.toString(), xlsx.toString());
        Filing f = read(out.resolve("saved.xls"));
        restructured(f);
        everyNumberWhereItIs(f, 1, 0);
        assertThat(f.findings()).filteredOn(x -> x.severity() != Severity.INFO).allMatch(x -> x.ruleId().equals("F4"));
    }

    @Test
    void rowsAndColumnsInsertedAndDeletedInLibreOfficeAreReadByLabels() throws Exception {
        String soffice = cn.nianbao.Rendering.soffice();
        Path program = Path.of(soffice).toRealPath().getParent();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Map<String, String> env = Map.of("PYTHONPATH", program.toString());
        ProcessBuilder check = new ProcessBuilder(python, "-c", "import uno").redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe.log").toFile());
        check.environment().putAll(env);
        Process p = check.start();
        boolean bridge = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        String why = "LibreOffice's Python bridge (python3-uno) is not available: " + Files.readString(dir.resolve("probe.log"));
        if (!bridge && System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.fail(why + " (.ci/run installs python3-uno)");
        }
        Assumptions.assumeTrue(bridge, why);

        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "某单位", ""), VALUES, dir.resolve("filled.xlsx"));
        String t4 = SPEC.table("t4").sheet();
        int t4Data = LAYOUT.pos("t4.review.upheld").row();
        String[][] jobs = {
            {"lo-insert-row.xlsx", "Calc MS Excel 2007 XML", T3, "insert_row", String.valueOf(ROW)},
            {"lo-delete-row.xls", "MS Excel 97", T3, "delete_row", String.valueOf(ROW)},
            {"lo-insert-column.xlsx", "Calc MS Excel 2007 XML", T3, "insert_column", String.valueOf(COL)},
            {"lo-t4.xlsx", "Calc MS Excel 2007 XML", t4, "insert_row", String.valueOf(t4Data)},
        };
        StringBuilder lines = new StringBuilder();
        for (String[] j : jobs) {
            lines.append(String.join("\t", filled.toString(), dir.resolve(j[0]).toString(), j[1], j[2], j[3], j[4])).append('\n');
        }
        Path jobFile = Files.writeString(dir.resolve("jobs.tsv"), lines);
        Path script = Path.of(RestructuredSheetTest.class.getResource("/libreoffice/edit_sheets.py").toURI());
        run(dir.resolve("edit.log"), env, python, script.toString(), soffice, dir.resolve("lo-profile").toUri().toString(),
                jobFile.toString());

        Filing inserted = read(dir.resolve("lo-insert-row.xlsx"));
        restructured(inserted);
        everyNumberWhereItIs(inserted, 1, 0);
        assertThat(inserted.findings()).filteredOn(x -> x.severity() != Severity.INFO).allMatch(x -> x.ruleId().equals("F4"));

        Filing column = read(dir.resolve("lo-insert-column.xlsx"));
        restructured(column);
        everyNumberWhereItIs(column, 0, 1);

        Filing deleted = read(dir.resolve("lo-delete-row.xls"));
        restructured(deleted);
        for (CellDef c : SPEC.inputCells()) {
            assertThat(deleted.value(c.key())).as(c.key()).isEqualTo(c.key().startsWith("t3.withheld_5.")
                    ? CellValue.BLANK : new CellValue.Num(VALUES.get(c.key()), false));
        }
        assertThat(deleted.findings()).filteredOn(x -> x.severity() == Severity.ERROR).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("5.属于三类内部事务信息"));

        Filing t4Moved = read(dir.resolve("lo-t4.xlsx"));
        assertThat(t4Moved.findings()).filteredOn(x -> x.ruleId().equals("F4")).singleElement()
                .satisfies(x -> assertThat(x.sheet()).isEqualTo(t4));
        for (CellDef c : SPEC.inputCells()) {
            assertThat(t4Moved.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(VALUES.get(c.key()), false));
        }
        assertThat(t4Moved.locations().get("t4.review.upheld").cell()).isEqualTo(new CellReference(t4Data + 1, 0).formatAsString(false));
    }
}
