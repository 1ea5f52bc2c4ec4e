package cn.nianbao.spec;

import java.util.List;

/** One national table (二, 三 or 四). */
public record TableDef(String key, String number, String title, String sheet, TableLayout layout, List<BlockDef> blocks) {
    public TableDef {
        blocks = List.copyOf(blocks);
    }

    /** The one block of a table that is not made of blocks. */
    public BlockDef only() {
        if (blocks.size() != 1) {
            throw new IllegalStateException("table " + key + " has " + blocks.size() + " blocks");
        }
        return blocks.get(0);
    }
}
