package cn.nianbao.read;

import cn.nianbao.model.Identity;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.util.NumberText;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A {@link Grid} over an .xlsx read in one streaming pass: the parts are found straight from the
 * zip ({@link XlsxParts}), only the sheets asked for are parsed ({@link Sax}), up to the last row
 * needed, with a raw-value handler (no styles, no formula parsing). Everything is read in the
 * constructor.
 */
final class StreamingXlsx implements Grid {
    private final Map<String, Cells> sheets = new HashMap<>();
    private final Map<String, String> identity;
    private final boolean macros;

    /** Rows of the identity sheet read at most (it holds about 20). */
    private static final int ID_ROWS = 200;

    /**
     * Parses the wanted sheets of {@code zip} (name to the last 0-based row needed) and the identity
     * sheet; rows past the last one needed are not parsed.
     */
    StreamingXlsx(ZipBytes zip, Map<String, Integer> wanted) throws IOException {
        this(zip, wanted, Map.of());
    }

    /**
     * As above; a sheet with a probe in {@code prefixOnly} is inflated only as far as its last row
     * needed (when its rows carry their numbers; otherwise, or when the prefix does not parse,
     * whole), and parsed only when its probe finds a cell it looks for may hold something
     * (otherwise it is there, with no cells).
     */
    StreamingXlsx(ZipBytes zip, Map<String, Integer> wanted, Map<String, CellProbe> prefixOnly) throws IOException {
        XlsxParts parts = new XlsxParts(zip);
        SharedStrings strings = null;
        if (parts.sharedStrings() != null) {
            try (InputStream in = parts.open(parts.sharedStrings())) {
                strings = in == null ? null : SharedStrings.read(in);
            } catch (SAXException e) {
                throw new IOException("共享字符串表不是有效的 XML：" + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, String> e : parts.sheets().entrySet()) {
            String name = e.getKey();
            Integer lastRow = name.equals(TemplateLayout.ID_SHEET) ? Integer.valueOf(ID_ROWS) : wanted.get(name);
            if (lastRow != null) {
                try (InputStream in = parts.open(e.getValue())) {
                    if (in != null) {
                        sheets.put(name, prefixOnly.containsKey(name) ? parsePrefix(in, strings, lastRow, prefixOnly.get(name))
                                : parse(in, strings, lastRow));
                    }
                } catch (SAXException x) {
                    throw new IOException("工作表“" + name + "”不是有效的 XML：" + x.getMessage(), x);
                }
            }
        }
        identity = identityOf(parts);
        macros = parts.hasMacros();
    }

    private Map<String, String> identityOf(XlsxParts parts) throws IOException {
        Cells id = sheets.get(TemplateLayout.ID_SHEET);
        Map<String, String> m = new LinkedHashMap<>();
        if (id != null) {
            for (int r = 0; id.get(r, 0).type() != RawCell.Type.BLANK; r++) {
                m.put(id.get(r, 0).display().strip(), id.get(r, 1).display().strip());
            }
        }
        if (Identity.isOurs(m) || parts.customProperties() == null) {
            return m;
        }
        // No identity sheet: the same entries are in docProps/custom.xml as nianbao.* properties.
        return parts.parse(parts.customProperties(), () -> new DefaultHandler() {
            final Map<String, String> props = new LinkedHashMap<>();
            private String name;
            private final StringBuilder text = new StringBuilder();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (localName.equals("property")) {
                    name = a.getValue("name");
                }
                text.setLength(0);
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (localName.equals("lpwstr") && name != null && name.startsWith(Identity.PROPERTY_PREFIX)) {
                    props.put(name.substring(Identity.PROPERTY_PREFIX.length()), text.toString());
                }
            }
        }).props;
    }

    /** A sheet's cells up to a last row: an array per row, no hashing. */
    static final class Cells {
        private final RawCell[][] rows;

        Cells(int lastRow) {
            rows = new RawCell[lastRow + 1][];
        }

        void put(int row, int col, RawCell c) {
            if (row < 0 || row >= rows.length || col < 0 || col > 16383) {
                return;
            }
            RawCell[] r = rows[row];
            if (r == null || col >= r.length) {
                RawCell[] grown = new RawCell[Math.max(col + 1, r == null ? 16 : r.length * 2)];
                if (r != null) {
                    System.arraycopy(r, 0, grown, 0, r.length);
                }
                rows[row] = r = grown;
            }
            r[col] = c;
        }

        RawCell get(int row, int col) {
            RawCell[] r = row >= 0 && row < rows.length ? rows[row] : null;
            RawCell c = r != null && col >= 0 && col < r.length ? r[col] : null;
            return c == null ? RawCell.EMPTY : c;
        }
    }

    @Override
    public boolean hasSheet(String name) {
        return sheets.containsKey(name);
    }

    @Override
    public RawCell cell(String sheet, int row, int col) {
        Cells s = sheets.get(sheet);
        return s == null ? RawCell.EMPTY : s.get(row, col);
    }

    @Override
    public Map<String, String> identityEntries() {
        return identity;
    }

    @Override
    public boolean hasMacros() {
        return macros;
    }

    private static Cells parse(InputStream in, SharedStrings strings, int lastRow) throws IOException, SAXException {
        return Sax.parse(in, () -> new Handler(strings, new Cells(lastRow), lastRow)).cells;
    }

    /**
     * A sheet's rows up to {@code lastRow}, inflating only as far as the start tag of the row after
     * it, and parsing them only when {@code probe} (null: always) finds they may hold what is looked
     * for. Whatever the prefix does not answer (no row numbers, a prefix that does not parse) is
     * answered by the whole sheet.
     */
    static Cells parsePrefix(InputStream in, SharedStrings strings, int lastRow, CellProbe probe)
            throws IOException, SAXException {
        byte[] marker = ("<row r=\"" + (lastRow + 2) + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buf = new byte[4096];
        int n = 0;
        int at = -1;
        int cut = -1;
        while (cut < 0) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, n, Math.min(1024, buf.length - n)); // a little at a time: inflate no more than needed
            if (r < 0) {
                break;
            }
            int from = n;
            n += r;
            if (at < 0) {
                at = indexOf(buf, n, marker, Math.max(0, from - marker.length));
                from = at < 0 ? n : at + marker.length;
            }
            for (int k = from; at >= 0 && k < n; k++) {
                if (buf[k] == '>') {
                    cut = k + 1; // the whole start tag of the row after the last one needed
                    break;
                }
            }
        }
        if (cut > 0) {
            if (probe != null && !probe.mayHoldValue(buf, cut)) {
                return new Cells(0); // nothing typed where it is looked for: no parse
            }
            try {
                return parse(new java.io.ByteArrayInputStream(buf, 0, cut), strings, lastRow);
            } catch (IOException | SAXException | RuntimeException e) {
                // a prefix this reader cannot end cleanly: read the whole sheet
            }
        }
        return parse(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, 0, n), in), strings, lastRow);
    }

    private static int indexOf(byte[] b, int n, byte[] m, int from) {
        byte first = m[0];
        for (int i = from; i <= n - m.length; i++) {
            if (b[i] != first) {
                continue;
            }
            int k = 1;
            while (k < m.length && b[i + k] == m[k]) {
                k++;
            }
            if (k == m.length) {
                return i;
            }
        }
        return -1;
    }

    /** Collects every cell of a sheet as a {@link RawCell}: type from t=, value from v or is/t, formula from f. */
    private static final class Handler extends DefaultHandler {
        final Cells cells;
        private final int lastRow;
        private final SharedStrings strings;
        private final StringBuilder text = new StringBuilder();
        private int row;
        private int col;
        private int nextCol;
        private String type;
        private boolean formula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private int currentRow = -1;

        Handler(SharedStrings strings, Cells cells, int lastRow) {
            this.strings = strings;
            this.cells = cells;
            this.lastRow = lastRow;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = a.getValue("r");
                    currentRow = r != null ? Integer.parseInt(r) - 1 : currentRow + 1;
                    nextCol = 0;
                    if (currentRow > lastRow) {
                        throw Sax.Stop.INSTANCE; // rows are in order: nothing needed follows
                    }
                }
                case "c" -> {
                    String ref = a.getValue("r");
                    if (ref != null) {
                        int i = 0;
                        int c = 0;
                        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                            i++;
                        }
                        col = c - 1;
                        row = i < ref.length() ? Integer.parseInt(ref.substring(i)) - 1 : currentRow;
                    } else {
                        col = nextCol;
                        row = currentRow;
                    }
                    nextCol = col + 1;
                    type = a.getValue("t");
                    formula = false;
                    hasValue = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    hasValue = true;
                    text.setLength(0);
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInline) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "is" -> inInline = false;
                case "c" -> cells.put(row, col, toRaw());
                case "sheetData" -> throw Sax.Stop.INSTANCE; // the rest of a sheet is formatting
                default -> { }
            }
        }

        private RawCell toRaw() {
            if (!hasValue) {
                return formula ? RawCell.uncachedFormula() : RawCell.EMPTY;
            }
            String t = type == null ? "n" : type;
            if (t.equals("n")) {
                double fast = NumberText.plainDecimal(text);
                if (!Double.isNaN(fast)) {
                    return RawCell.number(fast, formula); // the common case: no string made
                }
            } else if (t.equals("s") && strings != null) {
                double index = NumberText.plainDecimal(text);
                if (!Double.isNaN(index) && index == Math.rint(index) && index < Integer.MAX_VALUE) {
                    return RawCell.text(RawCell.Type.STRING, strings.get((int) index), formula);
                }
            }
            String v = text.toString();
            try {
                return switch (t) {
                    case "s" -> {
                        if (strings == null) {
                            throw new IllegalArgumentException("没有共享字符串表");
                        }
                        yield RawCell.text(RawCell.Type.STRING, strings.get(Integer.parseInt(v.strip())), formula);
                    }
                    case "str", "inlineStr" -> RawCell.text(RawCell.Type.STRING, v, formula);
                    case "b" -> RawCell.text(RawCell.Type.BOOLEAN, v.strip().equals("1") ? "TRUE" : "FALSE", formula);
                    case "e" -> RawCell.text(RawCell.Type.ERROR, v, formula);
                    default -> v.isBlank() ? (formula ? RawCell.uncachedFormula() : RawCell.EMPTY)
                            : RawCell.number(NumberText.xlsxValue(v), formula);
                };
            } catch (RuntimeException e) {
                return RawCell.text(RawCell.Type.ERROR, v, formula);
            }
        }
    }
}
