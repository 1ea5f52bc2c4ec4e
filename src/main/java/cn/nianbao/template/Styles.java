package cn.nianbao.template;

import cn.nianbao.spec.Kind;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of a template, made once per workbook: grey labels, white unlocked inputs,
 * blue totals, yellow carried-over values, all in 宋体 and the General number format.
 */
final class Styles {
    final CellStyle title;
    final CellStyle hint;
    final CellStyle block;
    final CellStyle header;
    final CellStyle rowLabel;
    final CellStyle text;
    final CellStyle note;
    final CellStyle centered;
    final CellStyle inputCount;
    final CellStyle inputMoney;
    final CellStyle totalCount;
    final CellStyle totalMoney;
    final CellStyle prefilled;
    /** A clerk's free text (说明, 填报说明): unlocked, wrapped, from the top left. */
    final CellStyle explain;

    Styles(XSSFWorkbook wb) {
        Font normal = font(wb, false, 11);
        Font bold = font(wb, true, 11);
        Font big = font(wb, true, 14);
        Font small = font(wb, false, 9);
        small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        // Counts too are General, which shows what was typed: with "0", a mistyped 3.5 (V3)
        // would display as 4 while our message says 3.5. Data validation still asks for integers.
        short general = wb.createDataFormat().getFormat("General");
        title = style(wb, big, false, null, HorizontalAlignment.LEFT, true, general);
        title.setBorderBottom(BorderStyle.NONE);
        hint = style(wb, small, false, null, HorizontalAlignment.LEFT, true, general);
        block = style(wb, bold, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.LEFT, true, general);
        header = style(wb, normal, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.CENTER, true, general);
        rowLabel = style(wb, normal, true, IndexedColors.GREY_25_PERCENT, HorizontalAlignment.LEFT, true, general);
        text = style(wb, normal, true, null, HorizontalAlignment.LEFT, true, general);
        note = style(wb, normal, false, null, HorizontalAlignment.LEFT, true, general);
        centered = style(wb, normal, true, null, HorizontalAlignment.CENTER, true, general);
        inputCount = style(wb, normal, true, null, HorizontalAlignment.RIGHT, false, general);
        inputMoney = style(wb, normal, true, null, HorizontalAlignment.RIGHT, false, general);
        totalCount = style(wb, normal, true, IndexedColors.PALE_BLUE, HorizontalAlignment.RIGHT, true, general);
        totalMoney = style(wb, normal, true, IndexedColors.PALE_BLUE, HorizontalAlignment.RIGHT, true, general);
        prefilled = style(wb, normal, true, IndexedColors.LIGHT_YELLOW, HorizontalAlignment.RIGHT, true, general);
        explain = style(wb, normal, true, null, HorizontalAlignment.LEFT, false, general);
        explain.setVerticalAlignment(VerticalAlignment.TOP);
    }

    CellStyle input(Kind k) {
        return k == Kind.MONEY ? inputMoney : inputCount;
    }

    CellStyle total(Kind k) {
        return k == Kind.MONEY ? totalMoney : totalCount;
    }

    private static Font font(XSSFWorkbook wb, boolean bold, int points) {
        Font f = wb.createFont();
        f.setFontName("宋体");
        f.setBold(bold);
        f.setFontHeightInPoints((short) points);
        return f;
    }

    private static CellStyle style(XSSFWorkbook wb, Font font, boolean border, IndexedColors fill,
                                   HorizontalAlignment align, boolean locked, short format) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        if (fill != null) {
            s.setFillForegroundColor(fill.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        s.setLocked(locked);
        s.setDataFormat(format);
        return s;
    }
}
