package cn.nianbao.spec;

/** One cell of the national tables: a row of a block crossed with a column. */
public record CellDef(String key, TableDef table, BlockDef block, RowDef row, ColumnDef col) {

    public Kind kind() {
        return col.kind();
    }

    /** A total is computed from other cells (a formula in our template); everything else is typed in. */
    public boolean isTotal() {
        return row.total() || col.total();
    }

    /** The full row label path joined with '/', e.g. 三、本年度办理结果/（三）不予公开/1.属于国家秘密. */
    public String rowLabel() {
        String rows = String.join("/", row.path());
        return block.label().isEmpty() ? rows : block.label() + "/" + rows;
    }

    /** The national column label. */
    public String colLabel() {
        return col.label();
    }
}
