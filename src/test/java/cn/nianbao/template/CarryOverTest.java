package cn.nianbao.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.TemplateLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 二、上年结转 of a new template comes from last year's 四、结转下年度继续办理, locked. */
class CarryOverTest {
    @TempDir
    Path dir;

    private Path lastYear(String format, int year) throws IOException {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        String[] cols = {"natural", "business", "research", "nonprofit", "legal", "other_org"};
        for (int i = 0; i < cols.length; i++) {
            v.put("t3.received." + cols[i], BigDecimal.valueOf(10 + i));
            v.put("t3.disclosed." + cols[i], BigDecimal.valueOf(10));
            v.put("t3.carry_forward." + cols[i], BigDecimal.valueOf(i));
        }
        return TestSupport.filled(TestSupport.request(format, year, "某局", ""), v, dir.resolve(year + ".xlsx"));
    }

    @Test
    void lastYearsCarryForwardIsPrefilledAndLocked() throws IOException {
        Filing prev = new WorkbookReader(TestSupport.FORMATS).read(lastYear("2021", 2023)).filing();
        CarryOver.Result carry = CarryOver.from(prev, TestSupport.FORMATS.get("2021"), 2024);
        assertThat(carry.warnings()).isEmpty();
        assertThat(carry.values()).hasSize(6).containsEntry("t3.carried_over.research", new BigDecimal("2"));
        TemplateLayout layout = TestSupport.FORMATS.get("2021").layout();
        try (XSSFWorkbook wb = new TemplateWriter().build(TestSupport.request("2021", 2024, "某局", "")
                .withCarriedOver(carry.values(), carry.source()))) {
            TemplateLayout.Pos p = layout.pos("t3.carried_over.research");
            Cell c = wb.getSheet(p.sheet()).getRow(p.row()).getCell(p.col());
            assertThat(c.getNumericCellValue()).isEqualTo(2.0);
            assertThat(c.getCellStyle().getLocked()).isTrue();
            TemplateLayout.Pos first = layout.pos("t3.carried_over.natural");
            assertThat(wb.getSheet(first.sheet()).getRow(first.row()).getCell(first.col()).getCellComment().getString()
                    .getString()).contains("来源：某局 2023年报表（2023.xlsx）");
            assertThat(cn.nianbao.read.IdentityReader.read(wb).prefilled()).containsEntry("t3.carried_over.research", "2");
        }
    }

    @Test
    void aFilingInThe2019FormatCarriesIntoA2021Template() throws IOException {
        Filing prev = new WorkbookReader(TestSupport.FORMATS).read(lastYear("2019", 2020)).filing();
        CarryOver.Result carry = CarryOver.from(prev, TestSupport.FORMATS.get("2021"), 2021);
        assertThat(carry.values()).containsEntry("t3.carried_over.other_org", new BigDecimal("5"));
        assertThat(carry.warnings()).isEmpty();
    }

    @Test
    void blankColumnsAndAWrongYearAreWarnedNotGuessed() throws IOException {
        Path file = TestSupport.filled(TestSupport.request("2021", 2021, "某局", ""),
                Map.of("t3.carry_forward.natural", BigDecimal.ONE), dir.resolve("p.xlsx"));
        CarryOver.Result carry = CarryOver.from(new WorkbookReader(TestSupport.FORMATS).read(file).filing(), TestSupport.FORMATS.get("2021"), 2024);
        assertThat(carry.values()).containsOnlyKeys("t3.carried_over.natural");
        assertThat(carry.warnings()).hasSize(6).first().asString().contains("2021年，不是2023年");
        assertThat(carry.warnings().get(1)).contains("“商业企业”列是空白");
    }
}
