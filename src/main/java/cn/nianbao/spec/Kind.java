package cn.nianbao.spec;

/** The kind of number a cell holds. */
public enum Kind {
    /** A whole number of items, at least 0. */
    COUNT("件数：大于或等于0的整数"),
    /** Money in 万元, at least 0, up to 6 decimals. */
    MONEY("金额（万元）：大于或等于0，最多6位小数"),
    /** A whole number that may be negative (2019 format's 本年增/减). */
    SIGNED("增减数：整数，可为负数");

    private final String chinese;

    Kind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public static final int MONEY_DECIMALS = 6;

    static Kind parse(String s) {
        return switch (s) {
            case "count" -> COUNT;
            case "money" -> MONEY;
            case "signed" -> SIGNED;
            default -> throw new IllegalArgumentException("unknown kind '" + s + "' (count, money or signed)");
        };
    }
}
