package cn.nianbao.cli;

import cn.nianbao.reconcile.Reconciler;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.ReturnCopies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Writes the discrepancy workbook and the return copies a command asked for, and says where they are. */
final class Outputs {
    private Outputs() {
    }

    static void write(PrintWriter out, Path workbook, Path returns, List<FileReport> all, List<FileReport> returnable,
                      Reconciler.Result reconciled) {
        try {
            if (workbook != null) {
                DiscrepancyWorkbook.write(workbook, all, reconciled);
                out.println("问题清单：" + workbook);
            }
            if (returns != null) {
                List<Path> copies = ReturnCopies.write(returns, returnable);
                out.println("退回标注副本：" + copies.size() + " 份，在 " + returns);
            }
        } catch (IOException e) {
            throw new NianbaoException(ExitCodes.FINDINGS, "无法写出结果：" + e.getMessage());
        }
    }
}
