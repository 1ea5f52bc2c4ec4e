package cn.nianbao.spec;

/** A spec file is wrong; names the file, line and, where there is one, the rule. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpecException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
