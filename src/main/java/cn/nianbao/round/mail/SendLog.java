package cn.nianbao.round.mail;

import cn.nianbao.report.OutputGuard;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What {@code send} did with the drafts of one folder (发送记录.csv beside them, UTF-8 with BOM so
 * Excel opens it): a row per step — the draft, the fingerprint of what it says, the Message-ID it
 * went under, the recipients, the time, the step ({@link #PENDING} before the message goes to the
 * server, then its outcome), the server's reply and the SHA-256 of the message as handed to the
 * server.
 *
 * <p>The log is a ledger: it is created once (whole) and from then on only ever appended to, a
 * line at a time, each line on the disk before the next step. Nothing of it is rewritten — not a
 * note someone typed into it, not a row of an earlier run — and no other command replaces it
 * ({@link OutputGuard.Kind#SEND_LOG}). A run cut off at any point leaves a log that says what is
 * known: a draft whose last row is {@link #PENDING} may have arrived.
 */
public final class SendLog {
    /** The log's file name, in the drafts' folder. */
    public static final String FILE = "发送记录.csv";
    public static final String SENT = "已发送";
    /** Handed to the server; a later row says what came of it. Last for a draft: no answer came, sent again under the same Message-ID. */
    public static final String PENDING = "开始发送";
    public static final String REJECTED = "被拒绝";
    /** Refused for now (4xx: a rate limit, greylisting): not sent, and sent by the next run. */
    public static final String DEFERRED = "暂时拒绝";

    /** One step: {@code sentSha256} is of the message as handed to the server (empty on a rejected or unsent draft's row). */
    public record Row(String draft, String fingerprint, String messageId, String recipients, String time, String result,
                      String reply, String sentSha256) {
        List<String> cells() {
            return List.of(draft, fingerprint, messageId, recipients, time, result, reply, sentSha256);
        }
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();

    private SendLog(Path file) {
        this.file = file;
    }

    /**
     * The log of folder {@code dir} (empty when there is none yet). Lines that are not rows of ours
     * (a note someone typed, a line cut off by a crash) are passed over and kept in the file.
     */
    public static SendLog of(Path dir) throws IOException {
        SendLog log = new SendLog(dir.resolve(FILE));
        if (Files.exists(log.file)) {
            String text = Files.readString(log.file, StandardCharsets.UTF_8);
            if (text.startsWith("\ufeff")) {
                text = text.substring(1);
            }
            boolean header = true;
            for (String line : text.split("\r?\n")) {
                if (header) {
                    header = false;
                    continue;
                }
                Row r = parse(line);
                if (r != null) {
                    log.rows.add(r);
                }
            }
        }
        return log;
    }

    /** A row as {@link #line} writes it (every row is one line); null when the line is none. */
    private static Row parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            List<CSVRecord> list = p.getRecords();
            if (list.size() != 1 || list.get(0).size() < 7 || !list.get(0).get(1).matches("[0-9a-f]{32}")) {
                return null;
            }
            CSVRecord c = list.get(0);
            return new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.size() > 7 ? c.get(7) : "");
        } catch (IOException | RuntimeException e) {
            return null; // a line cut off (an open quote) or typed by a person
        }
    }

    public Path file() {
        return file;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The last row of the draft with {@code fingerprint}, or null. */
    public Row last(String fingerprint) {
        Row found = null;
        for (Row r : rows) {
            if (r.fingerprint().equals(fingerprint)) {
                found = r;
            }
        }
        return found;
    }

    /**
     * Why rows cannot be added to the log now, or null: the file open in another program (Excel on
     * Windows locks it), read-only, or a folder where the log cannot be made. Nothing is written.
     */
    public String unwritable() {
        try {
            if (Files.exists(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    // opened for writing and closed again: the file is as it was
                }
            } else {
                Path probe = Files.createTempFile(file.toAbsolutePath().getParent(), ".nianbao-", ".tmp");
                Files.delete(probe);
            }
            return null;
        } catch (IOException e) {
            return cn.nianbao.util.IoErrors.reason(e);
        }
    }

    /**
     * Appends {@code r}: creates the log (header and row, whole) when there is none, else adds the
     * row as one line at its end and waits until it is on the disk.
     */
    public void add(Row r) throws IOException {
        byte[] line = line(r.cells());
        if (!Files.exists(file)) {
            byte[] header = line(OutputGuard.SEND_LOG_HEADER);
            AtomicFiles.write(file, out -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.write(header);
                out.write(line);
            });
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                boolean ended = true;
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    ended = last.get(0) == '\n';
                }
                ByteBuffer b = ByteBuffer.allocate(line.length + 2);
                if (!ended) {
                    b.put((byte) '\r').put((byte) '\n'); // a line left unfinished (a crash, an editor) stays a line of its own
                }
                b.put(line).flip();
                long at = size;
                while (b.hasRemaining()) {
                    at += ch.write(b, at);
                }
                ch.force(false);
            }
        }
        rows.add(r);
    }

    /** {@code cells} as one CSV line (line breaks inside a cell become spaces), CRLF-ended. */
    private static byte[] line(List<String> cells) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            p.printRecord(cells.stream().map(c -> c == null ? "" : c.replaceAll("[\r\n]+", " ")).toList());
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
