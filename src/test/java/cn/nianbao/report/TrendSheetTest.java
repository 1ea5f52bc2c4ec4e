package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.reconcile.YearChains;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 历年趋势 sheet of a reconciliation over several years: totals per year, and a line chart a reader sees. */
class TrendSheetTest {
    @TempDir
    Path tmp;

    /** Three agencies over 2019–2024, numbers growing year by year so that every line rises. */
    private Path workbook() throws IOException {
        WorkbookReader reader = new WorkbookReader(TestSupport.FORMATS);
        List<Filing> filings = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (String agency : List.of("甲局", "乙局", "丙局")) {
            long forward = 0;
            for (int year = 2019; year <= 2024; year++) {
                String format = TestSupport.FORMATS.forYear(year).id();
                Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get(format));
                long received = 10L * (year - 2017);
                long next = year - 2018;
                v.put("t3.received.natural", BigDecimal.valueOf(received));
                v.put("t3.carried_over.natural", BigDecimal.valueOf(forward));
                v.put("t3.disclosed.natural", BigDecimal.valueOf(received + forward - next));
                v.put("t3.carry_forward.natural", BigDecimal.valueOf(next));
                v.put("t4.review.upheld", BigDecimal.valueOf(year - 2016));
                v.put("t4.suit_direct.corrected", BigDecimal.valueOf(2L * (year - 2018)));
                forward = next;
                Path f = TestSupport.filled(TestSupport.request(format, year, agency, ""), v,
                        Files.createDirectories(tmp.resolve("in")).resolve(agency + "-" + year + ".xlsx"));
                Filing filing = reader.read(f).filing();
                filings.add(filing);
                reports.add(new FileReport(reader.read(f), List.of()));
            }
        }
        History h = YearChains.build(filings, Aliases.none(), YearChains.Span.ALL, 2027);
        assertThat(h.findings()).isEmpty();
        Path out = tmp.resolve("out/历年核对.xlsx");
        DiscrepancyWorkbook.writeYears(out, reports, h);
        return out;
    }

    @Test
    void totalsPerYearAndFourLinesWithTheirOwnColours() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("历年趋势");
            var s = wb.getSheet("历年趋势");
            // 2024: three agencies, 本年新收 3 × 70, 上年结转 3 × 5, 行政复议 3 × 8, 行政诉讼 3 × 12.
            var row = s.getRow(6);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2024);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(210);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(15);
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(24);
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(36);
            XSSFChart chart = s.getDrawingPatriarch().getCharts().get(0);
            List<XDDFChartData.Series> series = chart.getChartSeries().get(0).getSeriesCount() == 4
                    ? seriesOf(chart.getChartSeries().get(0)) : List.of();
            assertThat(chart.getChartSeries().get(0)).isInstanceOf(XDDFLineChartData.class);
            assertThat(series).hasSize(4);
            for (XDDFChartData.Series x : series) {
                assertThat(x.getShapeProperties().getLineProperties().getFillProperties())
                        .isInstanceOf(XDDFSolidFillProperties.class);
            }
        }
    }

    /** Pixels of the page within 40 of {@code rgb} in each channel (lines are drawn anti-aliased). */
    private static int near(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                boolean close = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    close &= Math.abs(((p >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) <= 40;
                }
                n += close ? 1 : 0;
            }
        }
        return n;
    }

    private static List<XDDFChartData.Series> seriesOf(XDDFChartData data) {
        List<XDDFChartData.Series> out = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            out.add(data.getSeries(i));
        }
        return out;
    }

    /** Rendered by LibreOffice: the four lines in their colours below the table, the legend named. */
    @Test
    void libreOfficeDrawsTheLines() throws Exception {
        Path pdf = Rendering.convert(workbook(), "pdf", tmp.resolve("pdf"));
        BufferedImage page = Rendering.page(pdf, 1, 60);
        // Each line in its own colour (written into the chart: LibreOffice has no theme to take one from).
        for (int rgb : new int[] {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728}) {
            assertThat(near(page, rgb)).as("pixels of the line coloured %06X", rgb).isGreaterThan(40);
        }
        String text = Rendering.text(pdf);
        assertThat(text).contains("历年趋势").contains("本年新收").contains("上年结转").contains("行政复议").contains("行政诉讼");
    }
}
