package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Identity;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;

/**
 * The rule every command follows before it writes: nothing a person could not get back is ever
 * replaced. An output may not be one of the inputs, nor lie inside a folder being read. An
 * existing file is replaced only when it is this tool's own output of the same kind and holds
 * nothing a person typed — a blank template we issued, an earlier 问题清单, a draft, an annotated
 * copy, an imported report or exported Word tables nobody changed — recognised by its content, never by its name.
 * Anything else (a filled workbook, a foreign file) is refused unless the user says --force.
 */
public final class OutputGuard {
    private final Formats formats;
    private WorkbookReader reader;

    /** A guard that recognises workbooks of {@code formats}' templates by their content. */
    public OutputGuard(Formats formats) {
        this.formats = formats;
    }

    /** Made when a workbook is first met: most runs replace no existing file. */
    private synchronized WorkbookReader reader() {
        if (reader == null) {
            reader = new WorkbookReader(formats);
        }
        return reader;
    }

    /** The kinds of file this tool writes, with the marker each carries and its Chinese name. */
    public enum Kind {
        /** A template to be filled in (template, issue, and the fresh templates of 催报/重新报送). */
        TEMPLATE("template", "空白填报模板"),
        /** A filled template written from a published report or another workbook (import). */
        IMPORTED(Identity.IMPORTED, "导入生成的报表"),
        /** A round's total as a filled template (collect). */
        ROUND_TOTAL(Identity.ROUND_TOTAL, "本轮加总报表"),
        /** An agency's return with its problems marked (--returns). */
        RETURN_COPY(Identity.RETURN_COPY, "退回标注副本"),
        /** The discrepancy workbook of check and reconcile. */
        DISCREPANCY("discrepancy", "问题清单工作簿"),
        /** The collection workbook of collect. */
        COLLECTION("collection", "收集情况工作簿"),
        /** An unsent e-mail (issue, collect --returns). */
        DRAFT("draft", "邮件草稿"),
        /** Every cell as a CSV row (read --csv, import --csv, the round's total). */
        CSV("csv", "CSV 导出文件"),
        /** A filing's three tables as a Word document for the published report (export --docx). */
        WORD_TABLES(WordTables.OUTPUT, "导出的 Word 统计表"),
        /** What send sent, beside the drafts (its header row is {@link #SEND_LOG_HEADER}). */
        SEND_LOG("send-log", "发送记录");

        private final String id;
        private final String chinese;

        Kind(String id, String chinese) {
            this.id = id;
            this.chinese = chinese;
        }

