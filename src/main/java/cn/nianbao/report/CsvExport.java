package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.spec.CellDef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per cell of each filing: {@code file,agency,code,year,format,table,row,column,value}.
 * UTF-8 with a byte-order mark so Excel opens it as Chinese text. Value is a plain decimal,
 * empty when blank or invalid. Text echoed from a clerk's file never starts a formula.
 */
public final class CsvExport {
    public static final String[] HEADER = {"file", "agency", "code", "year", "format", "table", "row", "column", "value"};

    private CsvExport() {
    }

    public static void write(List<Filing> filings, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();
        try (CSVPrinter p = new CSVPrinter(w, format)) {
            for (Filing f : filings) {
                for (CellDef c : f.spec().cells()) {
                    p.printRecord(safe(f.file()), safe(f.agency()), safe(f.identity().code()), f.year(),
                            f.spec().id(), c.table().number(), c.rowLabel(), c.colLabel(), f.value(c.key()).plain());
                }
            }
        }
    }

    /** Spreadsheet programs run text starting with = + - @ as a formula; prefix such text with '. */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
