package cn.nianbao.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Kind;
import cn.nianbao.spec.TemplateLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Re-opens issued templates with POI and checks what a clerk can and cannot touch. */
class TemplateWriterTest {

    static XSSFWorkbook issueAndReopen(String format, String password) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TemplateWriter(Protection.withPassword(password))
                .write(TestSupport.request(format, format.equals("2019") ? 2020 : 2024, "衢州市应急管理局",
                        "11330800002618736G"), bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void everySheetIsProtectedWithThePasswordHashedOnce(String format) throws IOException {
        try (XSSFWorkbook wb = issueAndReopen(format, "机密123")) {
            assertThat(wb.isStructureLocked()).isTrue();
            assertThat(wb.validateWorkbookPassword("机密123")).isTrue();
            assertThat(wb.validateWorkbookPassword("wrong")).isFalse();
            Set<String> salts = new HashSet<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                assertThat(s.getProtect()).as(s.getSheetName()).isTrue();
                assertThat(s.validateSheetPassword("机密123")).as(s.getSheetName()).isTrue();
                salts.add(s.getCTWorksheet().getSheetProtection().xgetSaltValue().getStringValue());
            }
            assertThat(salts).as("one hash (one salt) for the whole run").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void withoutAPasswordSheetsAreStillProtected(String format) throws IOException {
        try (XSSFWorkbook wb = issueAndReopen(format, null)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.getSheetAt(i).getProtect()).isTrue();
                var prot = wb.getSheetAt(i).getCTWorksheet().getSheetProtection();
                assertThat(prot.isSetHashValue() || prot.isSetPassword()).as("no password").isFalse();
            }
            assertThat(wb.isStructureLocked()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void onlyInputCellsAreUnlockedAndEveryInputIsValidated(String format) throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        TemplateLayout layout = spec.layout();
        try (XSSFWorkbook wb = issueAndReopen(format, null)) {
            Set<String> inputs = new HashSet<>();
            for (CellDef c : spec.inputCells()) {
                TemplateLayout.Pos p = layout.pos(c.key());
                for (int col = p.col(); col <= p.lastCol(); col++) {
                    inputs.add(p.sheet() + "!" + p.row() + "," + col);
                }
            }
            // The clerk's free text: 单位说明 beside each warning-level line of 校验, the cover's 填报说明 box.
            Set<String> explanations = new HashSet<>();
            layout.checkLines().stream().filter(TemplateLayout.CheckLine::explainable).forEach(l -> explanations.add(
                    TemplateLayout.CHECK_SHEET + "!" + l.row() + "," + TemplateLayout.CHECK_NOTE_COL));
            for (int r = TemplateLayout.COVER_NOTE_ROW; r < TemplateLayout.COVER_NOTE_ROW + 5; r++) {
                explanations.add(TemplateLayout.COVER_SHEET + "!" + r + "," + TemplateLayout.COVER_NOTE_COL);
            }
            assertThat(explanations.size() - 5).as("the warning-level lines a clerk may explain")
                    .isEqualTo(spec.yearRules().stream().filter(r -> r.severity() == cn.nianbao.spec.Severity.WARNING)
                            .mapToInt(r -> r.instances().size()).sum());
            int unlocked = 0;
            int explainable = 0;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                for (Row row : s) {
                    for (Cell cell : row) {
                        String at = s.getSheetName() + "!" + cell.getRowIndex() + "," + cell.getColumnIndex();
                        boolean isInput = inputs.contains(at);
                        explainable += explanations.contains(at) ? 1 : 0;
                        assertThat(cell.getCellStyle().getLocked()).as(s.getSheetName() + " " + cell.getAddress())
                                .isEqualTo(!isInput && !explanations.contains(at));
                        unlocked += isInput ? 1 : 0;
                    }
                }
            }
            assertThat(unlocked).as("every input cell exists, blank ones included").isEqualTo(inputs.size());
            assertThat(explainable).isEqualTo(explanations.size());

            for (CellDef c : spec.cells()) {
                TemplateLayout.Pos p = layout.pos(c.key());
                XSSFSheet s = wb.getSheet(p.sheet());
                Cell cell = s.getRow(p.row()).getCell(p.col());
                if (c.isTotal()) {
                    assertThat(cell.getCellType()).as(c.key()).isEqualTo(CellType.FORMULA);
                    assertThat(WorkbookDump.validation(s, cell)).isEmpty();
                    continue;
                }
                assertThat(cell.getCellType()).as(c.key()).isEqualTo(CellType.BLANK);
                List<DataValidation> covering = s.getDataValidations().stream()
                        .filter(dv -> List.of(dv.getRegions().getCellRangeAddresses()).stream()
                                .anyMatch(r -> r.isInRange(p.row(), p.col()))).map(DataValidation.class::cast).toList();
                assertThat(covering).as(c.key()).hasSize(1);
                DataValidation dv = covering.get(0);
                assertThat(dv.getShowErrorBox()).isTrue();
                assertThat(dv.getErrorBoxText()).isNotBlank();
                DataValidationConstraint k = dv.getValidationConstraint();
                switch (c.kind()) {
                    case COUNT -> {
                        assertThat(k.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
                        assertThat(k.getOperator()).isEqualTo(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL);
                        assertThat(k.getFormula1()).isEqualTo("0");
                        assertThat(k.getFormula2()).as("no upper bound: aggregated reports exceed 2,000,000").isNullOrEmpty();
                    }
                    case MONEY -> assertThat(k.getFormula1()).contains("ROUND(").contains("," + Kind.MONEY_DECIMALS + ")");
                    case SIGNED -> assertThat(k.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void theIdentityIsRecordedInAVeryHiddenSheetAndInProperties(String format) throws IOException {
        try (XSSFWorkbook wb = issueAndReopen(format, null)) {
            int idx = wb.getSheetIndex(TemplateLayout.ID_SHEET);
            assertThat(wb.getSheetVisibility(idx)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            var id = cn.nianbao.read.IdentityReader.read(wb);
            assertThat(id.format()).isEqualTo(format);
            assertThat(id.agency()).isEqualTo("衢州市应急管理局");
            assertThat(id.code()).isEqualTo("11330800002618736G");
            assertThat(id.templateId()).isEqualTo(TestSupport.FIXED_ID);
            var custom = wb.getProperties().getCustomProperties();
            assertThat(custom.getProperty("nianbao.format").getLpwstr()).isEqualTo(format);
            assertThat(custom.getProperty("nianbao.agency").getLpwstr()).isEqualTo("衢州市应急管理局");
            // With the hidden sheet gone, the properties still identify the template.
            wb.removeSheetAt(idx);
            assertThat(cn.nianbao.read.IdentityReader.read(wb).templateId()).isEqualTo(TestSupport.FIXED_ID);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void everyRuleIsALiveCheckAndAConditionalFormat(String format) throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        try (XSSFWorkbook wb = issueAndReopen(format, null)) {
            XSSFSheet check = wb.getSheet(TemplateLayout.CHECK_SHEET);
            List<TemplateLayout.CheckLine> lines = spec.layout().checkLines();
            assertThat(lines.stream().filter(l -> !l.rule().instance().acrossYears()).map(l -> l.rule().instance()))
                    .containsExactlyElementsOf(spec.ruleInstances());
            assertThat(lines.stream().filter(l -> l.rule().instance().acrossYears()))
                    .allMatch(TemplateLayout.CheckLine::explainable);
            assertThat(check.getLastRowNum()).isEqualTo(lines.get(lines.size() - 1).row());
            String t3 = spec.table("t3").sheet();
            int t3Rules = spec.rule("R1").instances().size() + spec.rule("R2").instances().size()
                    + spec.rule("R3").instances().size();
            assertThat(wb.getSheet(t3).getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(t3Rules);
            assertThat(wb.getSheet(spec.table("t4").sheet()).getSheetConditionalFormatting().getNumConditionalFormattings())
                    .isEqualTo(3);
            // 四、结转下年度继续办理 is an input, so R1 stays a real check.
            TemplateLayout.Pos p = spec.layout().pos("t3.carry_forward.natural");
            assertThat(wb.getSheet(t3).getRow(p.row()).getCell(p.col()).getCellStyle().getLocked()).isFalse();
        }
    }

    /**
     * A cell shows what was typed: 3.5 in a count cell (an error the reader reports as 3.5) must not
     * display as 4, nor its total; likewise a pre-filled carried-over value. DataFormatter renders
     * a cell as Excel does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void countCellsShowTheDecimalsThatWereTyped(String format) throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        TemplateLayout layout = spec.layout();
        java.util.Map<String, java.math.BigDecimal> values = new java.util.LinkedHashMap<>();
        values.put("t3.received.natural", new java.math.BigDecimal("3.5"));
        TemplateRequest req = TestSupport.request(format, format.equals("2019") ? 2020 : 2024, "衢州市应急管理局", "")
                .withCarriedOver(java.util.Map.of("t3.carried_over.natural", new java.math.BigDecimal("2.25")), "上年报表");
        org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
        try (XSSFWorkbook wb = new TemplateWriter().build(req)) {
            TestSupport.fill(wb, spec, values);
            org.apache.poi.ss.usermodel.FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            for (String key : List.of("t3.received.natural", "t3.received.total", "t3.carried_over.natural")) {
                TemplateLayout.Pos p = layout.pos(key);
                Cell c = wb.getSheet(p.sheet()).getRow(p.row()).getCell(p.col());
                assertThat(shown.formatCellValue(c, eval)).as(key).isEqualTo(key.startsWith("t3.carried") ? "2.25" : "3.5");
            }
            // Every count cell, input or total, shows a typed fraction.
            for (CellDef def : spec.cells()) {
                if (def.kind() == Kind.COUNT) {
                    TemplateLayout.Pos p = layout.pos(def.key());
                    Cell c = wb.getSheet(p.sheet()).getRow(p.row()).getCell(p.col());
                    assertThat(shown.formatRawCellContents(3.5, c.getCellStyle().getDataFormat(),
                            c.getCellStyle().getDataFormatString())).as(def.key()).isEqualTo("3.5");
                }
            }
        }
    }

    /** The same in a real spreadsheet: LibreOffice, saving 表三 as text "as shown", writes 3.5 and 2.25. */
    @org.junit.jupiter.api.Test
    void libreOfficeShowsTheDecimalsThatWereTyped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        FormatSpec spec = TestSupport.FORMATS.get("2021");
        TemplateRequest req = TestSupport.request("2021", 2024, "衢州市应急管理局", "")
                .withCarriedOver(java.util.Map.of("t3.carried_over.natural", new java.math.BigDecimal("2.25")), "上年报表");
        Path file = dir.resolve("filled.xlsx");
        try (XSSFWorkbook wb = new TemplateWriter().build(req)) {
            TestSupport.fill(wb, spec, java.util.Map.of("t3.received.natural", new java.math.BigDecimal("3.5")));
            TestSupport.save(wb, file);
        }
        int sheet = 1;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            sheet += wb.getSheetIndex(spec.table("t3").sheet());
        }
        // Field options: comma, quote, UTF-8, from line 1, …, token 9 "save cell contents as shown", token 12 the sheet.
        Path csv = cn.nianbao.Rendering.convert(file,
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false," + sheet, dir.resolve("csv"));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        TemplateLayout layout = spec.layout();
        List<String> lines = text.lines().toList();
        for (String key : List.of("t3.received.natural", "t3.received.total", "t3.carried_over.natural")) {
            TemplateLayout.Pos p = layout.pos(key);
            String[] fields = lines.get(p.row()).split(",", -1);
            assertThat(fields[p.col()]).as(key + " in " + lines.get(p.row()))
                    .isEqualTo(key.startsWith("t3.carried") ? "2.25" : "3.5");
        }
    }

    /** Golden text dumps of issued templates; -Dgolden.update=true rewrites them. */
    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void theTemplateMatchesItsGoldenDump(String format) throws IOException {
        List<String> dump;
        try (XSSFWorkbook wb = issueAndReopen(format, null)) {
            dump = WorkbookDump.dump(wb);
        }
        dump = dump.stream().map(l -> l.replace(cn.nianbao.util.Version.get(), "VERSION")).toList();
        Path golden = TestSupport.repo().resolve("src/test/resources/golden/template-" + format + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, dump, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(dump).containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
    }
}
