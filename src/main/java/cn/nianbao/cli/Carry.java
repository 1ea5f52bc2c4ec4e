package cn.nianbao.cli;

import cn.nianbao.report.Decisions;
import cn.nianbao.report.OutputGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Supervisors' decisions carried from one run's list to the next: read before anything else from
 * the output about to be replaced (when it is our list and holds some) and from --decisions
 * files, in that order (the later decides); the replaced output is copied to a backup beside it
 * before the new one is written.
 */
final class Carry {
    /**
     * The decisions read, and whether the output to be replaced holds some (it is then backed up).
     *
     * @param replaced the output whose decisions are carried (backed up before it is replaced), null when none
     * @param seen     when the output was read and held no decisions: its time then (unchanged since → nothing to keep)
     */
    record Loaded(Decisions decisions, Path replaced, java.nio.file.attribute.FileTime seen) {
        static final Loaded NONE = new Loaded(Decisions.NONE, null, null);
    }

    private Carry() {
    }

    static Loaded load(Path output, OutputGuard.Kind kind, List<Path> more, Guard guard) {
        Guard.inputsExist(more, "处理意见文件（--decisions）");
        boolean ours = output != null && Files.isRegularFile(output) && OutputGuard.listWorkbook(output) == kind;
        if (!ours && more.isEmpty()) {
            return Loaded.NONE;
        }
        try {
            Decisions read = Decisions.load(ours ? output : null, more);
            boolean decidedHere = ours && read.rows().stream().anyMatch(r -> r.source().equals(output.toString()));
            java.nio.file.attribute.FileTime seen = ours && !decidedHere ? Files.getLastModifiedTime(output) : null;
            return new Loaded(read, decidedHere ? output : null, seen);
        } catch (IOException e) {
            throw NianbaoException.usage(e.getMessage());
        }
    }

    /**
     * The backup of an output about to be replaced: the list whose decisions were carried, or any existing file at
     * {@code output} that holds decisions now — typed while the run was going, or replaced with --force — so that
     * nothing a supervisor typed is lost; null when there is nothing to keep.
     */
    static Path backupBeforeWriting(Path output, Loaded loaded) throws IOException {
        if (loaded.replaced() != null) {
            return backup(loaded.replaced());
        }
        if (output == null || !Files.isRegularFile(output)
                || loaded.seen() != null && loaded.seen().equals(Files.getLastModifiedTime(output))) {
            return null;
        }
        return Decisions.count(output) > 0 ? backup(output) : null;
    }

    /** Copies the output about to be replaced to a new name beside it; returns that name. */
    static Path backup(Path output) throws IOException {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamp = java.time.LocalDateTime.now(cn.nianbao.round.Collector.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = output.resolveSibling(stem + "-备份-" + stamp + ext);
        for (int i = 2; Files.exists(target); i++) {
            target = output.resolveSibling(stem + "-备份-" + stamp + "(" + i + ")" + ext);
        }
        Files.copy(output, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return target;
    }

    /** What became of the decisions, as printed. */
    static void report(PrintWriter out, Loaded loaded, Decisions.Applied applied, Path backup) {
        if (loaded.decisions().isEmpty()) {
            return;
        }
        out.println("处理意见：读到 " + loaded.decisions().rows().size() + " 条；带入本次清单 " + applied.carried()
                + " 条，数值已变化（需重新核实）" + applied.changed() + " 条，问题已不存在、移到“" + Decisions.SETTLED + "”工作表 "
                + applied.settled().size() + " 条" + (backup == null ? "" : "；原清单另存为 " + backup));
    }

    /** Says where a list holding decisions that were not carried (replaced with --force) was kept. */
    static void reportBackup(PrintWriter out, Loaded loaded, Path backup) {
        if (backup != null && loaded.replaced() == null) {
            out.println("原文件中有人填写的处理意见或备注，已另存为 " + backup + "（本次未带入）");
        }
    }
}
