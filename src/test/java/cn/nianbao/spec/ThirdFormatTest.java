package cn.nianbao.spec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.model.Reconciliation;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third national format is one more spec file and no code change: a modified copy of 2021.spec
 * under another id — a row added to table 三, a label reworded, its own years — goes through
 * template → fill → read → check → reconcile, beside the built-in formats.
 */
class ThirdFormatTest {
    @TempDir
    Path dir;

    private Formats withThirdFormat() throws IOException {
        String text = Files.readString(TestSupport.repo().resolve("templates/2021.spec"), StandardCharsets.UTF_8)
                .replace("format 2021", "format 2030")
                .replace("title 2021年版（国办公开办函〔2021〕30号）", "title 2030年版（测试用）")
                .replace("years 2021-", "years 2030-")
                .replace("row other_3         三、本年度办理结果>（六）其他处理>3.其他",
                        "row other_3         三、本年度办理结果>（六）其他处理>3.其他\n"
                                + "row other_4         三、本年度办理结果>（六）其他处理>4.转由其他机关处理")
                .replace("（一）予以公开", "（一）予以公开（含主动提供）")
                .replace("t3.[disclosed..other_3].{c}", "t3.[disclosed..other_4].{c}")
                .replace("t3.other_3.{c} = t3.other.{c}", "t3.other_3.{c} + t3.other_4.{c} = t3.other.{c}");
        Path spec = dir.resolve("2030.spec");
        Files.writeString(spec, text, StandardCharsets.UTF_8);
        return Formats.builtInAnd(List.of(spec));
    }

    private Path filed(Formats formats, int year, Map<String, BigDecimal> values, String name) throws IOException {
        FormatSpec spec = formats.get("2030");
        Map<String, BigDecimal> all = TestSupport.zeros(spec);
        all.putAll(values);
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new TemplateWriter().build(TemplateRequest.of(spec, year, "某局", ""))) {
            TestSupport.fill(wb, spec, all);
            TestSupport.save(wb, file);
        }
        return file;
    }

    @Test
    void aModifiedCopyOfTheSpecRunsThroughEveryStepWithNoCodeChange() throws IOException {
        Formats formats = withThirdFormat();
        assertThat(formats.ids()).containsExactly("2019", "2021", "2030");
        FormatSpec third = formats.get("2030");
        assertThat(formats.forYear(2030)).as("the newest format covering a year is its default").isSameAs(third);
        assertThat(formats.forYear(2024).id()).isEqualTo("2021");
        assertThat(third.cellKeys().size()).isEqualTo(formats.get("2021").cellKeys().size() + 7);
        assertThat(third.layout().pos("t3.other_4.natural").row()).isEqualTo(third.layout().pos("t3.other_3.natural").row() + 1);

        // Template, filled, read back: every number where it was typed, the new row included.
        Path y2030 = filed(formats, 2030, Map.of("t3.received.natural", BigDecimal.valueOf(9),
                "t3.other_4.natural", BigDecimal.valueOf(4), "t3.disclosed.natural", BigDecimal.valueOf(3),
                "t3.carry_forward.natural", BigDecimal.valueOf(2)), "2030.xlsx");
        WorkbookReader reader = new WorkbookReader(formats);
        ReadResult r = reader.read(y2030);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.spec()).isSameAs(third);
        assertThat(f.value("t3.other_4.natural").number()).isEqualByComparingTo("4");
        assertThat(f.value("t3.result_total.natural").number()).as("the new row counts in （七）总计").isEqualByComparingTo("7");
        assertThat(f.findings()).isEmpty();
        assertThat(Checker.check(f)).as("9 = 7 + 2 holds, with the new row").isEmpty();

        // A broken R3 over the new row is found at the total, both sides named.
        Path broken = filed(formats, 2030, Map.of("t3.received.natural", BigDecimal.valueOf(1),
                "t3.other_4.natural", BigDecimal.ONE), "broken.xlsx");
        Filing b = reader.read(broken).filing();
        assertThat(Checker.check(b)).isEmpty();
        XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(broken));
        TemplateLayout.Pos total = third.layout().pos("t3.result_total.natural");
        wb.getSheet(total.sheet()).getRow(total.row()).getCell(total.col()).removeFormula();
        wb.getSheet(total.sheet()).getRow(total.row()).getCell(total.col()).setCellValue(0);
        TestSupport.save(wb, broken);
        wb.close();
        List<Finding> r3 = Checker.check(reader.read(broken).filing()).stream().filter(x -> x.ruleId().equals("R3")).toList();
        assertThat(r3).singleElement().satisfies(x -> {
            assertThat(x.required()).isEqualByComparingTo("1");
            assertThat(x.held()).isEqualByComparingTo("0");
        });

        // Next year against this one: C1 across two filings of the third format.
        Path y2031 = filed(formats, 2031, Map.of("t3.carried_over.natural", BigDecimal.valueOf(5),
                "t3.disclosed.natural", BigDecimal.valueOf(5)), "2031.xlsx");
        Reconciliation rec = Reconciler.reconcile(List.of(reader.read(y2031).filing()), List.of(f), Aliases.none(), null);
        assertThat(rec.year()).isEqualTo(2031);
        assertThat(rec.matches()).hasSize(1);
        assertThat(rec.findings()).extracting(Finding::ruleId).containsExactly("C1", "C1");
        assertThat(rec.findings().get(0).required()).isEqualByComparingTo("2");
        assertThat(rec.findings().get(0).held()).isEqualByComparingTo("5");

        // The built-in readers know nothing of it, and say so.
        ReadResult unknown = new WorkbookReader(TestSupport.FORMATS).read(y2030);
        assertThat(unknown.readable()).isFalse();
        assertThat(unknown.reason()).contains("2030").contains("无法识别");
    }
}
