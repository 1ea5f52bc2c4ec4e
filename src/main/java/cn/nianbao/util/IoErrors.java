package cn.nianbao.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Why a file could not be read or written, in Chinese, for the user: 权限不足, 磁盘已满, 路径过长,
 * 文件被占用 … instead of a Java exception's class name and a temporary file's path.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** The reason of {@code e} in Chinese, with the system's own words after it when they add something. */
    public static String reason(Throwable e) {
        IOException io = ioCause(e);
        Throwable t = io != null ? io : e;
        String msg = message(t);
        String low = msg.toLowerCase(Locale.ROOT);
        if (t instanceof AccessDeniedException || low.contains("permission denied") || low.contains("access is denied")
                || low.contains("operation not permitted")
                || msg.contains("拒绝访问")) {
            return "权限不足（没有读写这个位置的权限）";
        }
        if (low.contains("no space left") || low.contains("not enough space") || low.contains("disk full")
                || msg.contains("磁盘空间不足") || low.contains("quota exceeded")) {
            return "磁盘已满（或超出磁盘配额）";
        }
        if (low.contains("file name too long") || low.contains("filename too long") || low.contains("name too long")
                || low.contains("path too long") || msg.contains("文件名或扩展名太长")) {
            return "路径过长（文件名或文件夹路径超过了系统允许的长度）";
        }
        if (low.contains("being used by another process") || low.contains("used by another process")
                || low.contains("sharing violation") || low.contains("locked") || msg.contains("另一个程序正在使用")) {
            return "文件被占用（可能正在 Excel 或 WPS 中打开，请关闭后重试）";
        }
        if (t instanceof ReadOnlyFileSystemException || low.contains("read-only file system")) {
            return "所在磁盘或文件夹是只读的";
        }
        if (t instanceof NotDirectoryException nd && nd.getFile() != null) {
            return "路径中的某一级是文件而不是文件夹（" + nd.getFile() + "）";
        }
        if (t instanceof NotDirectoryException || low.contains("not a directory")) {
            return "路径中的某一级是文件而不是文件夹";
        }
        if (low.contains("is a directory")) {
            return "这是一个文件夹，不是文件";
        }
        if (t instanceof NoSuchFileException) {
            return "文件或文件夹不存在";
        }
        if (t instanceof FileAlreadyExistsException) {
            return "同名的文件或文件夹已经存在";
        }
        if (t instanceof DirectoryNotEmptyException) {
            return "文件夹不是空的";
        }
        if (t instanceof FileSystemLoopException) {
            return "文件夹的链接形成了循环";
        }
        if (low.contains("invalid argument") || low.contains("illegal char") || msg.contains("语法不正确")) {
            return "文件名不合法（含有系统不允许的字符）";
        }
        if (low.contains("input/output error") || low.contains("i/o error")) {
            return "磁盘读写出错（设备或网络盘可能有问题）";
        }
        return "读写失败" + (msg.isEmpty() ? "" : "（" + msg + "）");
    }

    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b\\s*[:：]?\\s*");

    /**
     * Text from an exception for a user: Java class names ("java.io.IOException: ", "NotOfficeXmlFileException")
     * taken out, a trailing colon dropped, at most 200 characters.
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        String m = CLASS_NAME.matcher(text).replaceAll("").replaceAll("；\\s*$|[:：]\\s*$", "").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** An exception's own words for a user ({@link #plain}); "" when it says nothing. */
    public static String detail(Throwable e) {
        return plain(e.getMessage());
    }

    /** The I/O failure behind {@code e}: itself, or the first IOException among its causes; null if none. */
    public static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The system's words without the path it repeats (FileSystemException puts "path: reason"). */
    private static String message(Throwable t) {
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = t.getMessage();
        return m == null ? "" : m.strip();
    }
}
