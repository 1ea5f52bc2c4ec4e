package cn.nianbao.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A template from the batch is the workbook the writer makes, cell for cell. */
class TemplateBatchTest {
    @TempDir
    Path dir;

    static Stream<TemplateRequest> requests() {
        Map<String, BigDecimal> carried = Map.of("t3.carried_over.natural", new BigDecimal("3"),
                "t3.carried_over.legal", new BigDecimal("12"), "t3.carried_over.business", BigDecimal.ZERO);
        return Stream.of(
                TestSupport.request("2021", 2024, "衢州市应急管理局", "11330800002618736G"),
                TestSupport.request("2021", 2024, "A&B <局> \"引号\" 'x'", ""),
                // Pasted from a spreadsheet cell: a line break as Windows writes it, and a tab.
                TestSupport.request("2021", 2024, "甲局\r\n（二级单位）\t乙科", ""),
                TestSupport.request("2019", 2020, "尖山区应急管理局", ""),
                TestSupport.request("2021", 2025, "焦作市应急管理局", "").withCarriedOver(carried, "焦作市应急管理局 2024年报表（a&b.xlsx）"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void aBatchTemplateEqualsTheWrittenOne(TemplateRequest req) throws Exception {
        TemplateBatch batch = new TemplateBatch(Protection.none());
        Path stamped = dir.resolve("stamped.xlsx");
        Path built = dir.resolve("built.xlsx");
        batch.write(TestSupport.request("2021", 2024, "先来的单位", "").withFixedId("x", "y"), dir.resolve("other.xlsx"));
        batch.write(req, stamped);
        new TemplateWriter().write(req, built);
        List<String> a;
        List<String> b;
        try (XSSFWorkbook x = new XSSFWorkbook(stamped.toFile()); XSSFWorkbook y = new XSSFWorkbook(built.toFile())) {
            a = WorkbookDump.dump(x);
            b = WorkbookDump.dump(y);
            assertThat(x.getProperties().getCoreProperties().getTitle()).isEqualTo(y.getProperties().getCoreProperties().getTitle());
        }
        assertThat(a).containsExactlyElementsOf(b);

        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(stamped);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.agency()).isEqualTo(req.agency());
        assertThat(f.identity().code()).isEqualTo(req.code());
        assertThat(f.identity().prefillSource()).isEqualTo(req.carriedOverSource());
        req.carriedOver().forEach((k, v) -> {
            assertThat(f.value(k).number()).as(k).isEqualByComparingTo(v);
            assertThat(f.identity().prefilled().get(k)).isEqualTo(v.toPlainString());
        });
        assertThat(f.findings()).isEmpty();
    }
}
