package cn.nianbao.util;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * File names made from agency names and attachment names, safe on Windows and Linux: characters
 * Windows forbids become _, names Windows reserves (CON, NUL, COM1 …) are prefixed, trailing dots
 * and spaces go, and a long name is cut to {@link #MAX_STEM} characters with a short hash of the
 * whole name, so two long names never meet in one file and every name stays far within the limits
 * (255 bytes a name on Linux, where a Chinese character takes 3; 260 characters a path in older
 * Windows programs). The full name stays inside the file.
 */
public final class FileNames {
    /** Characters a name made from an agency name keeps at most, before the suffixes we add (-2024-问题标注.xlsx). */
    public static final int MAX_STEM = 60;
    /** Length of an extension that is kept as one when a file name is cut. */
    private static final int MAX_EXTENSION = 10;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /** A file name stem (no extension) for {@code s}. */
    public static String safe(String s) {
        return fit(clean(s), hash(s));
    }

    /** {@code s} with what Windows forbids replaced or prefixed; never empty. */
    private static String clean(String s) {
        String clean = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip().replaceAll("[. ]+$", "");
        if (clean.isEmpty()) {
            clean = "_";
        }
        int dot = clean.indexOf('.');
        if (RESERVED.contains((dot < 0 ? clean : clean.substring(0, dot)).toUpperCase(Locale.ROOT))) {
            clean = "_" + clean;
        }
        return clean;
    }

    /** {@code clean} as it is, or cut to {@link #MAX_STEM} characters ending in {@code hash}. */
    private static String fit(String clean, String hash) {
        if (clean.codePointCount(0, clean.length()) <= MAX_STEM) {
            return clean;
        }
        int keep = clean.offsetByCodePoints(0, MAX_STEM - hash.length() - 2);
        return clean.substring(0, keep) + "…_" + hash;
    }

    /**
     * A file name stem for an agency's name, different for every name: as {@link #safe}, with a
     * short hash of the name added when characters had to be replaced, so "甲/乙局" and "甲_乙局"
     * (both "甲_乙局" made safe) never write one file.
     */
    public static String agency(String name) {
        String clean = clean(name);
        if (clean.equals(name)) {
            return safe(name);
        }
        return fit(clean + "_" + hash(name), hash(name));
    }

    /** The {@code n}th file of one name in one folder, as Windows numbers copies: 报表.xlsx, 报表(2).xlsx … */
    public static String numbered(String stem, int n, String extension) {
        return stem + (n > 1 ? "(" + n + ")" : "") + extension;
    }

    /** A file name for {@code name}, its extension (when it has a short one) kept. */
    public static String safeFile(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= MAX_EXTENSION && !name.substring(dot).contains(" ")
                ? name.substring(dot).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        return safe(stem) + ext;
    }

    private static String hash(String s) {
        return HexFormat.of().formatHex(Sha256.digest().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }
}
