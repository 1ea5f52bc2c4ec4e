package cn.nianbao.spec;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every code a finding can carry, in one place: its severity (or the severities it may take), its
 * Chinese title, and whether it is the supervisor's own (it concerns which filings exist, not what
 * an agency filed). README's table of finding codes (问题代码) lists exactly these, with the same
 * severities (a test compares them). The rules of the national formats (R1–R4, C1, C2) are here
 * with the severity their spec files give them; a spec whose rule is not here, or has another
 * severity, is refused when its family is loaded.
 */
public enum FindingCode {
    F1(Severity.ERROR, "文件无法读取"),
    F2(Severity.INFO, "跳过的文件"),
    F3(Severity.ERROR, "模板缺少工作表"),
    F4(Severity.WARNING, "表格标签或结构被改动"),
    F5(Severity.WARNING, "文件含有宏"),
    F6(Severity.WARNING, "总计的公式被改成了值"),
    F7(Severity.WARNING, "附件或条目名称含有路径"),
    V1(Severity.ERROR, "不是数字"),
    V2(Severity.ERROR, "负数"),
    V3(Severity.ERROR, "件数带小数"),
    V4(Severity.ERROR, "金额超过6位小数"),
    V5(Severity.INFO, "数字以文本形式填写"),
    V6(Severity.WARNING, "填写单元格中是公式"),
    /** A blank input is a warning; a filing with every input blank is one error. */
    V7(Severity.WARNING, "填写单元格空白", Severity.ERROR),
    P1(Severity.ERROR, "预填的上年结转被改动"),
    R1(Severity.ERROR, "一 + 二 = 三（七）总计 + 四"),
    R2(Severity.ERROR, "每行总计 = 各申请人列之和"),
    R3(Severity.ERROR, "三（七）总计 = 各办理结果分项之和"),
    R4(Severity.ERROR, "表四每组总计 = 四项之和"),
    C1(Severity.ERROR, "本年上年结转 = 上年结转下年度"),
    C2(Severity.WARNING, "现行有效件数 = 上年 + 本年制发 − 本年废止"),
    D1(Severity.ERROR, "同一单位同一年度两份报表"),
    M1(Severity.WARNING, "上年没有该单位的报表", true),
    M2(Severity.WARNING, "本年没有收到该单位的报表", true),
    /** reconcile over several years: a year missing inside an agency's chain of years. */
    M3(Severity.WARNING, "历年中间缺少某年的报表", true),
    Y1(Severity.ERROR, "报表年度或格式不对"),
    /** reconcile over several years: a filing whose year is none a report can be on. */
    Y2(Severity.ERROR, "报表年度无法确定", true),
    U1(Severity.WARNING, "单位认定可能有误"),
    /** reconcile over several years: one name, another 统一社会信用代码 than in an earlier year. */
    U2(Severity.INFO, "名称相同而统一社会信用代码不同", true),
    L1(Severity.ERROR, "按标签读取：没有找到某张表"),
    L2(Severity.ERROR, "按标签读取：没有找到某一行"),
    L3(Severity.WARNING, "按标签读取：对应不到行或列的标签或数字"),
    L4(Severity.INFO, "按标签读取：标签差一两个字，或格式版本的判断", Severity.WARNING),
    /** An error when a row is left blank; a note when several rows printed apart from their labels were read in row order. */
    L5(Severity.ERROR, "按标签读取：一行的数字个数不对", Severity.INFO),
    L6(Severity.INFO, "按标签读取：连在一起的数字", Severity.ERROR),
    L7(Severity.INFO, "按标签读取：读作空白或换算的文字"),
    L8(Severity.INFO, "按标签读取：单位、年度取自哪里", Severity.WARNING),
    T1(Severity.WARNING, "正文中的数字与表中不同");

    private final Severity severity;
    private final Set<Severity> severities;
    private final String title;
    private final boolean supervisorOnly;

    FindingCode(Severity severity, String title) {
        this(severity, title, false, null);
    }

    FindingCode(Severity severity, String title, Severity other) {
        this(severity, title, false, other);
    }

    FindingCode(Severity severity, String title, boolean supervisorOnly) {
        this(severity, title, supervisorOnly, null);
    }

    FindingCode(Severity severity, String title, boolean supervisorOnly, Severity other) {
        this.severity = severity;
        this.severities = other == null ? EnumSet.of(severity) : EnumSet.of(severity, other);
        this.title = title;
        this.supervisorOnly = supervisorOnly;
    }

    /** The severity a finding of this code has unless it says otherwise. */
    public Severity severity() {
        return severity;
    }

    /** Every severity a finding of this code may have. */
    public Set<Severity> severities() {
        return Set.copyOf(severities);
    }

    /** Short Chinese title, as README's table names it. */
    public String title() {
        return title;
    }

    /** Whether it is the supervisor's own: which filings exist (M1, M2, M3), whose they are or which year (U2, Y2), nothing an agency can correct. */
    public boolean supervisorOnly() {
        return supervisorOnly;
    }

    /** Whether a finding of this code may have severity {@code s}. */
    public boolean allows(Severity s) {
        return severities.contains(s);
    }
}
