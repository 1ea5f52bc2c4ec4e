package cn.nianbao.model;

import java.math.BigDecimal;

/**
 * What one cell of a filing holds. Blank is not zero: a reader never turns "", "—" or an
 * unreadable value into 0; it returns {@link Blank} or {@link Invalid} and says why.
 */
public sealed interface CellValue permits CellValue.Num, CellValue.Blank, CellValue.Invalid {

    /** A number; {@code fromText} when it was typed as text ("12", "１２", "1,234"). */
    record Num(BigDecimal value, boolean fromText) implements CellValue {
        public Num {
            value = Numbers.normalize(value);
        }

        private static final Num[] SMALL = new Num[1024];

        static {
            for (int i = 0; i < SMALL.length; i++) {
                SMALL[i] = new Num(BigDecimal.valueOf(i), false);
            }
        }

        public static Num of(long v) {
            return v >= 0 && v < SMALL.length ? SMALL[(int) v] : new Num(BigDecimal.valueOf(v), false);
        }

        /** A number, shared for the small whole numbers most cells hold (a province reads millions of 0s). */
        public static Num of(BigDecimal v, boolean fromText) {
            if (!fromText && v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(SMALL.length)) < 0 && Numbers.isWhole(v)) {
                return SMALL[v.intValue()];
            }
            return new Num(v, fromText);
        }
    }

    /** Nothing in the cell. */
    record Blank() implements CellValue {
    }

    /** Something that is not an acceptable number: the raw text and why. */
    record Invalid(String raw, String reason) implements CellValue {
    }

    CellValue BLANK = new Blank();

    default boolean isBlank() {
        return this instanceof Blank;
    }

    /** The number, or null when blank or invalid. */
    default BigDecimal number() {
        return this instanceof Num n ? n.value() : null;
    }

    /** Plain decimal text of a number, "" otherwise. */
    default String plain() {
        return this instanceof Num n ? n.value().toPlainString() : "";
    }
}
