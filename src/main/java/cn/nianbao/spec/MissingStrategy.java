package cn.nianbao.spec;

/** What a rule does when some of its cells are blank (after DHIS2's missing-value strategies). */
public enum MissingStrategy {
    /** Skip when every cell is blank; otherwise blanks count as 0 and the finding says so. */
    SKIP_IF_ALL_BLANK,
    /** Skip when any cell is blank. */
    SKIP_IF_ANY_BLANK,
    /** Always evaluate; blanks count as 0 and the finding says so. */
    NEVER_SKIP;

    static MissingStrategy parse(String s) {
        return switch (s) {
            case "skip_if_all_blank" -> SKIP_IF_ALL_BLANK;
            case "skip_if_any_blank" -> SKIP_IF_ANY_BLANK;
            case "never_skip" -> NEVER_SKIP;
            default -> throw new IllegalArgumentException(
                    "unknown missing strategy '" + s + "' (skip_if_all_blank, skip_if_any_blank, never_skip)");
        };
    }
}
