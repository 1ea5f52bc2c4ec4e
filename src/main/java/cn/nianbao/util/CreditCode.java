package cn.nianbao.util;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z; the
 * last is a check character over the first 17.
 */
public final class CreditCode {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why {@code code} is not a valid 统一社会信用代码, in Chinese; null when it is valid. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位，实为" + (code == null ? 0 : code.length()) + "位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return "统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i) + "”不是允许的字符";
            }
            sum += v * WEIGHTS[i];
        }
        char expected = CHARS.charAt((31 - sum % 31) % 31);
        if (code.charAt(17) != expected) {
            return "统一社会信用代码校验位错误：第18位应为“" + expected + "”，实为“" + code.charAt(17) + "”";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** Upper case, no spaces, full-width letters and digits folded: what a clerk meant to type. */
    public static String normalize(String code) {
        return code == null ? "" : java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }
}
