package cn.nianbao.read.label;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table cell's text says as a value: a number (full-width digits, thousands separators,
 * a unit such as "251000元"), a mark that means "nothing" ("—", "/", "－", "无"), or not a value
 * at all. A cell that ends in numbers after its label ("（七）总计20 0 00 0 121",
 * "一、本年新收…数量640020470") is split into the label and the number pieces.
 */
final class ValueText {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern UNIT = Pattern.compile("(万元|元|件|个|项|次|起|宗|条)$");
    private static final Pattern BLANK_MARK = Pattern.compile("[—–\\-－/／\\\\]+|无|空|/|——|--|不涉及|N/?A", Pattern.CASE_INSENSITIVE);
    /** A label followed by whitespace-separated digit groups at its end. */
    private static final Pattern TAIL = Pattern.compile("^(.*?[^\\d\\s.,+\\-])\\s*((?:\\d[\\d,]*(?:\\.\\d+)?\\s*)+)$");

    private ValueText() {
    }

    /** One value: a number with its unit (null if none), or a blank mark. */
    record Value(BigDecimal number, String unit, String raw, boolean blankMark) {
    }

    /** A cell split into its label part (may be empty) and its value pieces (may be none). */
    record Split(String label, List<String> pieces) {
    }

    /** The value a whole cell holds, or null when the cell is not a value. */
    static Value value(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        if (s.isEmpty()) {
            return null;
        }
        if (BLANK_MARK.matcher(s).matches()) {
            return new Value(null, null, text.strip(), true);
        }
        String unit = null;
        Matcher u = UNIT.matcher(s);
        if (u.find() && u.start() > 0) {
            unit = u.group(1);
            s = s.substring(0, u.start());
        }
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        return new Value(new BigDecimal(s.replace(",", "").replaceFirst("^\\+", "")), unit, text.strip(), false);
    }

    /**
     * A cell that is a label with numbers run onto its end, split; a cell that is all values
     * ("20 0 00 0 121") gives an empty label. Null when the cell has no trailing numbers.
     */
    static Split split(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (value(s) != null) {
            return new Split("", List.of(s));
        }
        String[] parts = s.split("[\\s\\u00A0\\u3000]+");
        if (parts.length > 1 && allValues(parts)) {
            return new Split("", List.of(parts));
        }
        Matcher m = TAIL.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String label = m.group(1);
        // "第3页" or "2023年": numbers that belong to the words around them, not a table row.
        if (label.endsWith("第") || label.endsWith(".") || label.endsWith("、")) {
            return null;
        }
        List<String> pieces = new ArrayList<>(List.of(m.group(2).strip().split("\\s+")));
        return new Split(label, pieces);
    }

    private static boolean allValues(String[] parts) {
        for (String p : parts) {
            if (value(p) == null) {
                return false;
            }
        }
        return true;
    }
}
