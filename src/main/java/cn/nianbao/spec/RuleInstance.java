package cn.nianbao.spec;

/**
 * One expansion of a rule, for one row or column: left = right over concrete cells.
 * {@code item} is the row or column key the rule was expanded for ("" if not expanded),
 * {@code message} has the item's Chinese label filled in.
 */
public record RuleInstance(String ruleId, String item, Expr left, Expr right, String message) {
}
