package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.model.RoundStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress chart of 收集情况.xlsx as a reader sees it: bars that show, counts in whole numbers. */
class CollectionWorkbookTest {
    @TempDir
    Path tmp;

    /** A round of five agencies: one passed, one with errors, three missing. */
    private Path workbook() throws IOException {
        Path roster = tmp.resolve("名册.csv");
        Files.writeString(roster, """
                单位名称,统一社会信用代码,联系邮箱,上级单位,别名
                甲县财政局,,czj@example.cn,,
                甲县教育局,,jyj@example.cn,,
                甲县水利局,,slj@example.cn,,
                甲县审计局,,sjj@example.cn,,
                甲县统计局,,tjj@example.cn,,
                """);
        Path inbox = Files.createDirectories(tmp.resolve("收件"));
        Path good = TestSupport.filled(TestSupport.request("2021", 2024, "甲县财政局", ""), CollectorTest.values(1),
                inbox.resolve("a.xlsx"));
        Map<String, BigDecimal> bad = CollectorTest.values(1);
        bad.put("t3.received.natural", BigDecimal.valueOf(5));
        Path wrong = TestSupport.filled(TestSupport.request("2021", 2024, "甲县教育局", ""), bad, inbox.resolve("b.xlsx"));
        CollectorTest.at(good, LocalDateTime.of(2025, 1, 10, 9, 0));
        CollectorTest.at(wrong, LocalDateTime.of(2025, 1, 10, 9, 0));
        Collector.Round round = new Collector(TestSupport.FORMATS, Roster.load(roster), 2024, CollectorTest.SPEC, LocalDate.of(2025, 1, 31))
                .collect(Inbox.open(inbox, tmp.resolve("附件")), null, 2, n -> { });
        assertThat(round.count(RoundStatus.PASSED)).isEqualTo(1);
        assertThat(round.count(RoundStatus.ERRORS)).isEqualTo(1);
        assertThat(round.count(RoundStatus.MISSING)).isEqualTo(3);
        Path out = tmp.resolve("out/收集情况.xlsx");
        CollectionWorkbook.write(out, round);
        return out;
    }

    @Test
    void barsHaveExplicitFillsAndTheCountAxisStepsByWholeNumbers() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook()))) {
            XSSFChart chart = wb.getSheet(CollectionWorkbook.STATUS).getDrawingPatriarch().getCharts().get(0);
            XDDFChartData.Series series = chart.getChartSeries().get(0).getSeries(0);
            for (int i = 0; i < 5; i++) {
                assertThat(series.getDataPoint(i).getShapeProperties()).as("bar " + i + " has its own shape").isNotNull();
                assertThat(series.getDataPoint(i).getShapeProperties().getFillProperties()).as("bar " + i)
                        .isInstanceOf(XDDFSolidFillProperties.class);
            }
            XDDFValueAxis y = null;
            for (XDDFChartAxis a : chart.getAxes()) {
                if (a instanceof XDDFValueAxis v) {
                    y = v;
                }
            }
            assertThat(y).isNotNull();
            assertThat(y.isSetMajorUnit()).as("major unit set").isTrue();
            assertThat(y.getMajorUnit()).isGreaterThanOrEqualTo(1.0);
            assertThat(y.getMajorUnit() % 1).isZero();
            assertThat(y.getNumberFormat()).isEqualTo("0");
            assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().getSourceLinked()).isFalse();
        }
    }

    @Test
    void wholeStepsStayFewForLargeRounds() {
        assertThat(CollectionWorkbook.wholeStep(0)).isEqualTo(1);
        assertThat(CollectionWorkbook.wholeStep(3)).isEqualTo(1);
        assertThat(CollectionWorkbook.wholeStep(10)).isEqualTo(1);
        assertThat(CollectionWorkbook.wholeStep(11)).isEqualTo(2);
        assertThat(CollectionWorkbook.wholeStep(45)).isEqualTo(5);
        assertThat(CollectionWorkbook.wholeStep(3000)).isEqualTo(500);
    }

    /** Rendered by LibreOffice: coloured bars above the status table, and no 0.5 on the count axis. */
    @Test
    void libreOfficeDrawsTheBars() throws Exception {
        Path pdf = Rendering.convert(workbook(), "pdf", tmp.resolve("pdf"));
        BufferedImage page = Rendering.page(pdf, 1, 50);
        // The status table's grey header row spans the printed width (the page is fitted to the table's
        // width, so how much of the paper that is depends on the fonts); the counts and the chart are above it.
        int right = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = page.getWidth() - 1; x > right; x--) {
                if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    right = x;
                }
            }
        }
        int tableTop = -1;
        for (int y = 0; y < page.getHeight() && tableTop < 0; y++) {
            int grey = 0;
            for (int x = 0; x <= right; x++) {
                grey += Rendering.near(page.getRGB(x, y), 0xC0C0C0) ? 1 : 0;
            }
            if (grey > right * 0.6) {
                tableTop = y;
            }
        }
        assertThat(tableTop).as("the status table's header row on page 1").isPositive();
        int coloured = 0;
        for (int y = 0; y < tableTop; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                coloured += Rendering.coloured(page.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertThat(coloured).as("coloured pixels of the bars above the status table").isGreaterThan(30);
        String text = Rendering.text(pdf);
        assertThat(text).contains("收集进度").doesNotContain("0.5", "1.5", "2.5");
    }
}
