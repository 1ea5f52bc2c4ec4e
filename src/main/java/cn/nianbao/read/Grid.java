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

    /**
     * The sheet as POI holds it, for reading it by its labels when a clerk moved its rows or
     * columns; null when this grid has no POI workbook (the streaming reader: the caller reopens the file).
     */
    default org.apache.poi.ss.usermodel.Sheet poiSheet(String name) {
        return null;
    }

    /** The key/value entries of the identity sheet, or of the document's custom properties; empty if none. */
    Map<String, String> identityEntries();
}
