package cn.nianbao.round;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a collect run writes beside its collection workbook (…-收集情况.xlsx): the folder the
 * inbox's attachments and archive members are unpacked into (…-附件/, rebuilt on every run, and
 * emptied only when it carries our marker), and the round's total (…-汇总.xlsx and a .csv of the
 * same name, unless another place is given), and the mail store (…-邮件/) where messages fetched from
 * a mailbox are kept (never emptied: it is the round's mail).
 */
public record RoundFiles(Path workbook, Path extract, Path totalXlsx, Path totalCsv, Path mail) {
    /** Written into the extraction folder; only a folder carrying it is ever emptied. */
    public static final String MARKER = ".nianbao-收件提取";

    /** The files of a run writing {@code workbook}; {@code total} is the total's workbook, or null for the default. */
    public static RoundFiles of(Path workbook, Path total) {
        String stem = workbook.getFileName().toString().replaceFirst("(?i)\\.xlsx$", "");
        Path base = workbook.toAbsolutePath().getParent();
        Path totalXlsx = total != null ? total : base.resolve(stem + "-汇总.xlsx");
        Path totalCsv = totalXlsx.resolveSibling(totalXlsx.getFileName().toString().replaceFirst("(?i)\\.xlsx$", "") + ".csv");
        return new RoundFiles(workbook, base.resolve(stem + "-附件"), totalXlsx, totalCsv, base.resolve(stem + "-邮件"));
    }

    /** Why the extraction folder may not be emptied (it exists and this tool did not make it), or null. */
    public String extractRefusal() {
        return Files.exists(extract) && !Files.exists(extract.resolve(MARKER))
                ? "文件夹 " + extract + " 已存在且不是本工具建立的，为免误删请换一个 -o 文件名或移走该文件夹" : null;
    }

    /** Empties the extraction folder of an earlier run (see {@link #extractRefusal}), or makes it, and marks it ours. */
    public void resetExtract() throws IOException {
        if (extractRefusal() != null) {
            throw new IOException(extractRefusal());
        }
        if (Files.exists(extract)) {
            try (Stream<Path> walk = Files.walk(extract)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(extract)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(extract);
        Files.writeString(extract.resolve(MARKER), "nianbao collect 从收件箱中解出的附件和压缩包内容；每次运行会重新生成。\n");
    }
}
