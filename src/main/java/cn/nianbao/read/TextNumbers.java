package cn.nianbao.read;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Numbers typed as text: "12", "１２" (full width), "1,234", " 7 ". */
public final class TextNumbers {
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private TextNumbers() {
    }

    /** The number the text spells, or null when it is not a number. */
    public static BigDecimal parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    }
}
