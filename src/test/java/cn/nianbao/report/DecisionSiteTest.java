package cn.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which finding a decided row of 问题清单 belongs to: never two findings under one key. */
class DecisionSiteTest {
    private static Decisions.Row row(String table, String row, String column, String cell, String rule, String message, String year) {
        return new Decisions.Row("甲市应急管理局", "", year, table, row, column, cell, rule, "警告", message, "", "", "甲.xlsx", "", "已核实无误",
                "", "问题清单.xlsx");
    }

    @Test
    void twoTableLevelFindingsOfOneRuleAtDifferentCellsAreTwoFindings() {
        // Before: one 已核实无误 on an F4 of 表二 let stand every F4 of 表二, including ones first seen next week.
        assertThat(row("二", "", "", "表二!A5", "F4", "标签被改动", "2024").site())
                .isNotEqualTo(row("二", "", "", "表二!A9", "F4", "标签被改动", "2024").site());
        assertThat(row("二", "第二十条", "本年新制发", "表二!C5", "R1", "", "2024").site())
                .as("a national cell is where it is, whatever the sheet cell").isEqualTo(row("二", "第二十条", "本年新制发", "表二!C6", "R1", "", "2024").site());
    }

    @Test
    void twoFindingsAboutTheWholeFileAreToldApartByWhatTheySayExceptD1() {
        // Before: two P1 (an error) of one file shared a key: confirming one confirmed the other.
        assertThat(row("", "", "", "", "P1", "预填的上年结转被改动：A", "2024").site())
                .isNotEqualTo(row("", "", "", "", "P1", "预填的上年结转被改动：B", "2024").site());
        assertThat(row("", "", "", "", "D1", "两份报表：a.xlsx、b.xlsx", "2024").site())
                .as("D1 names paths: a renamed input keeps its decision").isEqualTo(row("", "", "", "", "D1", "两份报表：c.xlsx、d.xlsx", "2024").site());
    }
}
