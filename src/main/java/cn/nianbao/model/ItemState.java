package cn.nianbao.model;

/** What became of one item of a collection round's inbox (a file, an attachment, an archive member). */
public enum ItemState {
    CURRENT("当前报送"),
    SUPERSEDED("被替代"),
    UNREADABLE("无法读取"),
    UNMATCHED("无法识别"),
    SKIPPED("跳过");

    private final String chinese;

    ItemState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
