package cn.nianbao.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file is, told by its content: the magic bytes at its start and, for the two Office
 * containers (zip and OLE2), the parts or streams inside; the name only breaks ties (a text file
 * named .csv, content no signature tells, an empty file named .eml). The one place that knows the
 * signatures and the workbook extensions: the reader, the input folders, the inbox, the output
 * guard and import all ask here. What a caller does with a kind — read a file named as a workbook
 * even when its content says otherwise, so that it is reported unreadable rather than passed
 * over — is the caller's rule.
 */
public enum FileKind {
    /**
     * An OOXML workbook (.xlsx, .xlsm); also a damaged zip (unless named .docx or .pptx), or an
     * OOXML package of no kind named here, which only the workbook reader can judge.
     */
    XLSX("Excel 工作簿"),
    /**
     * An OLE2 workbook (.xls, WPS's .et); also an OLE2 file of no kind named here (an .xlsx with an
     * opening password is one) or a damaged one, unless named .doc, .wps or .ppt, which only the
     * workbook reader can judge.
     */
    XLS("Excel 工作簿"),
    DOCX("Word 文档"),
    DOC("Word 文档"),
    PPTX("PowerPoint 演示文稿"),
    PPT("PowerPoint 演示文稿"),
    /** An Outlook message saved as a file (an OLE2 file). */
    MSG("Outlook 邮件文件"),
    /** A zip archive that is no Office document. */
    ZIP("zip 压缩包"),
    RAR("RAR 压缩包"),
    SEVEN_Z("7z 压缩包"),
    /** A mail message (RFC 5322): named .eml, or starting with header lines. */
    EML("邮件"),
    /** Messages one after another, each after a "From " line: named .mbox/.mbx, or starting so. */
    MBOX("邮箱文件"),
    PDF("PDF 文档"),
    OFD("OFD 版式文档"),
    RTF("RTF 文档"),
    IMAGE("图片"),
    /** Text that is a web page. */
    HTML("网页"),
    /** A web page saved with its parts in one MIME message (.mhtml, .mht: Chrome's, Edge's, Word's "单个文件网页"). */
    MHTML("网页存档"),
    CSV("CSV 文本"),
    /** Text in any ASCII-compatible encoding (UTF-8, GBK): no control bytes but tabs, line and page breaks. */
    TEXT("文本文件"),
    EMPTY("空文件"),
    /** Bytes that no signature and no name tells. */
    OTHER("其他文件");

    /** Extensions of the workbooks this tool reads: Excel's, and WPS's spreadsheet (.et, an OLE2 workbook). */
    public static final List<String> WORKBOOK_EXTENSIONS = List.of(".xlsx", ".xlsm", ".xls", ".et");
    /** Why a lock file is no report. */
    public static final String LOCK_FILE = "Excel/WPS 打开文件时生成的临时锁文件，不是报表";
    /** How many bytes at the start of a file decide its kind. */
    public static final int HEAD = 512;

    /** Kinds told by the extension alone, for files whose content did not tell. */
    private static final Map<String, FileKind> BY_EXTENSION = Map.ofEntries(
            Map.entry(".doc", DOC), Map.entry(".docx", DOCX), Map.entry(".wps", DOC), Map.entry(".rtf", RTF),
            Map.entry(".ppt", PPT), Map.entry(".pptx", PPTX), Map.entry(".pdf", PDF), Map.entry(".ofd", OFD),
            Map.entry(".jpg", IMAGE), Map.entry(".jpeg", IMAGE), Map.entry(".png", IMAGE), Map.entry(".gif", IMAGE),
            Map.entry(".bmp", IMAGE), Map.entry(".tif", IMAGE), Map.entry(".tiff", IMAGE), Map.entry(".webp", IMAGE),
            Map.entry(".heic", IMAGE), Map.entry(".txt", TEXT), Map.entry(".csv", CSV));

    private final String chinese;

    FileKind(String chinese) {
        this.chinese = chinese;
    }

    /** The kind as a user reads it: "Word 文档", "图片" … */
    public String chinese() {
        return chinese;
    }

