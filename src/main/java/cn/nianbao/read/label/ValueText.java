package cn.nianbao.read.label;

import cn.nianbao.read.source.Source;
import cn.nianbao.read.source.SourceCell;

import cn.nianbao.util.NumberText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table cell's text as label and values: a cell that ends in numbers after its label
 * ("（七）总计20 0 00 0 121", "一、本年新收…数量640020470") is split into the label and the number
 * pieces. What a piece says as a value is {@link NumberText#report}'s to tell.
 */
final class ValueText {
    /** A label followed by whitespace-separated digit groups at its end. */
    private static final Pattern TAIL = Pattern.compile("^(.*?[^\\d\\s.,+\\-])\\s*((?:\\d[\\d,]*(?:\\.\\d+)?\\s*)+)$");

    private ValueText() {
    }

    /** A cell split into its label part (may be empty) and its value pieces (may be none). */
    record Split(String label, List<String> pieces) {
    }

    /**
     * A cell that is a label with numbers run onto its end, split; a cell that is all values
     * ("20 0 00 0 121") gives an empty label. Null when the cell has no trailing numbers.
     */
    static Split split(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (NumberText.report(s) != null) {
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
            if (NumberText.report(p) == null) {
                return false;
            }
        }
        return true;
    }
}
