package cn.nianbao.read;

import java.util.Map;

/** A workbook as the reader needs it: named sheets of raw cells, and the recorded identity entries. */
interface Grid {
    boolean hasSheet(String name);

    /** The cell at a 0-based row and column of a sheet; {@link RawCell#EMPTY} if absent. */
    RawCell cell(String sheet, int row, int col);

    /** Whether the workbook carries macros (they are never run; a clerk's template should have none). */
    default boolean hasMacros() {
        return false;
    }

    /** The key/value entries of the identity sheet, or of the document's custom properties; empty if none. */
    Map<String, String> identityEntries();
}
