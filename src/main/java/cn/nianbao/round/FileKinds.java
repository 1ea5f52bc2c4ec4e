package cn.nianbao.round;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What an inbox file that is not a report workbook is, named in Chinese for the supervisor and
 * the agency: a Word document, a PDF, an image, a note. Told by content first (the Office
 * containers are looked into: which parts or streams they hold), the name only when the
 * content says nothing. A file that may hold a report this tool cannot open (a RAR archive, an
 * Outlook .msg) is a problem to resolve, not a file to pass over.
 */
final class FileKinds {
    /** The verdict on one file: read it as a workbook, open it as a zip archive, or list it as {@code kind} with {@code reason}. */
    record Verdict(Inbox.Kind kind, String reason) {
        static final Verdict WORKBOOK = new Verdict(Inbox.Kind.WORKBOOK, "");
        static final Verdict ARCHIVE = new Verdict(null, "");

        boolean archive() {
            return kind == null;
        }
    }

    private static final String WORD = "Word 文档";
    private static final String POWERPOINT = "PowerPoint 演示文稿";
    private static final String PDF = "PDF 文档";
    private static final String IMAGE = "图片";
    private static final String TEXT = "文本文件";

    /** Kinds known by extension alone, for files whose content did not tell. */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry(".doc", WORD), Map.entry(".docx", WORD), Map.entry(".wps", WORD), Map.entry(".rtf", "RTF 文档"),
            Map.entry(".ppt", POWERPOINT), Map.entry(".pptx", POWERPOINT), Map.entry(".pdf", PDF), Map.entry(".ofd", "OFD 版式文档"),
            Map.entry(".jpg", IMAGE), Map.entry(".jpeg", IMAGE), Map.entry(".png", IMAGE), Map.entry(".gif", IMAGE),
            Map.entry(".bmp", IMAGE), Map.entry(".tif", IMAGE), Map.entry(".tiff", IMAGE), Map.entry(".webp", IMAGE),
            Map.entry(".heic", IMAGE), Map.entry(".txt", TEXT), Map.entry(".csv", "CSV 文本"));

    private FileKinds() {
    }

    /** A zip: an OOXML workbook (or a damaged zip the reader should judge), another Office document, or an archive. */
    static Verdict zip(Path file, String lower) {
        boolean word = false;
        boolean slides = false;
        try (ZipFile z = ZipFile.builder().setPath(file).get()) {
            if (z.getEntry("[Content_Types].xml") == null) {
                return Verdict.ARCHIVE;
            }
            for (Enumeration<ZipArchiveEntry> e = z.getEntries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.startsWith("xl/")) {
                    return Verdict.WORKBOOK;
                }
                word |= n.startsWith("word/");
                slides |= n.startsWith("ppt/");
            }
        } catch (IOException | RuntimeException e) {
            return Verdict.WORKBOOK; // a damaged zip: let the workbook reader say what is wrong with it
        }
        return word ? skipped(WORD, lower) : slides ? skipped(POWERPOINT, lower) : Verdict.WORKBOOK;
    }

    /** An OLE2 compound file not named as a workbook: an .xls by its streams, or a Word, PowerPoint or Outlook file. */
    static Verdict ole2(Path file, String lower) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return Verdict.WORKBOOK;
            }
            if (root.hasEntry("WordDocument")) {
                return skipped(WORD, lower);
            }
            if (root.hasEntry("PowerPoint Document")) {
                return skipped(POWERPOINT, lower);
            }
            if (root.hasEntry("__properties_version1.0")) {
                return new Verdict(Inbox.Kind.PROBLEM, "Outlook 邮件文件（" + extension(lower) + "），本工具不能打开："
                        + "请在邮件软件中把它另存为 .eml，或把其中的附件直接放进收件文件夹");
            }
        } catch (IOException | RuntimeException e) {
            // damaged: the workbook reader says what is wrong with it
        }
        return Verdict.WORKBOOK;
    }

    /** Anything else that is not empty, not a zip, an OLE2 file or a message. */
    static Verdict other(byte[] head, String lower) {
        if (startsWith(head, 'R', 'a', 'r', '!') || startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return new Verdict(Inbox.Kind.PROBLEM, (head[0] == 'R' ? "RAR" : "7z") + " 压缩包（" + extension(lower)
                    + "），本工具只能解开 zip 压缩包：请用 zip 格式重新压缩后报送");
        }
        String kind = startsWith(head, '%', 'P', 'D', 'F') ? PDF
                : startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 'G', 'I', 'F', '8')
                        || startsWith(head, 'I', 'I', 0x2A, 0) || startsWith(head, 'M', 'M', 0, 0x2A)
                        || head.length >= 12 && startsWith(head, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E' ? IMAGE
                : startsWith(head, '{', '\\', 'r', 't', 'f') ? "RTF 文档"
                : BY_EXTENSION.getOrDefault(extension(lower), text(head) ? TEXT : null);
        return kind == null ? new Verdict(Inbox.Kind.SKIPPED, "不是报表工作簿、压缩包或邮件（" + extension(lower) + " 文件），未读取")
                : skipped(kind, lower);
    }

    private static Verdict skipped(String kind, String lower) {
        return new Verdict(Inbox.Kind.SKIPPED, kind + "（" + extension(lower) + "），不是报表工作簿");
    }

    static String extension(String lower) {
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? "无扩展名" : lower.substring(dot).toLowerCase(Locale.ROOT);
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
