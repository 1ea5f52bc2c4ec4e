package cn.nianbao.cli;

import cn.nianbao.model.Reconciliation;
import cn.nianbao.report.Decisions;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.ReturnCopies;
import cn.nianbao.report.SettledSheet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the discrepancy workbook and the return copies a command asked for, and says where they are. */
final class Outputs {
    private Outputs() {
    }

    /**
     * The discrepancy workbook with the decisions carried into it (those whose finding is gone on 已处理); the list
     * it replaces is backed up first. The copies are placed first and every place checked
     * ({@link Guard#replaceable}), so a refusal comes before anything is written.
     */
    static void write(PrintWriter out, Path workbook, Path returns, List<FileReport> all, List<FileReport> returnable,
                      Reconciliation reconciled, Guard guard, Carry.Loaded loaded, Decisions.Applied applied) {
        write(out, workbook, p -> DiscrepancyWorkbook.write(p, all, reconciled, book -> SettledSheet.write(book, applied.settled())),
                returns, returnable, guard, loaded, applied);
    }

    /** How the discrepancy workbook of a run is written to a path. */
    @FunctionalInterface
    interface Workbook {
        void write(Path out) throws IOException;
    }

    /** As above, the workbook written by {@code writer}. */
    static void write(PrintWriter out, Path workbook, Workbook writer, Path returns, List<FileReport> returnable, Guard guard,
                      Carry.Loaded loaded, Decisions.Applied applied) {
        Map<String, Path> copies = returns == null ? Map.of() : ReturnCopies.plan(returns, returnable);
        guard.replaceable(OutputGuard.Kind.RETURN_COPY, copies.values());
        try {
            if (workbook != null) {
                Path backup = Carry.backupBeforeWriting(workbook, loaded);
                writer.write(workbook);
                out.println("问题清单：" + workbook);
                Carry.report(out, loaded, applied, backup);
                Carry.reportBackup(out, loaded, backup);
            }
            if (returns != null) {
                ReturnCopies.write(copies, returnable);
                out.println("退回标注副本：" + copies.size() + " 份，在 " + returns);
                stale(out, returns, copies.values(), guard);
            }
        } catch (IOException e) {
            throw NianbaoException.io(e);
        }
    }

    /**
     * After a run the returns folder holds exactly this run's copies and drafts: what an earlier run
     * wrote there for a problem that is gone is removed (only our own untouched files; never another).
     */
    static void stale(PrintWriter out, Path returns, java.util.Collection<Path> written, Guard guard) throws IOException {
        List<Path> removed = guard.outputs().removeStale(returns, written);
        if (!removed.isEmpty()) {
            out.println("已删除上次运行留在 " + returns + " 中、本次不再需要的 " + removed.size() + " 个文件（本工具写出、没人改过的副本、草稿或空白模板）："
                    + String.join("、", removed.stream().map(p -> p.getFileName().toString()).toList()));
        }
    }
}
