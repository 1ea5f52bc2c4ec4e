package cn.nianbao.spec;

/** How a table is drawn. */
public enum TableLayout {
    /** Table 二: 第二十条 blocks stacked, each with its own header row. */
    BLOCKS,
    /** Table 三: row labels on the left, a column header on top. */
    MATRIX,
    /** Table 四: the rows drawn side by side as column groups over one data row. */
    HORIZONTAL
}
