package cn.nianbao.model;

/**
 * How a filing or an inbox item was found to be an agency's, strongest first: by 统一社会信用代码,
 * by its name after normalization, by a name the agency has gone by, by the sender's address, by the
 * agency's name in the file's name. {@link #chinese()} is the word the workbooks and messages print.
 */
public enum MatchedBy {
    CODE("统一社会信用代码"),
    NAME("单位名称"),
    ALIAS("别名"),
    SENDER("发件人邮箱"),
    FILE_NAME("文件名");

    private final String chinese;

    MatchedBy(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
