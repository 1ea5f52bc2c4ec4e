package cn.nianbao.spec;

/** How serious a finding is; the Chinese word is what users see. */
public enum Severity {
    ERROR("错误"),
    WARNING("警告"),
    INFO("提示");

    private final String chinese;

    Severity(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public static Severity parse(String s) {
        return switch (s) {
            case "error", "错误" -> ERROR;
            case "warning", "警告" -> WARNING;
            case "info", "提示" -> INFO;
            default -> throw new IllegalArgumentException("unknown severity: " + s);
        };
    }
}
