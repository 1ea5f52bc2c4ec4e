package cn.nianbao.report;

import cn.nianbao.model.Decision;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What supervisors decided in 问题清单 workbooks (处理意见 and 备注, on the 问题清单 and 已处理 sheets),
 * read before a run writes its list again, and carried to the same finding of the new run: matched
 * by agency, year, rule, cell and both values (应为, 实为), never by file path or row number. A
 * finding whose values changed since gets 已变化 with the old decision in its 备注; a decision
 * whose finding is gone is kept, for the 已处理 sheet. Several workbooks are read in order, the
 * later deciding and the other noted.
 */
public final class Decisions {
    public static final String SETTLED = "已处理";
    public static final String EXPLANATION = "单位说明";
    public static final String CHOICE = "处理意见";
    public static final String NOTE = "备注";

    /** One decided row of a 问题清单 or 已处理 sheet. */
    public record Row(String agency, String code, String year, String table, String row, String column, String cell,
                      String rule, String severity, String message, String required, String held, String file,
                      String explanation, String choice, String note, String source) {
        /**
         * Where the finding is: agency (or, without one, the file's name), year, rule and cell — the national
         * cell, else the sheet cell (a table-level finding such as F4 names one), else, for a finding about the
         * whole file, what it says (two U1 or P1 of one file are two findings; D1 names paths, which a renamed
         * input changes, so it is matched without them).
         */
        String site() {
            String who = agency.isEmpty() ? Path.of(file.isEmpty() ? "-" : file).getFileName().toString() : agency;
            String where = table.isEmpty() && row.isEmpty() && column.isEmpty() ? cell : table + "/" + row + "/" + column;
            if (column.isEmpty() && !cell.isEmpty() && !where.equals(cell)) {
                where += "/" + cell;
            }
            if (where.isEmpty() && !rule.equals("D1")) {
                where = "\u0001" + message;
            }
            return who + "\t" + code + "\t" + year + "\t" + rule + "\t" + where;
        }

        String values() {
            return required + "\t" + held;
        }

        Decision.Choice decided() {
            return Decision.Choice.of(choice);
        }
    }

    private final List<Row> rows;

