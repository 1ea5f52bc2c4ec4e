package cn.nianbao.report;

import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.TextWidth;
import cn.nianbao.util.Xml;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * A workbook of list sheets written straight as SpreadsheetML, for lists of any length: each
 * sheet's rows stream to a temporary file (a sheet's column widths must precede its rows, and are
 * known only at its end), and the parts are zipped at the fastest deflate level when the content
 * is complete. Same look as the POI-written lists — bold grey header, frozen header row, rose
 * fill for bad cells, blue underlined links, autofilter, wrapped free text, landscape one page
 * wide with the header on every page — without loading POI's document model,
 * which costs a command most of a second before its first row. Text cells are inline strings,
 * never formulas; text is escaped as POI's sheet writer escapes it ({@link Xml}).
 */
public final class XlsxLists implements ListSheet.Book {
    /** What goes into the workbook, sheet after sheet. */
    @FunctionalInterface
    public interface Content {
        void write(ListSheet.Book book) throws IOException;
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** The custom document property that names which of this tool's outputs a workbook is. */
    public static final String OUTPUT_PROPERTY = "nianbao.output";

    /** Style indexes in styles.xml. */
    private static final int HEADER = 1;
    private static final int BAD = 2;
    private static final int LINK = 3;
    /** The style of a cell in a column that wraps, by the style it would have otherwise (4–6 wrap). */
    private static final int[] WRAPPING = {4, HEADER, 5, 6};

    private final List<Rows> sheets = new ArrayList<>();
    private Rows open;
    private String kind;
    /** A chart on the first sheet, or null. */
    private ChartParts chart;

    private XlsxLists() {
    }

    /** Writes the workbook {@code content} makes to {@code out} whole, or not at all. */
    public static void write(Path out, Content content) throws IOException {
        write(out, null, content);
    }

    /**
     * Writes the workbook {@code content} makes to {@code out} whole, or not at all, marked in its
     * custom document properties as this tool's output of {@code kind} (null: unmarked).
     */
    public static void write(Path out, String kind, Content content) throws IOException {
        write(out, kind, null, content);
    }

    /**
     * As {@link #write(Path, String, Content)}, with {@code chart} (may be null) drawn on the first
     * sheet: its drawing and chart parts as POI wrote them for a sheet of that name and layout.
     */
    static void write(Path out, String kind, ChartParts chart, Content content) throws IOException {
        XlsxLists book = new XlsxLists();
        book.kind = kind;
        book.chart = chart;
        try {
            content.write(book);
            if (book.open != null) {
                throw new IllegalStateException("sheet " + book.open.name + " was not finished");
            }
            AtomicFiles.write(out, book::zip);
        } finally {
            for (Rows s : book.sheets) {
                s.discard();
            }
        }
    }

    @Override
    public ListSheet sheet(String name, List<String> header) throws IOException {
        if (open != null) {
            throw new IllegalStateException("sheet " + open.name + " was not finished");
        }
        open = new Rows(name, header);
        sheets.add(open);
        open.row();
        for (int c = 0; c < header.size(); c++) {
            open.cell(c, header.get(c), HEADER);
        }
        return open;
    }

    /** One sheet's rows, written to a temporary file as they come. */
    private final class Rows implements ListSheet {
        final String name;
        final int[] widths;
        final String[] columns;
        final List<String> header;
        final boolean[] wrap;
        final Path file;
        final Writer sink;
        /** The row being written: its height is known only at its end, and comes first. */
        final RowChars out = new RowChars();
        int rows;
        int lastCol = -1;
        int lines = 1;
        boolean filter;
        /** Dropdowns by column: the dataValidations the sheet ends with. */
        final java.util.Map<Integer, List<String>> dropdowns = new java.util.TreeMap<>();

        Rows(String name, List<String> header) throws IOException {
            int width = header.size();
            this.name = name;
            this.widths = new int[width];
            this.columns = new String[width];
            this.header = List.copyOf(header);
            this.wrap = new boolean[width];
            for (int c = 0; c < width; c++) {
                columns[c] = CellReference.convertNumToColString(c);
                wrap[c] = ListSheet.wraps(header.get(c));
            }
            this.file = Files.createTempFile("nianbao-rows-", ".xml");
            this.sink = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 16);
        }

        @Override
        public void row() throws IOException {
            if (rows > 0) {
                endRow();
            }
            rows++;
            lastCol = -1;
            lines = 1;
        }

