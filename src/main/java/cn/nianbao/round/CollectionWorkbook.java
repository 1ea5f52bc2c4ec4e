package cn.nianbao.round;

import cn.nianbao.model.Filing;
import cn.nianbao.model.ItemState;
import cn.nianbao.model.RoundStatus;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.ListSheet;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.TextWidth;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataPoint;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 收集情况.xlsx: first the round's status, one row per roster agency, with counts and a chart
 * of its progress; then the discrepancy sheets (汇总, 问题清单, 跨年核对) for the current
 * submissions; then 收件明细 (every inbox item and what became of it), 无法识别 and 被替代.
 */
public final class CollectionWorkbook {
    public static final String STATUS = "收集情况";
    public static final String ITEMS = "收件明细";
    public static final String UNMATCHED = "无法识别";
    public static final String SUPERSEDED = "被替代";
    public static final List<String> STATUS_HEADER = List.of("序号", "单位名称", "统一社会信用代码", "上级单位", "联系邮箱",
            "状态", "提交时间", "是否逾期", "来源（文件或邮件）", "匹配方式", "错误", "警告", "提示", "被替代的报送", "说明",
            "已说明", "已处理");
    /** The row (0-based) of the status table's header, below the counts and the chart. */
    public static final int TABLE_ROW = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Collector.ZONE);

    private CollectionWorkbook() {
    }

    /** When an item was sent, in Beijing time, and what the time is taken from. */
    public static String time(Instant t, Inbox.TimeSource source) {
        return t == null ? "" : TIME.format(t) + "（" + source.chinese() + "）";
    }

    public static void write(Path out, Collector.Round round) throws IOException {
        XSSFWorkbook first = new XSSFWorkbook();
        status(first, round);
        DiscrepancyWorkbook.write(out, first, round.currentReports(), round.reconciled(), book -> {
            items(book, round);
            unmatched(book, round);
            superseded(book, round);
            cn.nianbao.report.SettledSheet.write(book, round.decided().settled());
        }, cn.nianbao.report.OutputGuard.Kind.COLLECTION);
    }

    private static CellStyle fill(XSSFWorkbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static void status(XSSFWorkbook wb, Collector.Round round) {
        XSSFSheet s = wb.createSheet(STATUS);
        CellStyle bold = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        bold.setFont(f);
        CellStyle title = wb.createCellStyle();
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title.setFont(big);
        CellStyle header = fill(wb, IndexedColors.GREY_25_PERCENT);
        header.setFont(f);
        CellStyle green = fill(wb, IndexedColors.LIGHT_GREEN);
        CellStyle yellow = fill(wb, IndexedColors.LIGHT_YELLOW);
        CellStyle rose = fill(wb, IndexedColors.ROSE);
        CellStyle grey = fill(wb, IndexedColors.GREY_25_PERCENT);

        text(s.createRow(0), 0, round.year() + "年政府信息公开工作年度报告统计表收集情况", title);
        long read = round.count(ItemState.CURRENT) + round.count(ItemState.SUPERSEDED);
        text(s.createRow(1), 0, "截止日期：" + round.deadline() + "（北京时间当日24时前）；表格格式：" + round.spec().title()
                + "；收件 " + round.submissions().size() + " 份 = 读取 " + read + " + 无法读取 " + round.count(ItemState.UNREADABLE)
                + " + 无法识别 " + round.count(ItemState.UNMATCHED) + " + 跳过 " + round.count(ItemState.SKIPPED)
                + "（读取的 " + read + " 份中被替代 " + round.count(ItemState.SUPERSEDED) + " 份）", null);
        Row h = s.createRow(3);
        // In columns B and C, which the table below makes wide enough for the labels.
        text(h, 1, "状态", header);
        text(h, 2, "单位数", header);
        RoundStatus[] order = {RoundStatus.PASSED, RoundStatus.WARNINGS, RoundStatus.ERRORS,
            RoundStatus.UNREADABLE, RoundStatus.MISSING};
        int r = 4;
        for (RoundStatus st : order) {
            Row x = s.createRow(r++);
            text(x, 1, st.chinese(), null);
            x.createCell(2).setCellValue(round.count(st));
        }
        long submitted = round.agencies().stream().filter(a -> a.status().submitted()).count();
        long late = round.agencies().stream().filter(Collector.AgencyStatus::late).count();
        Row sum = s.createRow(r++);
        text(sum, 1, "名册单位合计", bold);
        sum.createCell(2).setCellValue(round.agencies().size());
        Row sub = s.createRow(r++);
        text(sub, 1, "其中已提交", bold);
        sub.createCell(2).setCellValue(submitted);
        Row lt = s.createRow(r);
        text(lt, 1, "其中逾期提交", bold);
        lt.createCell(2).setCellValue(late);
        chart(s, round, submitted, order.length);

        Row th = s.createRow(TABLE_ROW);
        int[] widths = new int[STATUS_HEADER.size()];
        for (int c = 0; c < STATUS_HEADER.size(); c++) {
            text(th, c, STATUS_HEADER.get(c), header);
            widths[c] = TextWidth.of(STATUS_HEADER.get(c));
        }
        int row = TABLE_ROW + 1;
        int n = 1;
        for (Collector.AgencyStatus a : round.agencies()) {
            Row x = s.createRow(row++);
            List<String> v = new ArrayList<>();
            Collector.Submission cur = a.current();
            v.add(null);
            v.add(a.agency().name());
            v.add(a.agency().code());
            v.add(a.agency().parent());
            v.add(a.agency().email());
            v.add(a.status().chinese());
            v.add(cur == null ? "" : time(cur.item().time(), cur.item().timeSource()));
            v.add(cur == null ? "" : a.late() ? "逾期" : "按时");
            v.add(cur == null ? "" : cur.item().origin());
            v.add(cur == null ? "" : cur.matchedBy().chinese());
            for (int c = 0; c < v.size(); c++) {
                if (v.get(c) != null) {
                    text(x, c, v.get(c), null);
                    widths[c] = Math.max(widths[c], TextWidth.of(v.get(c)));
                }
            }
            x.createCell(0).setCellValue(n++);
            // Open findings; those the clerk explained and those a supervisor let stand are counted apart (15, 16).
            x.createCell(10).setCellValue(a.open(Severity.ERROR));
            x.createCell(11).setCellValue(a.open(Severity.WARNING));
            x.createCell(15).setCellValue(a.explained());
            x.createCell(16).setCellValue(a.decided());
            x.createCell(12).setCellValue(a.count(Severity.INFO));
            x.createCell(13).setCellValue(a.superseded().size());
            String note = note(a);
            text(x, 14, note, null);
            widths[14] = Math.max(widths[14], TextWidth.of(note));
            x.getCell(5).setCellStyle(switch (a.status()) {
                case PASSED -> green;
                case WARNINGS -> yellow;
                case ERRORS, UNREADABLE -> rose;
                case MISSING -> grey;
            });
            if (a.late()) {
                x.getCell(7).setCellStyle(rose);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, Math.min(80, Math.max(8, widths[c] + 2)) * 256);
        }
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setAutoFilter(new CellRangeAddress(TABLE_ROW, Math.max(TABLE_ROW, row - 1), 0, STATUS_HEADER.size() - 1));
    }

    /** What the supervisor should know about one agency, in a sentence or two. */
    static String note(Collector.AgencyStatus a) {
        List<String> parts = new ArrayList<>();
        switch (a.status()) {
            case MISSING -> parts.add(!a.sentForOthers().isEmpty() ? "没有本单位自己的报表"
                    : !a.skipped().isEmpty() ? "未收到报表（收到的见下）" : "未收到报送");
            case UNREADABLE -> parts.add("无法读取：" + a.current().report().read().reason());
            case ERRORS -> parts.add("有错误，请退回改正（见问题清单）");
            case WARNINGS -> parts.add("有警告，请核对（见问题清单）");
            case PASSED -> { }
        }
        parts.addAll(a.notes());
        return String.join("；", parts);
    }

    private static void chart(XSSFSheet s, Collector.Round round, long submitted, int categories) {
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 4, 2, 10, 19);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("收集进度：名册 " + round.agencies().size() + " 个单位，已提交 " + submitted + " 个");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(4, 3 + categories, 1, 1));
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(s,
                new CellRangeAddress(4, 3 + categories, 2, 2));
        long most = 0;
        for (int i = 0; i < categories; i++) {
            most = Math.max(most, (long) s.getRow(4 + i).getCell(2).getNumericCellValue());
        }
        // Counts of agencies: whole-number steps (1, 2, 5, 10, 20, 50 …, at most 10 of them), never 0.5.
        long step = wholeStep(most);
        y.setMinimum(0);
        y.setMaximum(Math.max(step, (most + step - 1) / step * step));
        y.setMajorUnit(step);
        y.setNumberFormat("0");
        // POI links the format to the source cells (General), which would show 0.5 again.
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(true);
        XDDFChartData.Series series = data.addSeries(names, counts);
        series.setTitle("单位数", null);
        // Explicit fills: without them a reader without the workbook's theme (LibreOffice: POI writes
        // none) draws no bars at all. The colours are the status cells' (通过 / 有警告 / 有错误 /
        // 无法读取 / 未提交), with a dark outline so the light ones stand out from the white.
        for (int i = 0; i < categories; i++) {
            XDDFDataPoint point = series.getDataPoint(i);
            point.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BAR_COLOURS[i % BAR_COLOURS.length])));
            XDDFLineProperties outline = new XDDFLineProperties(
                    new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) 0x59, (byte) 0x59, (byte) 0x59})));
            outline.setWidth(0.75);
            point.setLineProperties(outline);
        }
        chart.plot(data);
    }

    /** RGB of IndexedColors LIGHT_GREEN, LIGHT_YELLOW, ROSE, ROSE, GREY_25_PERCENT, as in the status column. */
    private static final byte[][] BAR_COLOURS = {
        {(byte) 0xCC, (byte) 0xFF, (byte) 0xCC},
        {(byte) 0xFF, (byte) 0xFF, (byte) 0x99},
        {(byte) 0xFF, (byte) 0x99, (byte) 0xCC},
        {(byte) 0xFF, (byte) 0x99, (byte) 0xCC},
        {(byte) 0xC0, (byte) 0xC0, (byte) 0xC0},
    };

    /** The smallest of 1, 2, 5, 10, 20, 50 … that covers {@code most} in at most 10 steps. */
    static long wholeStep(long most) {
        long base = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (most <= 10 * m * base) {
                    return m * base;
                }
            }
            base *= 10;
        }
    }

    private static Cell text(Row r, int c, String v, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(v == null ? "" : v);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private static void items(ListSheet.Book book, Collector.Round round) throws IOException {
        ListSheet s = book.sheet(ITEMS, List.of("收件箱文件", "附件或条目", "发件人", "邮件主题",
                "时间", "处理", "认定单位", "匹配方式", "是否逾期", "文件状态", "错误", "警告", "说明", "读取的文件"));
        for (Collector.Submission x : round.submissions()) {
            s.row();
            s.text(0, x.item().inboxFile());
            s.text(1, x.item().member());
            s.text(2, x.item().sender());
            s.text(3, x.item().subject());
            s.text(4, time(x.item().time(), x.item().timeSource()));
            s.text(5, x.state().chinese(), x.state() == ItemState.UNREADABLE || x.state() == ItemState.UNMATCHED);
            s.text(6, x.agency() == null ? "" : x.agency().name());
            s.text(7, x.matchedBy() == null ? "" : x.matchedBy().chinese());
            s.text(8, x.agency() == null || x.item().time() == null ? "" : x.late() ? "逾期" : "按时");
            FileReport rep = x.report();
            FileReport own = rep.forAgency();
            s.text(9, own.status().chinese());
            s.number(10, BigDecimal.valueOf(own.count(Severity.ERROR)));
            s.number(11, BigDecimal.valueOf(own.count(Severity.WARNING)));
            List<String> notes = new ArrayList<>();
            if (!rep.read().readable()) {
                notes.add(rep.read().reason());
            }
            if (!x.note().isEmpty()) {
                notes.add(x.note());
            }
            notes.addAll(x.item().notes());
            s.text(12, String.join("；", notes));
            s.text(13, x.item().file() == null ? "" : x.item().file().toString());
        }
        s.finish(true);
    }

    private static void unmatched(ListSheet.Book book, Collector.Round round) throws IOException {
        ListSheet s = book.sheet(UNMATCHED, List.of("收件箱文件", "附件或条目", "发件人",
                "时间", "报表中的单位", "报表中的统一社会信用代码", "报表年度", "说明", "读取的文件"));
        for (Collector.Submission x : round.submissions()) {
            if (x.state() != ItemState.UNMATCHED) {
                continue;
            }
            Filing f = x.report().read().filing();
            s.row();
            s.text(0, x.item().inboxFile());
            s.text(1, x.item().member());
            s.text(2, x.item().sender());
            s.text(3, time(x.item().time(), x.item().timeSource()));
            s.text(4, f.agency());
            s.text(5, f.identity().code());
            s.number(6, BigDecimal.valueOf(f.year()));
            s.text(7, x.note());
            s.text(8, x.item().file().toString());
        }
        s.finish(true);
    }

    private static void superseded(ListSheet.Book book, Collector.Round round) throws IOException {
        ListSheet s = book.sheet(SUPERSEDED, List.of("单位名称", "被替代的报送", "时间",
                "文件状态", "错误", "替代它的报送（当前）", "当前报送的时间"));
        for (Collector.AgencyStatus a : round.agencies()) {
            for (Collector.Submission x : a.superseded()) {
                s.row();
                s.text(0, a.agency().name());
                s.text(1, x.item().origin());
                s.text(2, time(x.item().time(), x.item().timeSource()));
                s.text(3, x.report().status().chinese());
                s.number(4, BigDecimal.valueOf(x.report().count(Severity.ERROR)));
                s.text(5, a.current().item().origin());
                s.text(6, time(a.current().item().time(), a.current().item().timeSource()));
            }
        }
        s.finish(true);
    }
}
