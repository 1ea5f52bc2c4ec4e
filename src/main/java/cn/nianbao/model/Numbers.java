package cn.nianbao.model;

import java.math.BigDecimal;

/** Exact number helpers: every number in nianbao is a BigDecimal in one canonical form. */
public final class Numbers {
    private Numbers() {
    }

    /** Canonical form: no trailing zeros and never a negative scale (so 1E+7 prints 10000000). */
    public static BigDecimal normalize(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The decimal a spreadsheet shows for a stored double. Excel writes doubles with up to 17
     * digits ("2.1000000000000001"); the shortest text that reads back as the same double is
     * the value the user typed.
     */
    public static BigDecimal fromDouble(double d) {
        return normalize(new BigDecimal(Double.toString(d)));
    }

    public static boolean isWhole(BigDecimal v) {
        return normalize(v).scale() <= 0;
    }
}
