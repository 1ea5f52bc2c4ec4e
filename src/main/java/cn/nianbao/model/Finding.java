package cn.nianbao.model;

import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Severity;
import java.math.BigDecimal;

/**
 * One problem found in a filing: its code from the catalogue ({@link FindingCode}), how serious,
 * where (the cell's key in the national format; table, row and column labels; sheet and A1 cell
 * in the source file), what the rule requires of that cell ({@code required}, 应为) and what the
 * cell holds ({@code held}, 实为), and a Chinese message. A clerk may have explained it in the
 * template ({@code explanation}, 已说明) and a supervisor decided about it in the 问题清单
 * ({@code decision}). Fields that do not apply are null. Made by the factories below, never by position.
 */
public record Finding(
        FindingCode code,
        Severity severity,
        String file,
        String cellKey,
        String table,
        String row,
        String column,
        String sheet,
        String cell,
        BigDecimal required,
        BigDecimal held,
        String message,
        String explanation,
        Decision decision) {

    public Finding {
        if (code == null || severity == null) {
            throw new IllegalArgumentException("a finding needs a code and a severity");
        }
        if (!code.allows(severity)) {
            throw new IllegalArgumentException(code + " is never " + severity);
        }
    }

    /** The code as written in every output: R1, V7, D1 … */
    public String ruleId() {
        return code.name();
    }

    /** 应为 minus 实为, when both are numbers. */
    public BigDecimal difference() {
        return required == null || held == null ? null : Numbers.normalize(required.subtract(held));
    }

    /** A finding about a whole file, at its code's severity. */
    public static Finding ofFile(FindingCode code, String file, String message) {
        return new Finding(code, code.severity(), file, null, null, null, null, null, null, null, null, message, null, null);
    }

    /** A finding about a table (table number 二/三/四), or a sheet or a cell of it that belongs to no national cell. */
    public static Finding inTable(FindingCode code, String file, String table, String sheet, String a1, String message) {
        return new Finding(code, code.severity(), file, null, table, null, null, sheet, a1, null, null, message, null, null);
    }

    /** A finding about a row of a table (its full label path), where in the file when known. */
    public static Finding inRow(FindingCode code, String file, String table, String row, String sheet, String a1, String message) {
        return new Finding(code, code.severity(), file, null, table, row, null, sheet, a1, null, null, message, null, null);
    }

    /** A finding about one cell of the national tables, at {@code sheet}!{@code a1} in the file (both may be null). */
    public static Finding atCell(FindingCode code, String file, CellDef def, String sheet, String a1, String message) {
        return new Finding(code, code.severity(), file, def.key(), def.table().number(), def.rowLabel(), def.colLabel(),
                sheet, a1, null, null, message, null, null);
    }

    /** This finding with what its rule requires of the cell (应为) and what the cell holds (实为). */
    public Finding withSides(BigDecimal required, BigDecimal held) {
        return new Finding(code, severity, file, cellKey, table, row, column, sheet, cell, required, held, message, explanation, decision);
    }

    /** This finding at another of the severities its code allows. */
    public Finding withSeverity(Severity s) {
        return new Finding(code, s, file, cellKey, table, row, column, sheet, cell, required, held, message, explanation, decision);
    }

    /** This finding about another file (the same problem, named in each of two files). */
    public Finding inFile(String otherFile) {
        return new Finding(code, severity, otherFile, cellKey, table, row, column, sheet, cell, required, held, message, explanation, decision);
    }

    /** This finding with the clerk's 说明 from the template (null: none). */
    public Finding withExplanation(String text) {
        return new Finding(code, severity, file, cellKey, table, row, column, sheet, cell, required, held, message,
                text == null || text.isBlank() ? null : text.strip(), decision);
    }

    /** This finding with a supervisor's decision (null: none). */
    public Finding withDecision(Decision d) {
        return new Finding(code, severity, file, cellKey, table, row, column, sheet, cell, required, held, message,
                explanation, d);
    }

    /**
     * Whether the finding still asks for action: an error unless a supervisor let it stand (then it
     * is 已确认); a warning unless the clerk explained it or a supervisor let it stand; 需退回修改
     * keeps either open. A note (提示) never is.
     */
    public boolean open() {
        if (decision != null && decision.choice() == Decision.Choice.RETURN) {
            return severity != Severity.INFO;
        }
        boolean cleared = decision != null && decision.clears();
        return switch (severity) {
            case ERROR -> !cleared;
            case WARNING -> !cleared && explanation == null;
            case INFO -> false;
        };
    }
}
