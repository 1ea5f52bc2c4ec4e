package cn.nianbao.report;

import cn.nianbao.model.FileStatus;
import cn.nianbao.model.Filing;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The 汇总 sheet: one row per input file, in file order, with its status and counts; every input is here. */
final class SummarySheet {
    private SummarySheet() {
    }

    static void write(ListSheet.Book book, List<FileReport> files) throws IOException {
        ListSheet s = book.sheet(DiscrepancyWorkbook.SUMMARY, DiscrepancyWorkbook.SUMMARY_HEADER);
        List<FileReport> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(f -> f.read().file()));
        for (FileReport f : sorted) {
            s.row();
            Filing filing = f.read().filing();
            s.text(0, f.read().file());
            if (filing != null) {
                s.text(1, filing.agency());
                s.text(2, filing.identity().code());
                if (filing.year() > 0) { // 0: no year could be told (blank, not 0)
                    s.number(3, BigDecimal.valueOf(filing.year()));
                }
                s.text(4, filing.spec().id());
            }
            s.text(5, f.status().chinese(), f.status().bad() || f.status() == FileStatus.SKIPPED);
            s.number(6, BigDecimal.valueOf(f.count(Severity.ERROR)));
            s.number(7, BigDecimal.valueOf(f.count(Severity.WARNING)));
            s.number(8, BigDecimal.valueOf(f.count(Severity.INFO)));
            s.text(9, !f.read().readable() ? f.read().reason() : f.skipped() ? skippedBecause(f) : "");
        }
        s.finish(true);
    }

    /** Why a filing that was read was set aside (a year outside --years): its note. */
    private static String skippedBecause(FileReport f) {
        return f.findings().stream().filter(x -> x.code() == cn.nianbao.spec.FindingCode.F2).map(x -> x.message())
                .findFirst().orElse("");
    }
}
