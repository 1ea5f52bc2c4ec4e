package cn.nianbao.read;

/**
 * A quick look at the start of a worksheet's XML, without parsing it: whether a cell of one column,
 * within a range of rows, may hold something. The reader looks for a clerk's 说明 this way, so that
 * the 校验 sheet and the cover, where nearly every template has nothing typed, are parsed only
 * when they may hold one. Conservative: a cell that is not an empty element ({@code <c …/>}), a
 * cell without an {@code r} reference, or a tag it cannot finish reading answers true.
 */
final class CellProbe {
    private final byte[] column;
    private final int firstRow;
    private final int lastRow;

    /** Column letters ({@code "I"}) and 0-based rows, both inclusive. */
    CellProbe(String column, int firstRow, int lastRow) {
        this.column = column.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.firstRow = firstRow;
        this.lastRow = lastRow;
    }

    boolean mayHoldValue(byte[] b, int n) {
        int i = 0;
        while (true) {
            while (i < n && b[i] != '<') {
                i++;
            }
            if (i + 2 >= n) {
                return false;
            }
            i++;
            // A start tag named c (with or without a prefix): <c …> or <x:c …>.
            int nameEnd = i;
            while (nameEnd < n && b[nameEnd] != ' ' && b[nameEnd] != '\t' && b[nameEnd] != '\r' && b[nameEnd] != '\n'
                    && b[nameEnd] != '/' && b[nameEnd] != '>') {
                nameEnd++;
            }
            if (nameEnd == i || b[nameEnd - 1] != 'c' || nameEnd - i > 1 && b[nameEnd - 2] != ':') {
                continue;
            }
            int refFrom = -1;
            int refTo = -1;
            int j = nameEnd;
            while (j < n && b[j] != '>') {
                if (b[j] == 'r' && j + 2 < n && b[j + 1] == '=' && (b[j + 2] == '"' || b[j + 2] == '\'') && isSpace(b[j - 1])) {
                    byte quote = b[j + 2];
                    refFrom = j + 3;
                    refTo = refFrom;
                    while (refTo < n && b[refTo] != quote) {
                        refTo++;
                    }
                    j = refTo;
                }
                j++;
            }
            if (j >= n || refFrom < 0) {
                return true; // a tag cut off, or a cell without its reference: only a parse can tell
            }
            if (b[j - 1] != '/' && wanted(b, refFrom, refTo)) {
                return true;
            }
            i = j;
        }
    }

    private boolean wanted(byte[] b, int from, int to) {
        int letters = from;
        while (letters < to && b[letters] >= 'A' && b[letters] <= 'Z') {
            letters++;
        }
        if (letters - from != column.length) {
            return false;
        }
        for (int k = 0; k < column.length; k++) {
            if (b[from + k] != column[k]) {
                return false;
            }
        }
        int row = 0;
        for (int k = letters; k < to; k++) {
            if (b[k] < '0' || b[k] > '9' || row > 1_000_000) {
                return true; // not a plain reference: only a parse can tell
            }
            row = row * 10 + (b[k] - '0');
        }
        return row - 1 >= firstRow && row - 1 <= lastRow;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
