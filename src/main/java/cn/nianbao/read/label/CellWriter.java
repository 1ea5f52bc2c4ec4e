package cn.nianbao.read.label;

import cn.nianbao.model.CellCheck;
import cn.nianbao.model.CellLocation;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Finding;
import cn.nianbao.read.source.SourceCell;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.LabelTargets.Target;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.NumberText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the label readers put what they read: each cell's value (inputs, and totals as the
 * source printed them), where it was found, and the findings; one rule for what a published
 * cell's text is as a value (a number, "—" read as blank with L7, a unit converted with L7, text
 * that is no number invalid with V1, a negative or fractional count invalid by the cell's kind).
 */
final class CellWriter {
    final String file;
    final Map<String, CellValue> inputs = new LinkedHashMap<>();
    final Map<String, CellValue> stored = new LinkedHashMap<>();
    final Map<String, CellLocation> locations = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();

    CellWriter(String file) {
        this.file = file;
    }

    /** A cell's text as published, read as its value: {@code v} is {@link NumberText#report}'s reading, null when the text is no value. */
    void put(CellDef def, String text, NumberText.Reading v, SourceCell at) {
        if (v == null) {
            // A piece run onto the label that is no number ("1,21"): invalid, never a guess and never 0.
            put(def, new CellValue.Invalid(text.strip(), "不是数字"), at);
            findings.add(cellFinding(FindingCode.V1, Severity.ERROR, def, at, null,
                    "“" + text.strip() + "”不是数字（本格按无效值处理，不计为0）"));
            return;
        }
        if (v.blankMark()) {
            put(def, CellValue.BLANK, at);
            findings.add(cellFinding(FindingCode.L7, Severity.INFO, def, at, null,
                    "“" + v.raw() + "”按空白读取（不是0）：若本项为0，请填写0"));
            return;
        }
        BigDecimal n = v.number();
        if (v.unit() != null) {
            if (def.kind() == cn.nianbao.spec.Kind.MONEY && v.unit().equals("元")) {
                n = n.movePointLeft(4);
                findings.add(cellFinding(FindingCode.L7, Severity.INFO, def, at, n,
                        "“" + v.raw() + "”以元为单位，已换算为" + cn.nianbao.model.Numbers.normalize(n).toPlainString() + "万元"));
            } else {
                findings.add(cellFinding(FindingCode.L7, Severity.INFO, def, at, n, "“" + v.raw() + "”带单位，已按数字"
                        + cn.nianbao.model.Numbers.normalize(n).toPlainString() + "读取"));
            }
        }
        CellCheck.Result r = CellCheck.of(n, def.kind(), v.raw(), false);
        if (r.rule() != null && r.value() instanceof CellValue.Invalid inv) {
            findings.add(cellFinding(r.rule(), Severity.ERROR, def, at, null,
                    "“" + inv.raw() + "”" + inv.reason() + "（本格按无效值处理，不计为0）"));
        }
        put(def, r.value(), at);
    }

    /** A number the reader worked out (a piece of run-together digits): checked as the cell's kind. */
    void putNumber(CellDef def, BigDecimal v, SourceCell at) {
        put(def, v == null ? CellValue.BLANK : CellCheck.of(v, def.kind(), null, false).value(), at);
    }

    void put(CellDef def, CellValue value, SourceCell at) {
        (def.isTotal() ? stored : inputs).put(def.key(), value);
        if (at != null) {
            locations.put(def.key(), new CellLocation(at.sheet(), at.where()));
        }
    }

    void blankRow(Target t, SourceCell at) {
        t.cells().forEach(def -> put(def, CellValue.BLANK, at));
    }

    Finding rowFinding(FindingCode code, Severity sev, Target t, SourceCell at, String message) {
        return Finding.inRow(code, file, t.table().number(), t.row() == null ? null : t.cells().get(0).rowLabel(),
                at == null ? null : at.sheet(), at == null ? null : at.where(), message).withSeverity(sev);
    }

    Finding cellFinding(FindingCode code, Severity sev, CellDef def, SourceCell at, BigDecimal held, String message) {
        return Finding.atCell(code, file, def, at == null ? null : at.sheet(), at == null ? null : at.where(), message)
                .withSides(null, held).withSeverity(sev);
    }
}
