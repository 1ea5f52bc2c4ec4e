package cn.nianbao.util;

/** File names made from agency names. */
public final class FileNames {
    private FileNames() {
    }

    /** A file name Windows accepts: characters it forbids become _. */
    public static String safe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}
