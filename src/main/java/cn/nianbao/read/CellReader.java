package cn.nianbao.read;

import cn.nianbao.model.CellCheck;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Numbers;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Kind;
import cn.nianbao.util.NumberText;
import java.math.BigDecimal;

/** Turns one spreadsheet cell into a {@link CellValue} of a given kind, with the rule it breaks if any. */
public final class CellReader {
    private CellReader() {
    }

    /** A cell's value; {@code rule} names the value rule it breaks (null if none); {@code formula} if it held one. */
    public record Read(CellValue value, FindingCode rule, boolean formula) {
    }

    static Read read(RawCell cell, Kind kind) {
        boolean formula = cell.formula();
        return switch (cell.type()) {
            // A formula the file kept no result for (POI writes them so) has no value: not 0.
            case BLANK -> new Read(CellValue.BLANK, null, formula);
            case NUMBER -> checked(Numbers.fromDouble(cell.number()), kind, null, false, formula);
            case STRING -> text(cell.text(), kind, formula);
            case BOOLEAN -> new Read(new CellValue.Invalid(cell.text(), "不是数字"), FindingCode.V1, formula);
            case ERROR -> new Read(new CellValue.Invalid(cell.text(), "单元格显示错误值，不是数字"), FindingCode.V1, formula);
        };
    }

    private static Read text(String raw, Kind kind, boolean formula) {
        if (raw == null || raw.isBlank()) {
            return new Read(CellValue.BLANK, null, formula);
        }
        BigDecimal v = NumberText.cell(raw);
        if (v == null) {
            return new Read(new CellValue.Invalid(raw.strip(), "不是数字"), FindingCode.V1, formula);
        }
        return checked(Numbers.normalize(v), kind, raw.strip(), true, formula);
    }

    /** Applies the kind's limits ({@link CellCheck}). */
    static Read checked(BigDecimal v, Kind kind, String raw, boolean fromText, boolean formula) {
        CellCheck.Result r = CellCheck.of(v, kind, raw, fromText);
        return new Read(r.value(), r.rule(), formula);
    }
}