    /** Whether the workbook reader is the one to open it. */
    public boolean workbook() {
        return this == XLSX || this == XLS;
    }

    /** Whether it is text a person wrote or exported (plain text, CSV, a web page). */
    public boolean text() {
        return this == TEXT || this == CSV || this == HTML || this == MHTML;
    }

    /**
     * Whether it may be a published report whose tables the label reader reads: a web page (also
     * saved as .mhtml), a PDF, a Word document, or text.
     */
    public boolean report() {
        return this == HTML || this == MHTML || this == PDF || this == DOCX || this == DOC || this == TEXT || this == CSV;
    }

    /**
     * Whether to open {@code file} as a workbook rather than as text: a workbook or text by its
     * content (an HTML table or a CSV saved under an .xls name is text); anything else — empty, a
     * PDF, bytes no signature tells, a file that cannot be looked at — by its name, so that the
     * workbook reader says what is wrong with a file named as a workbook.
     */
    public static boolean opensAsWorkbook(Path file) {
        FileKind kind;
        try {
            kind = of(file);
        } catch (IOException e) {
            kind = OTHER;
        }
        return kind.workbook() || !kind.text() && workbookName(file.getFileName().toString());
    }

    /** Whether {@code name} ends in a workbook extension ({@link #WORKBOOK_EXTENSIONS}), in any case. */
    public static boolean workbookName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : WORKBOOK_EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is the lock file Excel and WPS keep beside a workbook they have open (~$…). */
    public static boolean lockFile(String name) {
        return name.startsWith("~$");
    }

    /** A zip container: a local file header first (PK\3\4), as every .xlsx, .docx and .zip starts. */
    public static boolean zip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** An OLE2 compound file (.xls, .doc, .msg, an encrypted .xlsx): D0 CF 11 E0 and a header after it. */
    public static boolean ole2(byte[] head) {
        return head.length >= 8 && startsWith(head, 0xD0, 0xCF, 0x11, 0xE0);
    }

    /** The first {@link #HEAD} bytes of {@code file} (fewer when it is shorter). */
    public static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /** What {@code file} is. */
    public static FileKind of(Path file) throws IOException {
        return of(file, head(file));
    }

