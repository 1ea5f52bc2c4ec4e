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

        public static Num of(long v) {
            return new Num(BigDecimal.valueOf(v), false);
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
