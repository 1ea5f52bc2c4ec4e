package cn.nianbao.report;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.util.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A batch of input files as read, check and reconcile see it: every file read (and checked within
 * itself), in parallel, in input order, the files that are no workbook listed after them; and the
 * findings made across files added to the files they are about.
 */
public final class Batch {
    private Batch() {
    }

    /**
     * Every input of {@code files} read and checked on {@code threads} threads ({@code done} is
     * told how many have finished), then every skipped file; in input order.
     */
    public static List<FileReport> checked(WorkbookReader reader, InputFiles.Expanded files, int threads, IntConsumer done) {
        List<FileReport> out = new ArrayList<>(Parallel.map(files.inputs(), threads, p -> {
            ReadResult r = reader.read(p);
            if (!r.readable() && InputFiles.reportName(p.getFileName().toString()) && r.reason().contains(WorkbookReader.NO_TABLES)) {
                // A Word or PDF file without the national tables (a cover letter, a notice): no report, listed as skipped.
                return FileReport.skipped(p.toString(), r.reason());
            }
            return new FileReport(r, Checker.all(r));
        }, done));
        files.skipped().forEach(s -> out.add(FileReport.skipped(s.file().toString(), s.reason())));
        return out;
    }

    /** Every input of {@code files} read (not checked) on {@code threads} threads, in input order; the skipped ones not included. */
    public static List<ReadResult> read(WorkbookReader reader, InputFiles.Expanded files, int threads, IntConsumer done) {
        return Parallel.map(files.inputs(), threads, reader::read, done);
    }

    /** The filings of the files that could be read. */
    public static List<Filing> filings(List<FileReport> reports) {
        return reports.stream().filter(r -> r.read().readable()).map(r -> r.read().filing()).toList();
    }

    /**
     * The same reports with those of {@code filings} set aside as skipped: listed (agency and year
     * kept) with one note why, their own findings not counted.
     */
    public static List<FileReport> skip(List<FileReport> reports, java.util.Collection<Filing> filings, String reason) {
        java.util.Set<String> files = new java.util.HashSet<>();
        filings.forEach(f -> files.add(f.file()));
        return reports.stream().map(r -> !files.contains(r.read().file()) ? r : new FileReport(r.read(),
                List.of(Finding.ofFile(cn.nianbao.spec.FindingCode.F2, r.read().file(), "跳过：" + reason)), true)).toList();
    }

    /** Adds findings made across files (duplicates, reconciliation) to the reports of their files. */
    public static List<FileReport> merge(List<FileReport> reports, List<Finding> more) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        more.forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
        return reports.stream().map(r -> r.with(byFile.getOrDefault(r.read().file(), List.of()))).toList();
    }
}
