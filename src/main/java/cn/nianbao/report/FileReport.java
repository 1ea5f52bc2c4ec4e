package cn.nianbao.report;

import cn.nianbao.model.FileStatus;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.Severity;
import java.util.List;

/** One input file of a run with everything found about it; {@code skipped} when it was not a workbook. */
public record FileReport(ReadResult read, List<Finding> findings, boolean skipped) {
    public FileReport {
        findings = List.copyOf(findings);
    }

    /** A file as read, with its findings; skipped when reading found it is no filing (ReadResult#skipped). */
    public FileReport(ReadResult read, List<Finding> findings) {
        this(read, findings, read.skipped());
    }

    /** A file found in an input folder that is not a workbook: listed, not read. */
    public static FileReport skipped(String file, String reason) {
        ReadResult r = ReadResult.skip(file, reason);
        return new FileReport(r, r.findings(), true);
    }

    /** The same file with more findings about it (from checks across files). */
    public FileReport with(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new FileReport(read, all, skipped);
    }

    /** The same file with only the findings the agency can act on (not the supervisor's own, M1 and M2). */
    public FileReport forAgency() {
        return new FileReport(read, findings.stream().filter(f -> !f.code().supervisorOnly()).toList(), skipped);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** Findings of severity {@code s} that still ask for action ({@link Finding#open()}). */
    public long open(Severity s) {
        return findings.stream().filter(f -> f.severity() == s && f.open()).count();
    }

    /**
     * 通过 / 有警告 / 有错误 / 无法读取 / 跳过: a warning the clerk explained, or a supervisor let
     * stand, does not make it 有警告; an error a supervisor let stand (已确认) makes it 有警告, not
     * 有错误 (still visible, never 通过), as in a collection round.
     */
    public FileStatus status() {
        long openErrors = open(Severity.ERROR);
        return FileStatus.of(skipped, read.readable(), openErrors,
                open(Severity.WARNING) + count(Severity.ERROR) - openErrors);
    }
}
