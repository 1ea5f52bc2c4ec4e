package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.History;
import cn.nianbao.spec.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
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
 * errors, and a line chart of four of them. Written with POI (the chart), so it is the workbook's
 * first sheet and the lists stream after it. The lines have explicit colours: a reader without the
 * workbook's theme (LibreOffice: POI writes none) would draw none.
 */
final class TrendSheet {
    /** The row (0-based) of the table's header, below the title and the summary line. */
    static final int TABLE_ROW = 3;
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

    private TrendSheet() {
    }

    /** A workbook holding the sheet alone, to which the list sheets are then added. */
    static XSSFWorkbook workbook(History history, List<FileReport> files) {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet(DiscrepancyWorkbook.TREND);
        Map<String, FileReport> byFile = new HashMap<>();
        files.forEach(f -> byFile.put(f.read().file(), f));
        CellStyle bold = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        bold.setFont(f);
        CellStyle title = wb.createCellStyle();
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title.setFont(big);
        CellStyle header = wb.createCellStyle();
        header.setFont(f);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        int years = history.firstYear() == 0 ? 0 : history.lastYear() - history.firstYear() + 1;
        text(s.createRow(0), 0, "历年趋势：全部单位合计" + (years == 0 ? "" : "（" + span(history) + "年）"), title);
        long filings = history.chains().stream().mapToLong(c -> c.years().size()).sum();
        text(s.createRow(1), 0, "单位 " + history.chains().size() + " 个，历年报表 " + filings + " 份；每个单位每年只计一份报表"
                + "（同一年度的第二份见问题清单 D1），空白不计入合计（空白不等于 0）；总计按分项重新计算", null);
        Row h = s.createRow(TABLE_ROW);
        int[] widths = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            text(h, c, HEADER.get(c), header);
            widths[c] = cn.nianbao.util.TextWidth.of(HEADER.get(c));
        }
        for (int i = 0; i < years; i++) {
            int year = history.firstYear() + i;
            Row r = s.createRow(TABLE_ROW + 1 + i);
            r.createCell(0).setCellValue(year);
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
            r.createCell(1).setCellValue(filed);
            r.createCell(2).setCellValue(history.chains().size() - filed);
            r.createCell(3).setCellValue(errors);
            List<String> notes = new ArrayList<>();
            for (int k = 0; k < SUMMED.length; k++) {
                if (sums[k] != null) {
                    r.createCell(FIRST_FIGURE + k).setCellValue(sums[k].doubleValue());
                    widths[FIRST_FIGURE + k] = Math.max(widths[FIRST_FIGURE + k], sums[k].toPlainString().length());
                }
                if (blanks[k] > 0) {
                    notes.add(HEADER.get(FIRST_FIGURE + k) + "有 " + blanks[k] + " 份空白，未计入");
                }
            }
            String note = String.join("；", notes);
            text(r, HEADER.size() - 1, note, null);
            widths[HEADER.size() - 1] = Math.max(widths[HEADER.size() - 1], cn.nianbao.util.TextWidth.of(note));
        }
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, Math.min(80, Math.max(8, widths[c] + 2)) * 256);
        }
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        if (years > 0) {
            chart(s, history, years);
        }
        return wb;
    }

    private static String span(History h) {
        return h.firstYear() == h.lastYear() ? Integer.toString(h.firstYear()) : h.firstYear() + "–" + h.lastYear();
    }

    /** A line per charted column over the years, below the table. */
    private static void chart(XSSFSheet s, History history, int years) {
        int top = TABLE_ROW + years + 2;
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 9, top + 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("历年趋势：全部单位合计（" + span(history) + "年）");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        y.setNumberFormat("#,##0");
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
        int from = TABLE_ROW + 1;
        int to = TABLE_ROW + years;
        XDDFDataSource<Double> cats = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(from, to, 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        for (int i = 0; i < CHARTED.length; i++) {
            int col = CHARTED[i];
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(s,
                    new CellRangeAddress(from, to, col, col));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(cats, values);
            series.setTitle(HEADER.get(col), new CellReference(s.getSheetName(), TABLE_ROW, col, true, true));
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS[i])));
            line.setWidth(2.25);
            series.setLineProperties(line);
        }
        chart.plot(data);
    }

    private static Cell text(Row r, int c, String v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v == null ? "" : v);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }
}
