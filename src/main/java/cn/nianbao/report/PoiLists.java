package cn.nianbao.report;

import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Xml;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * List sheets written by POI's streaming writer (SXSSF) after the sheets a workbook already holds
 * — the backend for a list workbook whose first sheet POI must write (the collection workbook's
 * chart). The same look as {@link XlsxLists}, which writes lists without POI; a test compares the
 * two cell by cell.
 */
final class PoiLists {
    private PoiLists() {
    }

    /**
     * Writes {@code first} (its rows are kept in memory, so small sheets only) and then the list
     * sheets {@code content} adds to {@code out}, whole or not at all, marked in its custom
     * document properties as this tool's output of {@code kind}.
     */
    static void write(Path out, XSSFWorkbook first, String kind, XlsxLists.Content content) throws IOException {
        first.getProperties().getCustomProperties().addProperty(XlsxLists.OUTPUT_PROPERTY, kind);
        try (SXSSFWorkbook wb = new FastZip(first)) {
            Styles st = new Styles(wb);
            content.write((name, header) -> new Sheet(wb, name, header, st));
            wb.setForceFormulaRecalculation(true); // the links' display text is computed on open
            AtomicFiles.write(out, wb::write);
        }
    }

    /**
     * A streaming workbook for a province's lists (tens of megabytes of repetitive XML): zipped at
     * the fastest deflate level, which compresses them barely worse than the default but several
     * times faster, and with text escaped a run at a time instead of a code point at a time.
     */
    private static final class FastZip extends SXSSFWorkbook {
        FastZip(XSSFWorkbook first) {
            super(first, 200);
        }

        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.SheetDataWriter(getSharedStringSource()) {
                @Override
                protected void outputEscapedString(String s) throws IOException {
                    Xml.escape(s, _out);
                }
            };
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                java.io.OutputStream stream) {
            org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** The cell styles every sheet of a POI-written list workbook shares. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle bad;
        final CellStyle link;
        /** The same three in a column of long free text, wrapped. */
        final CellStyle wrap;
        final CellStyle badWrap;
        final CellStyle linkWrap;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            bad = wb.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            link = wb.createCellStyle();
            Font blue = wb.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            link.setFont(blue);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            badWrap = wb.createCellStyle();
            badWrap.cloneStyleFrom(bad);
            badWrap.setWrapText(true);
            linkWrap = wb.createCellStyle();
            linkWrap.cloneStyleFrom(link);
            linkWrap.setWrapText(true);
        }
    }

    /** A list sheet through POI's streaming writer; tracks column widths as rows are written. */
    private static final class Sheet implements ListSheet {
        final SXSSFSheet sheet;
        final Styles st;
        final int[] widths;
        final List<String> header;
        final boolean[] wrap;
        Row row;
        int next;
        int lines;

        Sheet(SXSSFWorkbook wb, String name, List<String> header, Styles st) {
            this.sheet = wb.createSheet(name);
            this.st = st;
            this.widths = new int[header.size()];
            this.header = List.copyOf(header);
            this.wrap = new boolean[header.size()];
            for (int c = 0; c < header.size(); c++) {
                wrap[c] = ListSheet.wraps(header.get(c));
            }
            row();
            for (int c = 0; c < header.size(); c++) {
                text(c, header.get(c), false);
                row.getCell(c).setCellStyle(st.header);
            }
            sheet.createFreezePane(0, 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        }

        @Override
        public void row() {
            row = sheet.createRow(next++);
            lines = 1;
        }

        /** Makes the row tall enough for a wrapped text (the raw writer does the same). */
        private void fit(int c, String v, int w) {
            int n = ListSheet.lines(header.get(c), v, w);
            if (n > lines) {
                lines = n;
                row.setHeightInPoints(n * ListSheet.LINE_HEIGHT);
            }
        }

        @Override
        public void text(int c, String v, boolean bad) {
            if (v != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(v); // a string cell, never a formula, whatever the text starts with
                int w = cn.nianbao.util.TextWidth.of(v);
                widths[c] = Math.max(widths[c], w);
                if (bad || wrap[c]) {
                    cell.setCellStyle(bad ? wrap[c] ? st.badWrap : st.bad : st.wrap);
                }
                if (wrap[c]) {
                    fit(c, v, w);
                }
            }
        }

        @Override
        public void number(int c, BigDecimal v, boolean bad) {
            if (v != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(v.doubleValue());
                widths[c] = Math.max(widths[c], v.toPlainString().length());
                if (bad || wrap[c]) {
                    cell.setCellStyle(bad ? wrap[c] ? st.badWrap : st.bad : st.wrap);
                }
            }
        }

        @Override
        public void link(int c, String target, String shown) {
            text(c, shown, false);
            String formula = ListSheet.hyperlink(target, shown);
            if (formula != null) {
                row.getCell(c).setCellFormula(formula);
                row.getCell(c).setCellStyle(wrap[c] ? st.linkWrap : st.link);
            }
        }

        @Override
        public void dropdown(int c, List<String> choices) {
            var helper = sheet.getDataValidationHelper();
            var v = helper.createValidation(helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                    new org.apache.poi.ss.util.CellRangeAddressList(1, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getLastRowIndex(), c, c));
            v.setShowErrorBox(true);
            sheet.addValidationData(v);
        }

        @Override
        public void finish(boolean filter) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, ListSheet.width(header.get(c), widths[c]) * 256);
                if (wrap[c]) {
                    sheet.setDefaultColumnStyle(c, st.wrap);
                }
            }
            if (filter && next > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, next - 1, 0, widths.length - 1));
            }
        }
    }

    /** The dataValidations element of dropdowns by column (XlsxLists writes it as text); empty when none. */
    static String validations(java.util.Map<Integer, List<String>> dropdowns) {
        if (dropdowns.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<dataValidations count=\"" + dropdowns.size() + "\">");
        dropdowns.forEach((c, choices) -> {
            String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            b.append("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"").append(col)
                    .append("2:").append(col).append("1048576\"><formula1>\"")
                    .append(cn.nianbao.util.Xml.escape(String.join(",", choices))).append("\"</formula1></dataValidation>");
        });
        return b.append("</dataValidations>").toString();
    }
}