        private void endRow() throws IOException {
            sink.write("<row r=\"");
            sink.write(Integer.toString(rows));
            if (lines > 1) {
                sink.write("\" ht=\"");
                sink.write(Float.toString(lines * ListSheet.LINE_HEIGHT));
                sink.write("\" customHeight=\"1");
            }
            sink.write("\">");
            sink.write(out.chars, 0, out.length);
            sink.write("</row>");
            out.length = 0;
        }

        private void start(int col, int style, String type) throws IOException {
            if (col <= lastCol || col >= columns.length) {
                throw new IllegalArgumentException("column " + col + " out of order in sheet " + name);
            }
            lastCol = col;
            out.write("<c r=\"");
            out.write(columns[col]);
            out.write(Integer.toString(rows));
            if (wrap[col]) {
                style = WRAPPING[style];
            }
            if (style != 0) {
                out.write("\" s=\"");
                out.write(Integer.toString(style));
            }
            out.write("\" t=\"");
            out.write(type);
            out.write("\">");
        }

        void cell(int col, String v, int style) throws IOException {
            start(col, style, "inlineStr");
            out.write(v.isEmpty() || v.strip().length() == v.length() ? "<is><t>" : "<is><t xml:space=\"preserve\">");
            Xml.escape(v, out);
            out.write("</t></is></c>");
            int w = TextWidth.of(v);
            widths[col] = Math.max(widths[col], w);
            if (wrap[col]) {
                lines = Math.max(lines, ListSheet.lines(header.get(col), v, w));
            }
        }

        @Override
        public void text(int col, String v, boolean bad) throws IOException {
            if (v != null) {
                cell(col, v, bad ? BAD : 0);
            }
        }

        @Override
        public void number(int col, BigDecimal v, boolean bad) throws IOException {
            if (v != null) {
                start(col, bad ? BAD : 0, "n");
                out.write("<v>");
                out.write(Double.toString(v.doubleValue()));
                out.write("</v></c>");
                widths[col] = Math.max(widths[col], v.toPlainString().length());
            }
        }

        @Override
        public void link(int col, String target, String shown) throws IOException {
            String formula = ListSheet.hyperlink(target, shown);
            if (formula == null) {
                cell(col, shown, 0);
                return;
            }
            start(col, LINK, "str");
            out.write("<f>");
            Xml.escape(formula, out);
            out.write("</f><v>");
            Xml.escape(shown, out);
            out.write("</v></c>");
            int w = TextWidth.of(shown);
            widths[col] = Math.max(widths[col], w);
            if (wrap[col]) {
                lines = Math.max(lines, ListSheet.lines(header.get(col), shown, w));
            }
        }

        @Override
        public void dropdown(int col, List<String> choices) {
            dropdowns.put(col, List.copyOf(choices));
        }

        @Override
        public void finish(boolean filter) throws IOException {
            if (open != this) {
                throw new IllegalStateException("sheet " + name + " is not the one being written");
            }
            endRow();
            sink.close();
            this.filter = filter && rows > 1;
            open = null;
        }

        String range() {
            return "A1:" + columns[columns.length - 1] + rows;
        }

        void discard() throws IOException {
            sink.close();
            Files.deleteIfExists(file);
        }
    }

    /** A growable, unsynchronised character buffer to write one row into. */
    private static final class RowChars extends Writer {
        char[] chars = new char[1024];
        int length;

