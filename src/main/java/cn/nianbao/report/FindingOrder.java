package cn.nianbao.report;

import cn.nianbao.model.Finding;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/** The one deterministic order of findings: file, table, position in the sheet, rule, message. */
public final class FindingOrder {
    private static final List<String> TABLES = List.of("二", "三", "四");

    private FindingOrder() {
    }

    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> nz(f.file()))
            .thenComparingInt(f -> f.table() == null ? -1 : TABLES.indexOf(f.table()))
            .thenComparing(f -> nz(f.sheet()))
            .thenComparingInt(f -> f.cell() == null ? -1 : new CellReference(f.cell()).getRow())
            .thenComparingInt(f -> f.cell() == null ? -1 : new CellReference(f.cell()).getCol())
            .thenComparing(f -> nz(f.ruleId()))
            .thenComparing(f -> nz(f.message()));

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
