package cn.nianbao.read;

import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into input files, in a stable order. A named file is always an
 * input (its content decides whether it is a workbook or a published report). In a folder,
 * searched recursively, workbook-named files ({@link FileKind#WORKBOOK_EXTENSIONS}) and published
 * reports as PDF, Word or saved web pages ({@link #REPORT_EXTENSIONS}) are inputs, and every other
 * file is listed as skipped, so nothing is lost.
 */
public final class InputFiles {
    /** Published reports read from a folder beside the workbooks (text files there are notes more often than reports). */
    public static final List<String> REPORT_EXTENSIONS = List.of(".pdf", ".docx", ".doc", ".htm", ".html", ".mht", ".mhtml");

    private InputFiles() {
    }

    /** Whether {@code name} ends in one of {@link #REPORT_EXTENSIONS}, in any case. */
    public static boolean reportName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return REPORT_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    public record Expanded(List<Path> inputs, List<Skipped> skipped) {
    }

    /** A file that was found but not read, with the reason in Chinese. */
    public record Skipped(Path file, String reason) {
    }

    public static Expanded expand(List<Path> paths) throws IOException {
        TreeSet<Path> inputs = new TreeSet<>();
        TreeSet<Path> skipped = new TreeSet<>();
        List<Skipped> reasons = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String why = skipReason(f);
                        if (why == null) {
                            inputs.add(f);
                        } else if (skipped.add(f)) {
                            reasons.add(new Skipped(f, why));
                        }
                    }
                }
            } else {
                inputs.add(p);
            }
        }
        reasons.sort((a, b) -> a.file().compareTo(b.file()));
        return new Expanded(List.copyOf(inputs), List.copyOf(reasons));
    }

    private static String skipReason(Path f) {
        String name = f.getFileName().toString();
        if (FileKind.lockFile(name)) {
            return FileKind.LOCK_FILE;
        }
        return FileKind.workbookName(name) || reportName(name) ? null : "不是工作簿文件（.xlsx/.xls）或报告（PDF、Word、网页），已跳过";
    }
}
