package cn.nianbao.cli;

import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.report.Batch;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.RunSummary;
import cn.nianbao.spec.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What the reading commands share on the command line: the inputs listed (a failure is a usage
 * error), progress on stderr, the JIT hint for a large batch, and the summary printed with its exit
 * code. Reading, checking and counting are {@link Batch}'s and {@link RunSummary}'s.
 */
final class Runs {
    private Runs() {
    }

    /** Every file under {@code paths}, read and checked within itself, in parallel; skipped files included. */
    static List<FileReport> readAll(Formats formats, List<Path> paths, RunOptions opts, PrintWriter err, String what) {
        InputFiles.Expanded files = expand(paths);
        CompilerHints.forBatch(files.inputs().size());
        return Batch.checked(new WorkbookReader(formats), files, opts.threads,
                new Progress(err, what, files.inputs().size(), opts.quiet));
    }

    static InputFiles.Expanded expand(List<Path> paths) {
        try {
            return InputFiles.expand(paths);
        } catch (IOException e) {
            throw NianbaoException.usage("无法列出输入文件：" + cn.nianbao.util.IoErrors.reason(e));
        }
    }

    /** Says so when the run found no workbook at all (an empty folder is no clean result: exit 1). */
    static boolean noWorkbook(PrintWriter out, List<FileReport> reports) {
        List<String> lines = RunSummary.noWorkbook(reports);
        lines.forEach(out::println);
        out.flush();
        return !lines.isEmpty();
    }

    static Aliases aliases(Path file) {
        if (file == null) {
            return Aliases.none();
        }
        try {
            return Aliases.load(file);
        } catch (IOException e) {
            throw new NianbaoException(ExitCodes.USAGE, "无法读取别名文件 " + file + "：" + e.getMessage());
        }
    }

    /** Prints the counts of a run; returns the exit code. */
    static int summary(PrintWriter out, List<FileReport> reports, Aliases aliases) {
        RunSummary s = RunSummary.of(reports, aliases);
        s.lines().forEach(out::println);
        return s.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
