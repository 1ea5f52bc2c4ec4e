package cn.nianbao.model;

import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * A fingerprint of a filing's input numbers: written into a workbook this tool makes as an output
 * (an annotated copy, an imported report, a round's total) and compared when the file is met
 * again, to tell a file nobody has typed into from one a person changed. Blank, each number and
 * each invalid value (with its text) count, in the format's order of input cells.
 */
public final class ValuesDigest {
    private ValuesDigest() {
    }

    public static String of(Filing f) {
        return of(f.spec(), k -> f.value(k));
    }

    public static String of(FormatSpec spec, Function<String, CellValue> value) {
        MessageDigest md = cn.nianbao.util.Sha256.digest();
        StringBuilder b = new StringBuilder(spec.id()).append('\n');
        for (CellDef c : spec.inputCells()) {
            CellValue v = value.apply(c.key());
            b.append(c.key()).append('=');
            if (v instanceof CellValue.Num n) {
                b.append(n.value().toPlainString());
            } else if (v instanceof CellValue.Invalid bad) {
                // The text as typed: an invalid value changed into another is a change too.
                b.append('!').append(bad.raw() == null ? "" : bad.raw().replace("\\", "\\\\").replace("\n", "\\n"));
            }
            b.append('\n');
        }
        return HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** The fingerprint of numbers about to be written (input cell key to number; absent = blank). */
    public static String ofNumbers(FormatSpec spec, java.util.Map<String, BigDecimal> numbers) {
        return of(spec, k -> numbers.containsKey(k) ? CellValue.Num.of(numbers.get(k), false) : CellValue.BLANK);
    }
}
