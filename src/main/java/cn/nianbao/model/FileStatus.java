package cn.nianbao.model;

/** What became of one input file: the status every summary shows (汇总, the printed run, the collection round). */
public enum FileStatus {
    PASSED("通过"),
    WARNINGS("有警告"),
    ERRORS("有错误"),
    UNREADABLE("无法读取"),
    SKIPPED("跳过");

    private final String chinese;

    FileStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether the file needs the supervisor's attention before its numbers count (shown red). */
    public boolean bad() {
        return this == ERRORS || this == UNREADABLE;
    }

    /** The status of a file from what reading it gave and how many errors and warnings were found. */
    public static FileStatus of(boolean skipped, boolean readable, long errors, long warnings) {
        if (skipped) {
            return SKIPPED;
        }
        if (!readable) {
            return UNREADABLE;
        }
        return errors > 0 ? ERRORS : warnings > 0 ? WARNINGS : PASSED;
    }
}