    /**
     * What {@code file} is, {@code head} being its first bytes ({@link #head}): a zip or OLE2
     * container by what it holds; a message or mailbox by its name or its first line; then the
     * signatures of the other kinds; then the name; then whether it reads as text.
     */
    public static FileKind of(Path file, byte[] head) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (zip(head)) {
            return inZip(file);
        }
        if (ole2(head)) {
            return inOle2(file);
        }
        if (lower.endsWith(".mhtml") || lower.endsWith(".mht") || mhtml(head)) {
            return MHTML;
        }
        if (lower.endsWith(".mbox") || lower.endsWith(".mbx") || startsWith(head, 'F', 'r', 'o', 'm', ' ')) {
            return MBOX;
        }
        if (lower.endsWith(".eml") || looksLikeMessage(head)) {
            return EML;
        }
        if (head.length == 0) {
            return EMPTY;
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return RAR;
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return SEVEN_Z;
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (image(head)) {
            return IMAGE;
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return RTF;
        }
        FileKind named = BY_EXTENSION.get(extension(lower));
        if (named == PDF && !new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1).contains("%PDF")) {
            named = null; // a .pdf name on what is no PDF (a saved web page, text): judged by its content
        }
        if (named != null) {
            return named;
        }
        byte[] utf16 = utf16(head);
        if (utf16 != null) {
            return html(utf16) ? HTML : TEXT;
        }
        return !text(head) ? OTHER : html(head) ? HTML : TEXT;
    }

    /**
     * A page saved as one MIME message (Chrome's "From: <Saved by Blink>", Word's and IE's
     * multipart/related with an html root): not mail to open, a web page to read.
     */
    private static boolean mhtml(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return s.contains("<saved by blink>") || s.contains("snapshot-content-location:")
                || s.contains("multipart/related") && (s.contains("type=\"text/html\"") || s.contains("x-mimeole: produced by microsoft mimeole")
                        || !s.contains("\nfrom:") && !s.startsWith("from:") && !s.contains("\nreceived:"));
    }

    /**
     * Text in UTF-16 (Windows Notepad's "Unicode"): with a byte-order mark, or, without one, a zero
     * in every other byte of an ASCII-heavy head. The head as 8-bit text (the zeros dropped) when
     * it is, so the text checks can look at it; null when it is not.
     */
    private static byte[] utf16(byte[] head) {
        int from = 0;
        java.nio.charset.Charset cs;
        if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            from = 2;
            cs = StandardCharsets.UTF_16LE;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            from = 2;
            cs = StandardCharsets.UTF_16BE;
        } else {
            cs = Decoding.utf16WithoutBom(head);
        }
        if (cs == null) {
            return null;
        }
        String s = new String(head, from, (head.length - from) & ~1, cs);
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c < 0x80 ? (char) c : 'x')); // a Chinese character: any printable stand-in
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An OOXML package by the parts it holds (xl/, word/, ppt/), or a plain archive without [Content_Types].xml. */
    private static FileKind inZip(Path file) {
        boolean word = false;
        boolean slides = false;
        try (ZipFile z = ZipFile.builder().setPath(file).get()) {
            if (z.getEntry("[Content_Types].xml") == null) {
                return ZIP;
            }
            for (Enumeration<ZipArchiveEntry> e = z.getEntries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.startsWith("xl/")) {
                    return XLSX;
                }
                word |= n.startsWith("word/");
                slides |= n.startsWith("ppt/");
            }
        } catch (IOException | RuntimeException e) {
            // damaged: a Word or PowerPoint file by its name, its reader says what is wrong with it; else the workbook reader does
            return damaged(file, XLSX, DOCX, PPTX);
        }
        return word ? DOCX : slides ? PPTX : XLSX;
    }

    /** A damaged container: the kind its name gives when that is one of {@code named}, else {@code otherwise}. */
    private static FileKind damaged(Path file, FileKind otherwise, FileKind... named) {
        FileKind byName = BY_EXTENSION.get(extension(file.getFileName().toString().toLowerCase(Locale.ROOT)));
        return java.util.Arrays.asList(named).contains(byName) ? byName : otherwise;
    }

    /** An OLE2 file by its streams: a workbook, a Word or PowerPoint file, or an Outlook message. */
    private static FileKind inOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return XLS;
            }
            if (root.hasEntry("WordDocument")) {
                return DOC;
            }
            if (root.hasEntry("PowerPoint Document")) {
                return PPT;
            }
            if (root.hasEntry("__properties_version1.0")) {
                return MSG;
            }
        } catch (IOException | RuntimeException e) {
            // damaged: a Word or PowerPoint file by its name (.doc, .wps, .ppt), its reader says what is wrong with it
            return damaged(file, XLS, DOC, PPT);
        }
        return damaged(file, XLS, DOC, PPT); // none of the streams: as damaged
    }

    /** A header line (Name: value) at the start, as every RFC 5322 message has. */
    private static boolean looksLikeMessage(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        return s.matches("(?s)[A-Za-z][A-Za-z0-9-]{0,60}:[^\\n]*\\n.*")
                && s.toLowerCase(Locale.ROOT).matches("(?s).*\\n?(from|date|subject|received|mime-version|return-path|message-id):.*");
    }

    private static boolean image(byte[] head) {
        return startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 'G', 'I', 'F', '8')
                || startsWith(head, 'I', 'I', 0x2A, 0) || startsWith(head, 'M', 'M', 0, 0x2A)
                || head.length >= 12 && startsWith(head, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E';
    }

    /** No control bytes but tab, line breaks and form feed: text in any ASCII-compatible encoding. */
    private static boolean text(byte[] head) {
        for (byte b : head) {
            if ((b & 0xFF) < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return false;
            }
        }
        return head.length > 0;
    }

    /** Text that opens as a web page does. */
    private static boolean html(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return s.contains("<html") || s.contains("<!doctype html") || s.contains("<table") || s.contains("<body");
    }

    private static String extension(String lower) {
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? "" : lower.substring(dot);
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
