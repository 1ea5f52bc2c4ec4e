package cn.nianbao.read;

import cn.nianbao.template.IdentitySheet;
import cn.nianbao.template.TemplateLayout;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A {@link Grid} over an .xlsx read with POI's streaming XML API: only the sheets asked for are
 * parsed, with a raw-value handler (no styles, no formula parsing, no object per cell beyond what
 * is kept). Several times faster than building the full XSSF model, and the package is opened
 * read-only.
 */
final class StreamingXlsx implements Grid, Closeable {
    private final OPCPackage pkg;
    private final Map<String, Map<Integer, RawCell>> sheets = new HashMap<>();
    private final Map<String, String> identity;

    /** Opens {@code file} and parses the named sheets (and the identity sheet). */
    StreamingXlsx(Path file, Set<String> wanted) throws IOException {
        pkg = openReadOnly(file);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            ReadOnlySharedStringsTable strings = (ReadOnlySharedStringsTable) reader.getSharedStringsTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    if (wanted.contains(name) || name.equals(TemplateLayout.ID_SHEET)) {
                        sheets.put(name, parse(in, strings));
                    }
                }
            }
            identity = identityOf(pkg);
        } catch (IOException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        }
    }

    private static OPCPackage openReadOnly(Path file) throws IOException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Map<String, String> identityOf(OPCPackage pkg) throws IOException {
        Map<Integer, RawCell> id = sheets.get(TemplateLayout.ID_SHEET);
        Map<String, String> m = new LinkedHashMap<>();
        if (id != null) {
            for (int r = 0; id.containsKey(key(r, 0)); r++) {
                m.put(id.get(key(r, 0)).display().strip(), id.getOrDefault(key(r, 1), RawCell.EMPTY).display().strip());
            }
        }
        if (IdentitySheet.isOurs(m)) {
            return m;
        }
        try {
            return IdentitySheet.fromCustomProperties(new POIXMLProperties(pkg).getCustomProperties());
        } catch (Exception e) {
            return Map.of();
        }
    }

    static int key(int row, int col) {
        return row * 16384 + col;
    }

    @Override
    public boolean hasSheet(String name) {
        return sheets.containsKey(name);
    }

    @Override
    public RawCell cell(String sheet, int row, int col) {
        Map<Integer, RawCell> s = sheets.get(sheet);
        return s == null ? RawCell.EMPTY : s.getOrDefault(key(row, col), RawCell.EMPTY);
    }

    @Override
    public Map<String, String> identityEntries() {
        return identity;
    }

    @Override
    public void close() {
        pkg.revert(); // read-only: nothing to save
    }

    /** One secure (no DTD, no external entities) SAX parser per thread: making one costs more than a small sheet. */
    private static final ThreadLocal<XMLReader> PARSER = ThreadLocal.withInitial(() -> {
        try {
            return XMLHelper.newXMLReader();
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Thrown at the end of sheetData: what follows (conditional formats, validations) is not needed. */
    private static final class EndOfData extends SAXException {
        private static final long serialVersionUID = 1L;

        EndOfData() {
            super("end of sheetData");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not an error: no stack to capture
        }
    }

    private static Map<Integer, RawCell> parse(InputStream in, ReadOnlySharedStringsTable strings)
            throws IOException, SAXException {
        Handler h = new Handler(strings);
        XMLReader xml = PARSER.get();
        xml.setContentHandler(h);
        try {
            xml.parse(new InputSource(in));
        } catch (EndOfData done) {
            // the rest of the sheet is formatting
        } finally {
            xml.setContentHandler(null);
        }
        return h.cells;
    }

    /** Collects every cell of a sheet as a {@link RawCell}: type from t=, value from v or is/t, formula from f. */
    private static final class Handler extends DefaultHandler {
        final Map<Integer, RawCell> cells = new HashMap<>();
        private final ReadOnlySharedStringsTable strings;
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

        Handler(ReadOnlySharedStringsTable strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (localName) {
                case "row" -> {
                    String r = a.getValue("r");
                    currentRow = r != null ? Integer.parseInt(r) - 1 : currentRow + 1;
                    nextCol = 0;
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
                case "c" -> cells.put(key(row, col), toRaw());
                case "sheetData" -> throw new EndOfData();
                default -> { }
            }
        }

        private RawCell toRaw() {
            if (!hasValue) {
                return formula ? RawCell.uncachedFormula() : RawCell.EMPTY;
            }
            String v = text.toString();
            String t = type == null ? "n" : type;
            try {
                return switch (t) {
                    case "s" -> RawCell.text(RawCell.Type.STRING, strings.getItemAt(Integer.parseInt(v.strip())).getString(), formula);
                    case "str", "inlineStr" -> RawCell.text(RawCell.Type.STRING, v, formula);
                    case "b" -> RawCell.text(RawCell.Type.BOOLEAN, v.strip().equals("1") ? "TRUE" : "FALSE", formula);
                    case "e" -> RawCell.text(RawCell.Type.ERROR, v, formula);
                    default -> v.isBlank() ? (formula ? RawCell.uncachedFormula() : RawCell.EMPTY)
                            : RawCell.number(Double.parseDouble(v.strip()), formula);
                };
            } catch (RuntimeException e) {
                return RawCell.text(RawCell.Type.ERROR, v, formula);
            }
        }
    }
}