        /** The marker written into the file. */
        public String id() {
            return id;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * The header an unsent e-mail of ours carries: "nianbao", the version and a fingerprint of the
     * rest of the message, so that a draft someone edited (in a mail program, or by hand) is told
     * from one nobody touched and is never replaced or removed.
     */
    public static final String DRAFT_HEADER = "X-Nianbao-Draft";

    /** The header row of send's log (发送记录.csv), by which it is known as ours. */
    public static final List<String> SEND_LOG_HEADER = List.of("草稿", "指纹", "Message-ID", "收件人", "时间", "结果", "服务器回复",
            "发出内容SHA-256");

    /**
     * Why {@code target} may not be replaced by any output, --force or not: it is a send log
     * (发送记录.csv), the record of which drafts went out — replaced, a re-run would send them all
     * again. Null when it is none. Only {@code send} adds to it, and only at its end.
     */
    public static String neverReplaced(Path target) {
        return sendLog(target)
                ? target + " 是本工具的发送记录（记着哪些邮件草稿已经发出），任何输出都不会替换它（--force 也不会）：替换后再运行 send 会重复发送。"
                        + "请换一个输出名"
                : null;
    }

    /** Whether {@code file} starts with the send log's header row (a cheap look: its first line only). */
    private static boolean sendLog(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            return false; // the ordinary refusal says it cannot be read
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        return text.lines().findFirst().orElse("").strip().equals(String.join(",", SEND_LOG_HEADER));
    }

    /**
     * Why {@code send} may not add to {@code log}; null when there is none yet or it is our send log
     * (its header row, whatever was typed below it). Anything else at that name is a person's file:
     * it is neither replaced nor added to, --force or not.
     */
    public String sendLogRefusal(Path log) {
        Found f;
        try {
            f = identify(log);
        } catch (IOException e) {
            return log + " 已存在，但无法读取（" + cn.nianbao.util.IoErrors.reason(e) + "），不能确认哪些草稿已经发出，没有发送任何邮件";
        }
        if (f == null || f.kind() == Kind.SEND_LOG) {
            return null;
        }
        return log + " 已存在，但不是本工具写的发送记录（第一行不是“" + String.join(",", SEND_LOG_HEADER) + "”；用 Excel 另存过的？），"
                + "不会替换也不会往里添加，没有发送任何邮件。请把它移走或改名（它若是以前的发送记录，请先核对哪些草稿已经发出，以免重复发送）";
    }

    /** {@code message} (a whole e-mail) with our draft header, holding its fingerprint, as its first line. */
    public static byte[] markDraft(byte[] message) {
        byte[] line = (DRAFT_HEADER + ": nianbao " + cn.nianbao.util.Version.get() + " sha256=" + sha256(message) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(line, line.length + message.length);
        System.arraycopy(message, 0, out, line.length, message.length);
        return out;
    }

    /**
     * Whether a draft we wrote was edited since: it carries our fingerprint and its text no longer matches it.
     * A draft without a fingerprint (written before drafts carried one) is not known to be edited.
     */
    public static boolean draftEdited(byte[] file) {
        int end = 0;
        while (end < file.length && file[end] != '\n') {
            end++;
        }
        String first = new String(file, 0, end, StandardCharsets.US_ASCII);
        return first.regionMatches(true, 0, DRAFT_HEADER + ": ", 0, DRAFT_HEADER.length() + 2) && first.contains(" sha256=")
                && !draftUnchanged(file);
    }

    /** Whether a message that starts with our draft header is as {@link #markDraft} wrote it. */
    public static boolean draftUnchanged(byte[] file) {
        String prefix = DRAFT_HEADER + ": ";
        int end = 0;
        while (end < file.length && file[end] != '\n') {
            end++;
        }
        String first = new String(file, 0, end, StandardCharsets.US_ASCII).strip();
        int at = first.lastIndexOf(" sha256=");
        if (!first.regionMatches(true, 0, prefix, 0, prefix.length()) || at < 0 || end >= file.length) {
            return false;
        }
        byte[] rest = java.util.Arrays.copyOfRange(file, end + 1, file.length);
        return first.substring(at + " sha256=".length()).equals(sha256(rest));
    }

    private static String sha256(byte[] bytes) {
        return cn.nianbao.util.Sha256.hex(bytes);
    }

    /**
     * What an existing file is: one of our kinds (null when it is not ours) and, when it holds
     * something a person typed, what (null when nothing).
     */
    public record Found(Kind kind, String typed, int decisions) {
        public Found(Kind kind, String typed) {
            this(kind, typed, 0);
        }
    }

    /**
     * Why {@code output} may not be written because of the inputs (it is one of them, after links,
     * "..", and case are resolved, or lies inside an input folder); null when it may. {@code what}
     * names the output for the message (e.g. "问题清单（-o）").
     */
    public static String overlap(Path output, String what, List<Path> inputs) {
        Path out = real(output);
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                continue;
            }
            Path input = real(in);
            if (sameFile(output, in) || out.equals(input)) {
                return what + " " + output + " 就是输入 " + in + "：输入文件从不修改，请换一个输出位置";
            }
            if (Files.isDirectory(in) && inside(out, input)) {
                return what + " " + output + " 在要读取的文件夹 " + in + " 里面：输出会被当成输入读取，请放到这个文件夹之外";
            }
        }
        return null;
    }

    /**
     * Why an existing {@code target} may not be replaced by an output of {@code kind}; null when
     * it does not exist or is our own output of that kind with nothing typed into it.
     */
    public String refusal(Path target, Kind kind) {
        return refusal(target, kind, false);
    }

    /**
     * As above; a list workbook of {@code kind} whose only typing is supervisors' decisions may be
     * replaced when {@code carrying}: the command carries them to its new list ({@link Decisions})
     * and keeps the old file as a backup beside it.
     */
    public String refusal(Path target, Kind kind, boolean carrying) {
        if (carrying && Files.isRegularFile(target) && listWorkbook(target) == kind) {
            return null; // our own list of this kind: whatever was decided in it is carried (no need to count it here)
        }
        Found f;
        try {
            f = identify(target);
        } catch (IOException e) {
            return target + " 已存在，但无法读取它来确认能否替换（" + cn.nianbao.util.IoErrors.reason(e) + "）；"
                    + "请换一个输出名，或移走它";
        }
        if (f == null || f.kind() == kind && (f.typed() == null || carrying && f.decisions() > 0)) {
            return null;
        }
        // What a person typed matters most; then whose file it is.
        String what = f.typed() != null ? f.typed()
                : f.kind() == null ? "不是本工具写出的文件"
                : "是本工具写出的" + f.kind().chinese() + "，不是" + kind.chinese();
        return target + " 已存在，" + what + "，为免丢失不会替换。请换一个输出名或移走它；确定要替换时加 --force";
    }

