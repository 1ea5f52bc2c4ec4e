package cn.nianbao.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    /** No error-level finding. */
    public static final int OK = 0;
    /** At least one error-level finding, or an input that could not be read. */
    public static final int FINDINGS = 1;
    /** Bad usage: unknown option, missing argument, invalid value. */
    public static final int USAGE = 2;
    /** A bug in nianbao. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
