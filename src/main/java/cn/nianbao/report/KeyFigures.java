package cn.nianbao.report;

import cn.nianbao.model.Filing;
import java.math.BigDecimal;
import java.util.List;

/**
 * The few numbers of a filing a supervisor follows over the years (the 历年 and 历年趋势 sheets),
 * each the sum of cells of the national tables (totals recomputed from their parts, as everywhere
 * the values are shown): blank when every cell it sums is blank — blank is not zero — or when the
 * filing's format has none of them (the 2019 format has no 现行有效件数).
 */
enum KeyFigures {
    RECEIVED("本年新收", "t3.received.total"),
    CARRIED_OVER("上年结转", "t3.carried_over.total"),
    RESULTS("办理结果总计", "t3.result_total.total"),
    CARRY_FORWARD("结转下年", "t3.carry_forward.total"),
    REVIEW("行政复议总计", "t4.review.total"),
    LITIGATION("行政诉讼总计", "t4.suit_direct.total", "t4.suit_after_review.total"),
    RULES_IN_FORCE("规章 现行有效件数", "t2.art20_1.rules.in_force"),
    NORMATIVE_IN_FORCE("行政规范性文件 现行有效件数", "t2.art20_1.normative_docs.in_force");

    private final String header;
    private final List<String> keys;

    KeyFigures(String header, String... keys) {
        this.header = header;
        this.keys = List.of(keys);
    }

    String header() {
        return header;
    }

    /** The figure of {@code f}, or null when blank (or not in its format). */
    BigDecimal of(Filing f) {
        BigDecimal sum = null;
        for (String k : keys) {
            BigDecimal v = f.spec().hasCell(k) ? f.value(k).number() : null;
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }

    /** Whether {@code f}'s format has the cells of this figure at all. */
    boolean inFormatOf(Filing f) {
        return keys.stream().allMatch(k -> f.spec().hasCell(k));
    }
}
