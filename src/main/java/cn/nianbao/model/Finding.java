package cn.nianbao.model;

import cn.nianbao.spec.Severity;

import java.math.BigDecimal;

/**
 * One problem found in a filing: which rule, how serious, where (table, row and column labels;
 * sheet and A1 cell in the source file), both sides of the comparison and a Chinese message.
 * Fields that do not apply are null.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String file,
        String table,
        String row,
        String column,
        String sheet,
        String cell,
        BigDecimal expected,
        BigDecimal actual,
        String message) {

    /** Expected minus actual, when both sides are numbers. */
    public BigDecimal difference() {
        return expected == null || actual == null ? null : Numbers.normalize(expected.subtract(actual));
    }

    /** A finding about a whole file rather than a cell. */
    public static Finding ofFile(String ruleId, Severity severity, String file, String message) {
        return new Finding(ruleId, severity, file, null, null, null, null, null, null, null, message);
    }
}
