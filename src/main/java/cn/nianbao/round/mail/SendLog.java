package cn.nianbao.round.mail;

import cn.nianbao.report.OutputGuard;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What {@code send} did with the drafts of one folder (发送记录.csv beside them, UTF-8 with BOM so
 * Excel opens it): a row per attempt — the draft, its fingerprint, the Message-ID it was sent
 * under, the recipients, the time, the outcome and the server's reply. A row is written
 * ({@link #PENDING}) before a message goes to the server and completed after, each time the whole
 * file, so a run cut off at any point leaves a log that says what is known.
 */
public final class SendLog {
    /** The log's file name, in the drafts' folder. */
    public static final String FILE = "发送记录.csv";
    public static final String SENT = "已发送";
    /** Handed to the server but no answer came (the connection dropped): sent again, under the same Message-ID. */
    public static final String PENDING = "发送中（结果不明）";
    public static final String REJECTED = "被拒绝";

    /** One attempt. */
    public record Row(String draft, String fingerprint, String messageId, String recipients, String time, String result,
                      String reply) {
        List<String> cells() {
            return List.of(draft, fingerprint, messageId, recipients, time, result, reply);
        }
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();

    private SendLog(Path file) {
        this.file = file;
    }

    /** The log of folder {@code dir} (empty when there is none yet). */
    public static SendLog of(Path dir) throws IOException {
        SendLog log = new SendLog(dir.resolve(FILE));
        if (Files.exists(log.file)) {
            String text = Files.readString(log.file, StandardCharsets.UTF_8);
            if (text.startsWith("\ufeff")) {
                text = text.substring(1);
            }
            try (Reader r = new java.io.StringReader(text);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                for (CSVRecord c : p) {
                    if (c.size() >= 7) {
                        log.rows.add(new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)));
                    }
                }
            }
        }
        return log;
    }

    public Path file() {
        return file;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The last row of the draft with {@code fingerprint} whose message went out (or may have), or null. */
    public Row last(String fingerprint) {
        Row found = null;
        for (Row r : rows) {
            if (r.fingerprint().equals(fingerprint)) {
                found = r;
            }
        }
        return found;
    }

    /** Adds a row and writes the whole log. */
    public void add(Row r) throws IOException {
        rows.add(r);
        write();
    }

    /** Replaces the last row of {@code fingerprint} with {@code r} and writes the whole log. */
    public void complete(Row r) throws IOException {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).fingerprint().equals(r.fingerprint())) {
                rows.set(i, r);
                write();
                return;
            }
        }
        add(r);
    }

    private void write() throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
                p.printRecord(OutputGuard.SEND_LOG_HEADER);
                for (Row r : rows) {
                    p.printRecord(r.cells());
                }
            }
        });
    }
}
