package cn.nianbao.model;

/** Where one roster agency stands in a collection round: 未提交 / 已提交-通过 / 已提交-有警告 / 已提交-有错误 / 无法读取. */
public enum RoundStatus {
    PASSED("已提交-通过"),
    WARNINGS("已提交-有警告"),
    ERRORS("已提交-有错误"),
    UNREADABLE("无法读取"),
    MISSING("未提交");

    private final String chinese;

    RoundStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean submitted() {
        return this != MISSING;
    }
}
