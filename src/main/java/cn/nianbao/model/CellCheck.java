package cn.nianbao.model;

import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Kind;
import java.math.BigDecimal;

/**
 * What a number may be in a cell of a given kind (the value rules V2–V5): counts whole and ≥ 0,
 * money ≥ 0 with at most 6 decimals, signed changes anything. One check for every reader: a
 * template's cells, another workbook's, a published report's text.
 */
public final class CellCheck {
    private CellCheck() {
    }

    /** A cell's value and the value rule it breaks or notes ({@code null} when none). */
    public record Result(CellValue value, FindingCode rule) {
    }

    /**
     * {@code v} as a value of {@code kind}: invalid (V2 negative, V3 not whole, V4 too many decimals)
     * with the text shown as {@code raw} (its plain digits when null), or a number, noted V5 when it
     * was typed as text.
     */
    public static Result of(BigDecimal v, Kind kind, String raw, boolean fromText) {
        if (kind != Kind.SIGNED && v.signum() < 0) {
            return new Result(new CellValue.Invalid(shown(v, raw), "不能为负数"), FindingCode.V2);
        }
        if (kind != Kind.MONEY && !Numbers.isWhole(v)) {
            return new Result(new CellValue.Invalid(shown(v, raw), "件数必须是整数，不能有小数"), FindingCode.V3);
        }
        if (kind == Kind.MONEY && v.scale() > Kind.MONEY_DECIMALS) {
            return new Result(new CellValue.Invalid(shown(v, raw), "金额最多保留6位小数"), FindingCode.V4);
        }
        return new Result(CellValue.Num.of(v, fromText), fromText ? FindingCode.V5 : null);
    }

    private static String shown(BigDecimal v, String raw) {
        return raw != null ? raw : v.toPlainString();
    }
}