        private void room(int n) {
            if (length + n > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
        }

        @Override
        public void write(int c) {
            room(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] c, int off, int n) {
            room(n);
            System.arraycopy(c, off, chars, length, n);
            length += n;
        }

        @Override
        public void write(String s, int off, int n) {
            room(n);
            s.getChars(off, off + n, chars, length);
            length += n;
        }

        @Override
        public void write(String s) {
            write(s, 0, s.length());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private void zip(OutputStream os) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        entry(zip, w, "[Content_Types].xml");
        w.write(XML_HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            w.write("<Override PartName=\"/xl/worksheets/sheet" + i + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        if (chart != null) {
            w.write("<Override PartName=\"/xl/drawings/drawing1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"
                    + "<Override PartName=\"/xl/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>");
        }
        if (kind != null) {
            w.write("<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>");
        }
        w.write("</Types>");
        entry(zip, w, "_rels/.rels");
        w.write(XML_HEAD + "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
                + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + (kind == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + REL + "/custom-properties\" Target=\"docProps/custom.xml\"/>")
                + "</Relationships>");
        if (kind != null) {
            entry(zip, w, "docProps/custom.xml");
            w.write(XML_HEAD + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
                    + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                    + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"" + OUTPUT_PROPERTY + "\"><vt:lpwstr>");
            Xml.escape(kind, w);
            w.write("</vt:lpwstr></property></Properties>");
        }
        entry(zip, w, "xl/workbook.xml");
        w.write(XML_HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView/></bookViews><sheets>");
        for (int i = 1; i <= sheets.size(); i++) {
            w.write("<sheet name=\"");
            Xml.escape(sheets.get(i - 1).name, w);
            w.write("\" sheetId=\"" + i + "\" r:id=\"rId" + i + "\"/>");
        }
        w.write("</sheets>");
        boolean names = false;
        for (int i = 0; i < sheets.size(); i++) {
            Rows s = sheets.get(i);
            if (s.filter) {
                w.write(names ? "" : "<definedNames>");
                names = true;
                w.write("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + i + "\" hidden=\"1\">");
                Xml.escape("'" + s.name.replace("'", "''") + "'!" + absolute(s), w);
                w.write("</definedName>");
            }
        }
        for (int i = 0; i < sheets.size(); i++) {
            // Print titles: the header row on every printed page.
            w.write(names ? "" : "<definedNames>");
            names = true;
            w.write("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"" + i + "\">");
            Xml.escape("'" + sheets.get(i).name.replace("'", "''") + "'!$1:$1", w);
            w.write("</definedName>");
        }
        // The links' display text is computed when the workbook opens.
        w.write((names ? "</definedNames>" : "") + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
        entry(zip, w, "xl/_rels/workbook.xml.rels");
        w.write(XML_HEAD + "<Relationships xmlns=\"" + PKG_REL + "\">");
        for (int i = 1; i <= sheets.size(); i++) {
            w.write("<Relationship Id=\"rId" + i + "\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet" + i + ".xml\"/>");
        }
        w.write("<Relationship Id=\"rId" + (sheets.size() + 1) + "\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/></Relationships>");
        entry(zip, w, "xl/styles.xml");
        w.write(XML_HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><u/><sz val=\"11\"/><color indexed=\"12\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
                + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"22\"/><bgColor indexed=\"64\"/></patternFill></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"45\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                // 4–6: plain, bad and link in a column that wraps
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        for (int i = 1; i <= sheets.size(); i++) {
            Rows s = sheets.get(i - 1);
            entry(zip, w, "xl/worksheets/sheet" + i + ".xml");
            w.write(XML_HEAD + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                    + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"" + s.range()
                    + "\"/><sheetViews><sheetView workbookViewId=\"0\"" + (i == 1 ? " tabSelected=\"1\"" : "")
                    + "><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
            for (int c = 0; c < s.widths.length; c++) {
                w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\""
                        + ListSheet.width(s.header.get(c), s.widths[c]) + (s.wrap[c] ? "\" style=\"" + WRAPPING[0] : "")
                        + "\" customWidth=\"1\"/>");
            }
            w.write("</cols><sheetData>");
            w.flush();
            Files.copy(s.file, zip);
            w.write("</sheetData>" + (s.filter ? "<autoFilter ref=\"" + s.range() + "\"/>" : "") + PoiLists.validations(s.dropdowns)
                    + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                    + "<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
                    + (i == 1 && chart != null ? "<drawing r:id=\"rId1\"/>" : "") + "</worksheet>");
        }
        if (chart != null && !sheets.isEmpty()) {
            entry(zip, w, "xl/worksheets/_rels/sheet1.xml.rels");
            w.write(XML_HEAD + "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
                    + "/drawing\" Target=\"../drawings/drawing1.xml\"/></Relationships>");
            w.flush();
            zip.putNextEntry(new ZipEntry("xl/drawings/drawing1.xml"));
            zip.write(chart.drawing());
            zip.putNextEntry(new ZipEntry("xl/drawings/_rels/drawing1.xml.rels"));
            zip.write(chart.drawingRels());
            zip.putNextEntry(new ZipEntry("xl/charts/chart1.xml"));
            zip.write(chart.chart());
        }
        w.flush();
        zip.finish();
    }

    private static String absolute(Rows s) {
        return "$A$1:$" + s.columns[s.columns.length - 1] + "$" + s.rows;
    }

    private static void entry(ZipOutputStream zip, Writer w, String name) throws IOException {
        w.flush();
        zip.putNextEntry(new ZipEntry(name));
    }
}
