package cn.nianbao.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per rule, valid and invalid (fixtures/rules/RULE.valid.case, RULE.invalid.case; the
 * 2019 format's in fixtures/rules/2019/). A case fills a template (every input 0 unless it says
 * otherwise), edits it as a clerk or another tool might, and lists exactly the findings it must
 * produce and where. A valid case must produce none.
 *
 * <p>Lines: {@code format F} (this year's format, 2021 unless given), {@code prev-format F} (last
 * year's, the same unless given), {@code year N} (this year; 2024 for 2021, 2020 for 2019; last
 * year is N − 1), {@code set KEY N}, {@code text KEY T} (typed as text), {@code blank KEY},
 * {@code formula KEY F}, {@code stored KEY N} (a total typed over its formula, then recalculated
 * as Excel would), {@code prefill KEY N} (issued with last year's carry-forward),
 * {@code drop-sheet TABLE}, {@code label KEY COLUMN_OFFSET TEXT}, {@code prev KEY N} (last year's
 * filing, all other inputs 0), {@code expect RULE KEY [COLUMN_OFFSET] [应为=N] [实为=N]} or
 * {@code expect RULE -}. 应为/实为 ("-" for none) pin both sides of the finding: 应为 is what the rule
 * requires of the cell the finding names, 实为 what that cell holds, for every rule alike.
 */
class RuleCaseTest {
    private static final Path RULES = TestSupport.fixtures().resolve("rules");

    @TempDir
    Path dir;

    /** This year's format and layout, for the case being run. */
    private FormatSpec spec;
    private TemplateLayout layout;

    static Stream<Named<Path>> cases() throws IOException {
        return Stream.concat(TestSupport.fixtureFiles("rules", ".case"), TestSupport.fixtureFiles("rules/2019", ".case"))
                .map(p -> Named.of(RULES.relativize(p).toString(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCaseProducesExactlyItsFindings(Path file) throws IOException {
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        String format = setting(text, "format", "2021");
        String prevFormat = setting(text, "prev-format", format);
        int year = Integer.parseInt(setting(text, "year", format.equals("2019") ? "2020" : "2024"));
        spec = TestSupport.FORMATS.get(format);
        layout = spec.layout();
        List<String[]> lines = new ArrayList<>();
        Map<String, String> sides = new LinkedHashMap<>();
        for (String l : text) {
            if (!l.isBlank() && !l.strip().startsWith("#")) {
                String[] w = l.strip().split("\\s+", 4);
                if (w[0].equals("expect")) {
                    // expect RULE KEY [OFFSET] [应为=N|-] [实为=N|-]
                    List<String> t = new ArrayList<>(List.of(l.strip().split("\\s+")));
                    String want = t.stream().filter(x -> x.startsWith("应为=") || x.startsWith("实为=")).reduce((a, b) -> a + " " + b)
                            .orElse(null);
                    t.removeIf(x -> x.startsWith("应为=") || x.startsWith("实为="));
                    w = t.toArray(String[]::new);
                    if (want != null) {
                        sides.put(w[1] + "@" + (w[2].equals("-") ? "-" : a1(w[2], w.length > 3 ? w[3] : "0")), want);
                    }
                }
                lines.add(w);
            }
        }
        List<String> expected = new ArrayList<>();
        Map<String, BigDecimal> prev = new LinkedHashMap<>();
        Map<String, BigDecimal> prefill = new LinkedHashMap<>();
        for (String[] w : lines) {
            switch (w[0]) {
                case "expect" -> expected.add(w[1] + "@" + (w[2].equals("-") ? "-" : a1(w[2], w.length > 3 ? w[3] : "0")));
                case "prev" -> prev.put(w[1], new BigDecimal(w[2]));
                case "prefill" -> prefill.put(w[1], new BigDecimal(w[2]));
                default -> { }
            }
        }
        String name = file.getFileName().toString();
        if (file.getParent().getFileName().toString().equals("2019")) {
            assertThat(List.of(spec.id(), prevFormat)).as("a case in rules/2019 involves the 2019 format").contains("2019");
        }
        assertThat(name.contains(".valid.") ? expected.isEmpty() : !expected.isEmpty())
                .as("a valid case expects nothing; an invalid case expects its rule").isTrue();
        if (name.contains(".invalid.")) {
            assertThat(expected).as("the invalid case produces its own rule's finding")
                    .anyMatch(e -> e.startsWith(name.substring(0, name.indexOf('.')) + "@"));
        }

        Filing cur = read(build(TestSupport.request(format, year, "某局", "").withCarriedOver(prefill, "上年报表"), lines),
                "cur");
        assertThat(cur.spec().id()).isEqualTo(format);
        List<Finding> findings = new ArrayList<>(cur.findings());
        findings.addAll(Checker.check(cur));
        if (!prev.isEmpty()) {
            Map<String, BigDecimal> last = TestSupport.zeros(TestSupport.FORMATS.get(prevFormat));
            last.putAll(prev);
            Path p = TestSupport.filled(TestSupport.request(prevFormat, year - 1, "某局", ""), last, dir.resolve("prev.xlsx"));
            Filing before = new WorkbookReader(TestSupport.FORMATS).read(p).filing();
            assertThat(before.spec().id()).isEqualTo(prevFormat);
            findings.addAll(Checker.acrossYears(cur, before));
        }
        List<String> actual = findings.stream()
                .map(f -> f.ruleId() + "@" + (f.cell() == null ? "-" : f.sheet() + "!" + f.cell())).sorted().toList();
        assertThat(actual).as(findings.toString()).containsExactlyElementsOf(expected.stream().sorted().toList());
        // 应为 is what the rule requires of the cell the finding names, 实为 what that cell holds — for every rule.
        sides.forEach((at, want) -> {
            Finding f = findings.stream().filter(x -> (x.ruleId() + "@" + (x.cell() == null ? "-" : x.sheet() + "!" + x.cell()))
                    .equals(at)).findFirst().orElseThrow();
            assertThat("应为=" + plain(f.required()) + " 实为=" + plain(f.held())).as(at + " " + f.message()).isEqualTo(want);
        });
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.toPlainString();
    }

    /** The value of a {@code NAME VALUE} line, or {@code otherwise}. */
    private static String setting(List<String> text, String name, String otherwise) {
        return text.stream().map(String::strip).filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length()).strip())
                .reduce((a, b) -> {
                    throw new IllegalArgumentException("two " + name + " lines");
                }).orElse(otherwise);
    }

    private String a1(String key, String offset) {
        TemplateLayout.Pos p = layout.pos(key);
        return p.sheet() + "!" + new CellReference(p.row(), p.col() + Integer.parseInt(offset)).formatAsString(false);
    }

    private XSSFWorkbook build(TemplateRequest req, List<String[]> lines) {
        XSSFWorkbook wb = new TemplateWriter().build(req);
        Map<String, BigDecimal> zeros = TestSupport.zeros(spec);
        zeros.keySet().removeAll(req.carriedOver().keySet());
        TestSupport.fill(wb, spec, zeros);
        for (String[] w : lines) {
            switch (w[0]) {
                case "set" -> at(wb, w[1]).setCellValue(Double.parseDouble(w[2]));
                case "text" -> at(wb, w[1]).setCellValue(w[2]);
                case "blank" -> at(wb, w[1]).setBlank();
                case "formula" -> at(wb, w[1]).setCellFormula(w[2]);
                case "stored" -> {
                    Cell c = at(wb, w[1]);
                    c.removeFormula();
                    c.setCellValue(Double.parseDouble(w[2]));
                }
                case "label" -> {
                    TemplateLayout.Pos p = layout.pos(w[1]);
                    wb.getSheet(p.sheet()).getRow(p.row()).getCell(p.col() + Integer.parseInt(w[2])).setCellValue(w[3]);
                }
                case "expect", "prev", "prefill", "drop-sheet", "format", "prev-format", "year" -> { }
                default -> throw new IllegalArgumentException("unknown case line " + w[0]);
            }
        }
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        // Dropped last: other sheets' formulas refer to it (Excel would show #REF!).
        lines.stream().filter(w -> w[0].equals("drop-sheet"))
                .forEach(w -> wb.removeSheetAt(wb.getSheetIndex(spec.table(w[1]).sheet())));
        return wb;
    }

    private Cell at(XSSFWorkbook wb, String key) {
        TemplateLayout.Pos p = layout.pos(key);
        return TestSupport.cell(wb.getSheet(p.sheet()), p.row(), p.col());
    }

    private Filing read(XSSFWorkbook wb, String name) throws IOException {
        Path file = dir.resolve(name + ".xlsx");
        try (wb) {
            TestSupport.save(wb, file);
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        return r.filing();
    }
}
