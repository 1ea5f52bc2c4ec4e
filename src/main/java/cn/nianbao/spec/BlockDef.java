package cn.nianbao.spec;

import java.util.List;

/** A block of a table: table 二 has one per 第二十条 item; tables 三 and 四 have one without key or label. */
public record BlockDef(String key, String label, String corner, List<ColumnDef> cols, List<RowDef> rows) {
    public BlockDef {
        cols = List.copyOf(cols);
        rows = List.copyOf(rows);
    }
}
