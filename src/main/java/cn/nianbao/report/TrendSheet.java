package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.spec.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 历年趋势 sheet: for every year of the run, the totals over all agencies' filings of that year
 * (one per agency: a second filing of one year, D1, is not added twice) — received, carried over,
 * carried forward, 行政复议, 行政诉讼 — with how many filed, how many did not, and how many had
 * errors; below the table a line chart of four of them. The table is a list sheet like the others
 * ({@link XlsxLists}); the chart is drawn by POI on a sheet of the same name and layout, and its
 * drawing and chart parts are put into the workbook beside the list ({@link ChartParts}). The lines
 * have explicit colours: a reader without the workbook's theme (LibreOffice: none is written) would
 * draw none.
 */
final class TrendSheet {
    static final List<String> HEADER = List.of("年度", "报表份数", "缺报单位数", "有错误的报表", "本年新收", "上年结转",
            "结转下年", "行政复议", "行政诉讼", "说明");
    /** The figures summed, in the table's columns from 本年新收 on. */
    private static final KeyFigures[] SUMMED = {KeyFigures.RECEIVED, KeyFigures.CARRIED_OVER, KeyFigures.CARRY_FORWARD,
        KeyFigures.REVIEW, KeyFigures.LITIGATION};
    private static final int FIRST_FIGURE = 4;
    /** The columns drawn, and each line's colour (RGB). */
    private static final int[] CHARTED = {4, 5, 7, 8};
    private static final byte[][] COLOURS = {
        {(byte) 0x1F, (byte) 0x77, (byte) 0xB4},
        {(byte) 0xFF, (byte) 0x7F, (byte) 0x0E},
        {(byte) 0x2C, (byte) 0xA0, (byte) 0x2C},
        {(byte) 0xD6, (byte) 0x27, (byte) 0x28},
    };
    /** How many rows the chart is tall. */
    private static final int CHART_ROWS = 22;

    /** One year's row: filings, agencies without one, filings with errors, the sums (null: all blank), the note. */
    private record Year(int year, int filed, int missing, int errors, BigDecimal[] sums, String note) {
    }

    private final History history;
    private final List<Year> years = new ArrayList<>();
    private final String footnote;

    TrendSheet(History history, List<FileReport> files) {
        this.history = history;
        Map<String, FileReport> byFile = new HashMap<>();
        files.forEach(f -> byFile.put(f.read().file(), f));
        int count = history.firstYear() == 0 ? 0 : history.lastYear() - history.firstYear() + 1;
        for (int i = 0; i < count; i++) {
            int year = history.firstYear() + i;
            int filed = 0;
            int errors = 0;
            BigDecimal[] sums = new BigDecimal[SUMMED.length];
            int[] blanks = new int[SUMMED.length];
            for (History.Chain c : history.chains()) {
                Filing x = c.filing(year);
                if (x == null) {
                    continue;
                }
                filed++;
                FileReport rep = byFile.get(x.file());
                errors += rep != null && rep.count(Severity.ERROR) > 0 ? 1 : 0;
                for (int k = 0; k < SUMMED.length; k++) {
                    BigDecimal v = SUMMED[k].of(x);
                    if (v == null) {
                        blanks[k]++;
                    } else {
                        sums[k] = sums[k] == null ? v : sums[k].add(v);
                    }
                }
            }
            List<String> notes = new ArrayList<>();
            for (int k = 0; k < SUMMED.length; k++) {
                if (blanks[k] > 0) {
                    notes.add(HEADER.get(FIRST_FIGURE + k) + "有 " + blanks[k] + " 份空白，未计入");
                }
            }
            years.add(new Year(year, filed, history.chains().size() - filed, errors, sums, String.join("；", notes)));
        }
        long filings = history.chains().stream().mapToLong(c -> c.years().size()).sum();
        footnote = "全部 " + history.chains().size() + " 个单位合计，历年报表 " + filings + " 份；每个单位每年只计一份报表"
                + "（同一年度的第二份见问题清单 D1）；空白不计入合计（空白不等于 0）；总计按分项重新计算";
    }

    /** The table, then a note: written as a list sheet (the chart goes below it, {@link #chart()}). */
    void write(ListSheet.Book book) throws IOException {
        ListSheet s = book.sheet(DiscrepancyWorkbook.TREND, HEADER);
        for (Year y : years) {
            s.row();
            s.number(0, BigDecimal.valueOf(y.year()));
            s.number(1, BigDecimal.valueOf(y.filed()));
            s.number(2, BigDecimal.valueOf(y.missing()), y.missing() > 0);
            s.number(3, BigDecimal.valueOf(y.errors()), y.errors() > 0);
            for (int k = 0; k < SUMMED.length; k++) {
                s.number(FIRST_FIGURE + k, y.sums()[k]);
            }
            s.text(HEADER.size() - 1, y.note());
        }
        s.row();
        s.text(HEADER.size() - 1, footnote);
        s.finish(false);
    }

    private String span() {
        return history.firstYear() == history.lastYear() ? Integer.toString(history.firstYear())
                : history.firstYear() + "–" + history.lastYear();
    }

    /**
     * The chart below the table, as POI draws it on a sheet with the same cells where the list has
     * them (the chart refers to the cells and caches their values); null when there is no year.
     */
    ChartParts chart() throws IOException {
        if (years.isEmpty()) {
            return null;
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet(DiscrepancyWorkbook.TREND);
            Row h = s.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                h.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int i = 0; i < years.size(); i++) {
                Row r = s.createRow(1 + i);
                r.createCell(0).setCellValue(years.get(i).year());
                for (int k = 0; k < SUMMED.length; k++) {
                    BigDecimal v = years.get(i).sums()[k];
                    if (v != null) {
                        r.createCell(FIRST_FIGURE + k).setCellValue(v.doubleValue());
                    }
                }
            }
            draw(s);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            return parts(bytes.toByteArray());
        }
    }

    /** A line per charted column over the years, below the table and its note. */
    private void draw(XSSFSheet s) {
        int top = years.size() + 3;
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, HEADER.size() - 1, top + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("历年趋势：全部单位合计（" + span() + "年）");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        y.setNumberFormat("#,##0");
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
        int from = 1;
        int to = years.size();
        XDDFDataSource<Double> cats = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(from, to, 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        for (int i = 0; i < CHARTED.length; i++) {
            int col = CHARTED[i];
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(s,
                    new CellRangeAddress(from, to, col, col));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(cats, values);
            series.setTitle(HEADER.get(col), new CellReference(s.getSheetName(), 0, col, true, true));
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS[i])));
            line.setWidth(2.25);
            series.setLineProperties(line);
        }
        chart.plot(data);
    }

    /** The drawing, its relationships and the chart, as POI wrote them. */
    private static ChartParts parts(byte[] workbook) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        byte[] drawing = parts.get("xl/drawings/drawing1.xml");
        byte[] rels = parts.get("xl/drawings/_rels/drawing1.xml.rels");
        byte[] chart = parts.get("xl/charts/chart1.xml");
        if (drawing == null || rels == null || chart == null) {
            throw new IllegalStateException("POI wrote the chart to other parts than expected: " + parts.keySet());
        }
        return new ChartParts(drawing, rels, chart);
    }
}