    /** Every refusal among {@code targets} (each to be written as {@code kind}), in order. */
    public List<String> refusals(List<Path> targets, Kind kind) {
        List<String> out = new ArrayList<>();
        for (Path t : targets) {
            String r = refusal(t, kind);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Removes from {@code dir} (not its subfolders) what an earlier run of this tool wrote there and
     * this run did not write again ({@code keep}): drafts, annotated copies nobody changed, blank
     * templates. A file someone typed into, or anyone else's file, stays. Returns what was removed,
     * in name order, so that after a run the folder holds exactly the current run's outputs.
     */
    public List<Path> removeStale(Path dir, java.util.Collection<Path> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        java.util.Set<Path> kept = new java.util.HashSet<>();
        keep.forEach(p -> kept.add(p.toAbsolutePath().normalize()));
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path f : files) {
            if (kept.contains(f.toAbsolutePath().normalize())) {
                continue;
            }
            Found found;
            try {
                found = identify(f);
            } catch (IOException e) {
                continue; // cannot tell: it stays
            }
            if (found != null && found.typed() == null
                    && (found.kind() == Kind.DRAFT || found.kind() == Kind.RETURN_COPY || found.kind() == Kind.TEMPLATE)) {
                Files.delete(f);
                removed.add(f);
            }
        }
        return removed;
    }

    /** Larger than any draft of ours (a template attached): a file this size is read whole to check its fingerprint. */
    private static final long MAX_DRAFT_BYTES = 64L << 20;

    /** What {@code file} is, by its content; null when there is no such file. */
    public Found identify(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            return new Found(null, "是一个文件夹");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        if (head.length == 0) {
            return new Found(null, "是一个空文件（不是本工具写出的）");
        }
        boolean zip = FileKind.zip(head);
        boolean ole2 = FileKind.ole2(head);
        if (zip) {
            Kind list = listWorkbook(file);
            if (list != null) {
                int decided = Decisions.count(file);
                return new Found(list, decided == 0 ? null : "里面有人填写的处理意见或备注 " + decided
                        + " 条（check、reconcile、collect 写同一个输出时会把它们带入新清单，并把原文件另存为备份）", decided);
            }
            Boolean unchanged = FileKind.of(file) == FileKind.DOCX ? WordTables.unchanged(file) : null;
            if (unchanged != null) {
                return new Found(Kind.WORD_TABLES, unchanged ? null : "是本工具导出后又被人改动过的 Word 文档");
            }
        }
        if (zip || ole2) {
            return workbook(file);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.equals(String.join(",", CsvExport.HEADER))) {
            return new Found(Kind.CSV, csvAsWritten(file) ? null : "是本工具写出后又被人改动过的 CSV（多了列、行或不是数字的内容）");
        }
        if (firstLine.equals(String.join(",", SEND_LOG_HEADER))) {
            return new Found(Kind.SEND_LOG, null);
        }
        int headerEnd = text.indexOf("\r\n\r\n") >= 0 ? text.indexOf("\r\n\r\n") : text.indexOf("\n\n");
        String headers = headerEnd >= 0 ? text.substring(0, headerEnd) : text;
        for (String line : headers.split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(DRAFT_HEADER.toLowerCase(Locale.ROOT) + ":")) {
                boolean unchanged = Files.size(file) <= MAX_DRAFT_BYTES && draftUnchanged(Files.readAllBytes(file));
                return new Found(Kind.DRAFT, unchanged ? null : "是本工具写出后又被人改动过的邮件草稿");
            }
        }
        return new Found(null, null);
    }