    private Decisions(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static final Decisions NONE = new Decisions(List.of());

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The decisions in {@code output} (the list a run replaces; null when none) and then in {@code more}
     * (--decisions), in order: a later file decides over an earlier one. A file of {@code more} that is no
     * list (no 问题清单 or 已处理 sheet headed 规则 … 处理意见) is refused, naming it; the output may be a list
     * written before lists had decision columns.
     */
    public static Decisions load(Path output, List<Path> more) throws IOException {
        List<Row> all = new ArrayList<>();
        if (output != null) {
            all.addAll(rows(output, sheets(output)));
        }
        for (Path f : more) {
            Map<String, List<List<String>>> sheets = sheets(f);
            if (headed(sheets) == 0) {
                throw new IOException("处理意见文件 " + f + " 不是问题清单：其中没有表头写着“规则”和“" + CHOICE + "”的“"
                        + DiscrepancyWorkbook.FINDINGS + "”或“" + SETTLED + "”工作表（--decisions 给的应是本工具写出、"
                        + "有人填了处理意见的问题清单或收集情况工作簿）");
            }
            all.addAll(rows(f, sheets));
        }
        return new Decisions(all);
    }

    /** How many decided rows (处理意见 or 备注 filled) a list workbook holds; 0 when it is none. */
    public static int count(Path file) {
        try {
            return read(file).size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The run's reports with the decisions carried to their findings, and the decisions whose finding is gone. */
    public record Applied(List<FileReport> reports, List<Row> settled, int carried, int changed) {
    }

    public Applied apply(List<FileReport> reports) {
        if (rows.isEmpty()) {
            return new Applied(reports, List.of(), 0, 0);
        }
        Map<String, List<Row>> bySite = new LinkedHashMap<>();
        for (Row r : rows) {
            bySite.computeIfAbsent(r.site(), k -> new ArrayList<>()).add(r);
        }
        java.util.Set<Row> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<FileReport> out = new ArrayList<>(reports.size());
        int carried = 0;
        int changed = 0;
        for (FileReport report : reports) {
            Filing filing = report.read().readable() ? report.read().filing() : null;
            List<Finding> findings = new ArrayList<>(report.findings().size());
            boolean any = false;
            for (Finding x : report.findings()) {
                List<Row> here = bySite.get(row(x, filing, "", "", "").site());
                if (here == null) {
                    findings.add(x);
                    continue;
                }
                Row now = row(x, filing, "", "", "");
                List<Row> same = here.stream().filter(r -> r.values().equals(now.values())).toList();
                Decision d;
                if (!same.isEmpty()) {
                    Row last = same.get(same.size() - 1);
                    StringBuilder noted = new StringBuilder();
                    for (Row other : same) {
                        if (other != last && !(other.choice().equals(last.choice()) && other.note().equals(last.note()))) {
                            noted.append(noted.isEmpty() ? "" : "；").append("另有").append(name(other.source()))
                                    .append("中的处理意见“").append(other.choice()).append("”")
                                    .append(other.note().isEmpty() ? "" : "，备注“" + other.note() + "”");
                        }
                    }
                    if (last.decided() == null && !last.choice().isEmpty()) {
                        // Typed or pasted past the dropdown: kept in sight, not taken as a decision.
                        noted.insert(0, "处理意见“" + last.choice() + "”不是下拉选项（" + choices() + "），未生效"
                                + (noted.isEmpty() ? "" : "；"));
                    }
                    d = new Decision(last.decided(), last.note(), noted.toString());
                    carried++;
                } else {
                    Row last = here.get(here.size() - 1);
                    StringBuilder was = new StringBuilder("已变化（处理时应为" + show(last.required()) + "、实为" + show(last.held())
                            + "，现在应为" + show(now.required()) + "、实为" + show(now.held()) + "）：原处理意见“"
                            + last.choice() + "”" + (last.note().isEmpty() ? "" : "，原备注“" + last.note() + "”"));
                    // Every other decision for the finding is quoted too, once each: none is dropped from sight.
                    java.util.Set<String> quoted = new java.util.HashSet<>(List.of(last.choice() + "\t" + last.note()));
                    for (int i = here.size() - 2; i >= 0; i--) {
                        Row other = here.get(i);
                        if (quoted.add(other.choice() + "\t" + other.note())) {
                            was.append("；另有").append(name(other.source())).append("中的处理意见“").append(other.choice()).append("”")
                                    .append(other.note().isEmpty() ? "" : "，备注“" + other.note() + "”");
                        }
                    }
                    d = new Decision(null, was.append("，请重新核实").toString(), "");
                    changed++;
                }
                used.addAll(here);
                findings.add(x.withDecision(d));
                any = true;
            }
            out.add(any ? new FileReport(report.read(), findings, report.skipped()) : report);
        }
        List<Row> settled = rows.stream().filter(r -> !used.contains(r)).toList();
        return new Applied(out, settled, carried, changed);
    }

    private static String choices() {
        return String.join(" / ", java.util.Arrays.stream(Decision.Choice.values()).map(Decision.Choice::chinese).toList());
    }

    private static String show(String v) {
        return v.isEmpty() ? "空白" : v;
    }

    private static String name(String source) {
        return "“" + Path.of(source).getFileName() + "”";
    }

    /** A finding as a row of the list (without decision), for matching. */
    static Row row(Finding x, Filing filing, String choice, String note, String source) {
        return new Row(filing == null ? "" : filing.agency(), filing == null ? "" : filing.identity().code(),
                filing == null || filing.year() <= 0 ? "" : Integer.toString(filing.year()), // no year: blank in the list
                nz(x.table()), nz(x.row()), nz(x.column()),
                x.cell() == null ? "" : x.sheet() + "!" + x.cell(), x.ruleId(), x.severity().chinese(), nz(x.message()),
                plain(x.required()), plain(x.held()), nz(x.file()), nz(x.explanation()), choice, note, source);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : Numbers.normalize(v).toPlainString();
    }

    // ---- reading a list workbook ----

    /** The header row's index in {@code table}: the first of its top rows naming 规则 and 处理意见; -1 when none. */
    private static int header(List<List<String>> table) {
        for (int i = 0; i < Math.min(HEADER_ROWS, table.size()); i++) {
            List<String> r = table.get(i).stream().map(String::strip).toList();
            if (r.contains(CHOICE) && r.contains("规则")) {
                return i;
            }
        }
        return -1;
    }

    /** How many of the two sheets have a header. */
    private static int headed(Map<String, List<List<String>>> sheets) {
        int n = 0;
        for (String name : List.of(DiscrepancyWorkbook.FINDINGS, SETTLED)) {
            List<List<String>> table = sheets.get(name);
            n += table != null && header(table) >= 0 ? 1 : 0;
        }
        return n;
    }

    /** A supervisor may put a title or a note above the header for printing. */
    private static final int HEADER_ROWS = 6;

    private static Map<String, List<List<String>>> sheets(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        Map<String, List<List<String>>> sheets = new HashMap<>();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (cn.nianbao.util.FileKind.zip(head)) {
            xlsx(file, sheets);
        } else {
            poi(file, sheets);
        }
        return sheets;
    }

    private static List<Row> read(Path file) throws IOException {
        return rows(file, sheets(file));
    }

    /** The decided rows of a list's two sheets. */
    private static List<Row> rows(Path file, Map<String, List<List<String>>> sheets) {
        List<Row> out = new ArrayList<>();
        for (String name : List.of(DiscrepancyWorkbook.FINDINGS, SETTLED)) {
            List<List<String>> table = sheets.get(name);
            if (table == null || table.isEmpty()) {
                continue;
            }
            int top = header(table);
            if (top < 0) {
                continue;
            }
            List<String> header = table.get(top);
            Map<String, Integer> at = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                at.putIfAbsent(header.get(c).strip(), c);
            }
            if (!at.containsKey(CHOICE) || !at.containsKey("规则")) {
                continue;
            }
            for (List<String> r : table.subList(top + 1, table.size())) {
                java.util.function.Function<String, String> get = h -> {
                    Integer c = at.get(h);
                    return c == null || c >= r.size() || r.get(c) == null ? "" : r.get(c).strip();
                };
                String choice = get.apply(CHOICE);
                String note = get.apply(NOTE);
                if (choice.isEmpty() && note.isEmpty() || get.apply("规则").isEmpty()) {
                    continue;
                }
                out.add(new Row(get.apply("单位"), get.apply("统一社会信用代码"), get.apply("年度"), get.apply("表"),
                        get.apply("行"), get.apply("列"), get.apply("单元格"), get.apply("规则"), get.apply("级别"),
                        get.apply("说明"), number(get.apply("应为")), number(get.apply("实为")), get.apply("文件"),
                        get.apply(EXPLANATION), choice, note, file.toString()));
            }
        }
        return out;
    }

    /** A number as written back by a spreadsheet, in the plain form the run writes. */
    private static String number(String s) {
        if (s.isEmpty()) {
            return s;
        }
        try {
            return Numbers.normalize(new BigDecimal(s)).toPlainString();
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** Cells as text, numbers in plain decimal form, rows by index (gaps as empty rows are not needed). */
    private static final class Plain extends org.apache.poi.ss.usermodel.DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return Numbers.fromDouble(value).toPlainString();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            return Numbers.fromDouble(value).toPlainString();
        }
    }

    /** The two sheets of an .xlsx, streamed (a list can hold hundreds of thousands of rows). */
    private static void xlsx(Path file, Map<String, List<List<String>>> sheets) throws IOException {
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(file.toFile(),
                org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            org.apache.poi.xssf.eventusermodel.XSSFReader reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            var it = (org.apache.poi.xssf.eventusermodel.XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    if (!name.equals(DiscrepancyWorkbook.FINDINGS) && !name.equals(SETTLED)) {
                        continue;
                    }
                    List<List<String>> rows = new ArrayList<>();
                    var handler = new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler() {
                        List<String> current;

                        @Override
                        public void startRow(int rowNum) {
                            current = new ArrayList<>();
                            rows.add(current);
                        }

                        @Override
                        public void endRow(int rowNum) {
                        }

                        @Override
                        public void cell(String ref, String value, org.apache.poi.xssf.usermodel.XSSFComment comment) {
                            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
                            while (current.size() <= col) {
                                current.add("");
                            }
                            current.set(col, value == null ? "" : value);
                        }
                    };
                    org.xml.sax.XMLReader xml = org.apache.poi.util.XMLHelper.newXMLReader();
                    xml.setContentHandler(new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(styles, null, strings,
                            handler, new Plain(), false));
                    xml.parse(new org.xml.sax.InputSource(in));
                    sheets.put(name, rows);
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
                 | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
            throw new IOException("无法读取处理意见：" + file + "（" + cn.nianbao.util.IoErrors.detail(e) + "）", e);
        }
    }

    /** The two sheets of any other workbook POI opens (.xls after a save in Excel, WPS or LibreOffice). */
    private static void poi(Path file, Map<String, List<List<String>>> sheets) throws IOException {
        Plain fmt = new Plain();
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile(), null, true)) {
            for (String name : List.of(DiscrepancyWorkbook.FINDINGS, SETTLED)) {
                org.apache.poi.ss.usermodel.Sheet s = wb.getSheet(name);
                if (s == null) {
                    continue;
                }
                List<List<String>> rows = new ArrayList<>();
                for (org.apache.poi.ss.usermodel.Row r : s) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                        org.apache.poi.ss.usermodel.Cell cell = r.getCell(c);
                        String v = "";
                        if (cell != null) {
                            var type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                                    ? cell.getCachedFormulaResultType() : cell.getCellType();
                            v = switch (type) {
                                case NUMERIC -> Numbers.fromDouble(cell.getNumericCellValue()).toPlainString();
                                case STRING -> cell.getStringCellValue();
                                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                                default -> fmt.formatCellValue(cell);
                            };
                        }
                        cells.add(v);
                    }
                    rows.add(cells);
                }
                sheets.put(name, rows);
            }
        } catch (RuntimeException e) {
            throw new IOException("无法读取处理意见：" + file + "（" + cn.nianbao.util.IoErrors.detail(e) + "）", e);
        }
    }
}
