package cn.nianbao.util;

/** Spreadsheet cell addresses: row and column numbers (from 0) as A1 text, as Excel writes them. */
public final class A1 {
    private A1() {
    }

    /** The column's letters: 0 is A, 25 Z, 26 AA. */
    public static String column(int col) {
        StringBuilder b = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            b.append((char) ('A' + (c - 1) % 26));
        }
        return b.reverse().toString();
    }

    /** "B7" for row 6, column 1. */
    public static String of(int row, int col) {
        return column(col) + (row + 1);
    }

    /** "$B$7" for row 6, column 1. */
    public static String absolute(int row, int col) {
        return "$" + column(col) + "$" + (row + 1);
    }
}
