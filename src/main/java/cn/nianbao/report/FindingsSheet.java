package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 问题清单 sheet: one row per finding in {@link FindingOrder}, with the agency, the cell as a
 * link that opens the source file at that cell, 应为, 实为 and 差额; then what the clerk explained
 * (单位说明) and what a supervisor decided (处理意见, a dropdown, and 备注), carried from earlier lists
 * ({@link Decisions}).
 */
final class FindingsSheet {
    private FindingsSheet() {
    }

    /** {@code base} is the workbook's folder, from which the links are relative. */
    static void write(ListSheet.Book book, List<FileReport> files, Path base) throws IOException {
        ListSheet s = book.sheet(DiscrepancyWorkbook.FINDINGS, DiscrepancyWorkbook.FINDING_HEADER);
        List<Finding> all = new ArrayList<>();
        Map<String, Filing> byFile = new HashMap<>();
        for (FileReport f : files) {
            all.addAll(f.findings());
            if (f.read().readable()) {
                byFile.put(f.read().file(), f.read().filing());
            }
        }
        all.sort(FindingOrder.ORDER);
        for (Finding x : all) {
            s.row();
            Filing filing = byFile.get(x.file());
            if (filing != null) {
                s.text(0, filing.agency());
                s.text(1, filing.identity().code());
                if (filing.year() > 0) { // 0: no year could be told (blank, not 0)
                    s.number(2, BigDecimal.valueOf(filing.year()));
                }
            }
            s.text(3, x.table());
            s.text(4, x.row());
            s.text(5, x.column());
            if (x.cell() != null) {
                s.link(6, link(base, x.file()) + "#'" + x.sheet().replace("'", "''") + "'!" + x.cell(),
                        x.sheet() + "!" + x.cell());
            }
            s.text(7, x.ruleId());
            s.text(8, x.severity().chinese(), x.severity() == Severity.ERROR);
            s.text(9, x.message());
            s.number(10, x.required());
            s.number(11, x.held());
            s.number(12, x.difference());
            s.text(13, x.file());
            s.text(14, x.explanation());
            if (x.decision() != null) {
                s.text(15, x.decision().choice() == null ? null : x.decision().choice().chinese());
                String note = x.decision().note();
                if (!x.decision().noted().isEmpty()) {
                    note = note.isEmpty() ? x.decision().noted() : note + "\n（" + x.decision().noted() + "）";
                }
                s.text(16, note.isEmpty() ? null : note, x.decision().choice() == null);
            }
        }
        s.dropdown(15, java.util.Arrays.stream(cn.nianbao.model.Decision.Choice.values())
                .map(cn.nianbao.model.Decision.Choice::chinese).toList());
        s.finish(true);
    }

    /** A link from the workbook's folder to the source file, relative when it can be. */
    static String link(Path base, String file) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        String rel;
        try {
            rel = base.relativize(target).toString();
        } catch (IllegalArgumentException e) {
            rel = target.toString();
        }
        return rel.replace('\\', '/');
    }
}