    /**
     * Whether a CSV with our header is still as {@link CsvExport} wrote it: nine fields on every
     * line, a known format, a year, a cell of that format's tables, and a plain number or nothing.
     * A note typed into a spare column, a line added or a value replaced by words makes it a
     * person's file.
     */
    private boolean csvAsWritten(Path file) throws IOException {
        java.util.Map<String, java.util.Set<String>> cells = new java.util.HashMap<>();
        // Bytes that are no UTF-8 (a CSV saved again as GBK) become U+FFFD and match no label.
        try (java.io.Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
             org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).get().parse(in)) {
            for (org.apache.commons.csv.CSVRecord r : csv) {
                if (r.size() != CsvExport.HEADER.length || !r.get(3).matches("\\d{4}")
                        || !r.get(8).isEmpty() && !r.get(8).matches("-?\\d+(\\.\\d+)?")) {
                    return false;
                }
                java.util.Set<String> known = cells.computeIfAbsent(r.get(4), id -> {
                    java.util.Set<String> set = new java.util.HashSet<>();
                    if (formats.ids().contains(id)) {
                        for (CellDef c : formats.get(id).cells()) {
                            set.add(c.table().number() + "\n" + c.rowLabel() + "\n" + c.colLabel());
                        }
                    }
                    return set;
                });
                if (!known.contains(r.get(5) + "\n" + r.get(6) + "\n" + r.get(7))) {
                    return false;
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return false; // not CSV as we write it (a stray quote, a malformed line)
        }
        return true;
    }

    /** The kind a list workbook of ours records in its custom properties, or null. */
    public static Kind listWorkbook(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            POIXMLProperties props = new POIXMLProperties(pkg);
            POIXMLProperties.CustomProperties custom = props.getCustomProperties();
            if (!custom.contains(XlsxLists.OUTPUT_PROPERTY)) {
                return null;
            }
            String id = custom.getProperty(XlsxLists.OUTPUT_PROPERTY).getLpwstr();
            for (Kind k : List.of(Kind.DISCREPANCY, Kind.COLLECTION)) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            return null;
        } catch (Exception notAPackage) {
            return null; // damaged or not OOXML: the workbook reader decides below
        }
    }

    private Found workbook(Path file) {
        ReadResult r = reader().read(file);
        if (r.skipped()) {
            return new Found(Kind.RETURN_COPY, null); // an annotated copy nobody changed
        }
        if (!r.readable()) {
            return new Found(null, null);
        }
        Filing f = r.filing();
        Identity id = f.identity();
        if (id.templateId().isEmpty() && id.output().isEmpty()) {
            return new Found(null, "是一份报表（不是本工具发出的模板）");
        }
        switch (id.output()) {
            case "" -> {
                int typed = typedCells(f);
                return new Found(Kind.TEMPLATE, typed == 0 ? null : "是已填写的报表（" + f.agency() + " " + f.year()
                        + "年，已填 " + typed + " 个单元格）");
            }
            case Identity.RETURN_COPY -> {
                return new Found(Kind.RETURN_COPY, "是单位改动过的退回标注副本");
            }
            default -> {
                Kind k = id.output().equals(Identity.IMPORTED) ? Kind.IMPORTED
                        : id.output().equals(Identity.ROUND_TOTAL) ? Kind.ROUND_TOTAL : null;
                boolean same = id.digest().equals(cn.nianbao.model.ValuesDigest.of(f));
                return new Found(k, same ? null : "是本工具写出后又被人改动过的报表");
            }
        }
    }

    /** Input cells holding something other than blank or the value the template was issued with. */
    private static int typedCells(Filing f) {
        int n = 0;
        for (CellDef c : f.spec().inputCells()) {
            CellValue v = f.value(c.key());
            if (v.isBlank()) {
                continue;
            }
            BigDecimal was = f.identity().issued(c.key());
            if (was == null || !(v instanceof CellValue.Num num) || num.value().compareTo(was) != 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code path} (real) is {@code dir} (real) or lies below it. */
    private static boolean inside(Path path, Path dir) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (p.equals(dir) || sameFile(p, dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path with links, "." and ".." resolved as the file system does: the real path of its
     * deepest existing ancestor, the rest appended (an output usually does not exist yet).
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        Path existing = abs;
        List<String> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName().toString());
            existing = existing.getParent();
        }
        Path base;
        try {
            base = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            base = existing;
        }
        for (String part : rest) {
            base = part.equals("..") ? (base.getParent() == null ? base : base.getParent())
                    : part.equals(".") ? base : base.resolve(part);
        }
        return base.normalize();
    }
}
