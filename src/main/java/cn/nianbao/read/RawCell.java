package cn.nianbao.read;

/**
 * A spreadsheet cell as stored, before any interpretation: what kind of value, its text or
 * number, and whether it holds a formula (and, if so, whether the file kept its result).
 */
record RawCell(Type type, String text, double number, boolean formula, boolean cached) {
    enum Type { BLANK, NUMBER, STRING, BOOLEAN, ERROR }

    static final RawCell EMPTY = new RawCell(Type.BLANK, null, 0, false, true);

    /** A number; NaN or a number beyond a double's range (a damaged or made-up file) is Excel's error #NUM!. */
    static RawCell number(double v, boolean formula) {
        if (!Double.isFinite(v)) {
            return new RawCell(Type.ERROR, "#NUM!", 0, formula, true);
        }
        return new RawCell(Type.NUMBER, null, v, formula, true);
    }

    static RawCell text(Type type, String s, boolean formula) {
        return new RawCell(type, s, 0, formula, true);
    }

    /** A formula whose result the file does not hold (as POI writes them): no value, not 0. */
    static RawCell uncachedFormula() {
        return new RawCell(Type.BLANK, null, 0, true, false);
    }

    /** The cell as a label shows it. */
    String display() {
        return switch (type) {
            case BLANK -> "";
            case NUMBER -> cn.nianbao.model.Numbers.fromDouble(number).toPlainString();
            default -> text == null ? "" : text;
        };
    }
}
