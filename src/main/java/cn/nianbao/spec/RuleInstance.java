package cn.nianbao.spec;

/**
 * One expansion of a rule, for one row or column: left = right over concrete cells.
 * {@code item} is the row or column key the rule was expanded for ("" if not expanded),
 * {@code message} has the item's Chinese label filled in.
 */
public record RuleInstance(String ruleId, String item, Expr left, Expr right, String message) {

    /** This year's cells of the rule, left side then right side (last year's cells left out). */
    public java.util.List<String> cells() {
        return java.util.stream.Stream.concat(left.terms().stream(), right.terms().stream())
                .filter(t -> !t.previous()).map(Expr.Term::cell).toList();
    }

    /** A rule across years (C1, C2) compares this year's filing with last year's. */
    public boolean acrossYears() {
        return left.refersToPreviousYear() || right.refersToPreviousYear();
    }
}
