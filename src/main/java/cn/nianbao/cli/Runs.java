package cn.nianbao.cli;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.Severity;
import cn.nianbao.read.InputFiles;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.Parallel;
import cn.nianbao.report.FileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the check and reconcile commands share: reading every input, merging findings, the summary. */
final class Runs {
    private Runs() {
    }

    /** Every file under {@code paths}, read and checked within itself, in parallel; skipped files included. */
    static List<FileReport> readAll(Formats formats, List<Path> paths, RunOptions opts, PrintWriter err, String what) {
        InputFiles.Expanded files = expand(paths);
        CompilerHints.forBatch(files.inputs().size());
        WorkbookReader reader = new WorkbookReader(formats);
        List<FileReport> out = new ArrayList<>(Parallel.map(files.inputs(), opts.threads, p -> {
            ReadResult r = reader.read(p);
            return new FileReport(r, Checker.all(r));
        }, new Progress(err, what, files.inputs().size(), opts.quiet)));
        files.skipped().forEach(s -> out.add(FileReport.skipped(s.file().toString(), s.reason())));
        return out;
    }

    static InputFiles.Expanded expand(List<Path> paths) {
        try {
            return InputFiles.expand(paths);
        } catch (IOException e) {
            throw NianbaoException.usage("无法列出输入文件：" + cn.nianbao.util.IoErrors.reason(e));
        }
    }

    /**
     * A run that found no workbook at all says so (exit 1): an empty folder, or one holding only
     * other files, is not a clean result.
     */
    static boolean noWorkbook(PrintWriter out, List<FileReport> reports) {
        if (reports.stream().anyMatch(r -> !r.skipped())) {
            return false;
        }
        out.println("没有找到任何工作簿（.xlsx/.xls）" + (reports.isEmpty() ? "：输入中没有文件" : "：输入中的 " + reports.size()
                + " 个文件都不是报表，已跳过") + "。请检查输入的文件夹是否正确。");
        for (FileReport r : reports) {
            out.printf("  跳过：%s（%s）%n", r.read().file(), r.read().reason());
        }
        out.flush();
        return true;
    }

    static List<Filing> filings(List<FileReport> reports) {
        return reports.stream().filter(r -> r.read().readable()).map(r -> r.read().filing()).toList();
    }

    /** Adds findings made across files (duplicates, reconciliation) to the reports of their files. */
    static List<FileReport> merge(List<FileReport> reports, List<Finding> more) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        more.forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
        return reports.stream().map(r -> r.with(byFile.getOrDefault(r.read().file(), List.of()))).toList();
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
        int unreadable = 0;
        int skipped = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        Set<String> agencies = new HashSet<>();
        for (FileReport r : reports) {
            if (r.skipped()) {
                skipped++;
                continue;
            }
            if (!r.read().readable()) {
                unreadable++;
            } else {
                Filing f = r.read().filing();
                agencies.add(f.identity().code().isEmpty() ? aliases.key(f.agency()) : f.identity().code());
            }
            errors += r.count(Severity.ERROR);
            warnings += r.count(Severity.WARNING);
            infos += r.count(Severity.INFO);
        }
        int read = reports.size() - unreadable - skipped;
        out.printf("文件 %d 个 = 读取 %d + 无法读取 %d + 跳过 %d；单位 %d 个%n", reports.size(), read, unreadable, skipped,
                agencies.size());
        out.printf("问题：错误 %d 条，警告 %d 条，提示 %d 条%n", errors, warnings, infos);
        for (FileReport r : reports) {
            if (!r.skipped() && !r.read().readable()) {
                out.printf("  无法读取：%s（%s）%n", r.read().file(), r.read().reason());
            }
        }
        return unreadable > 0 || errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
