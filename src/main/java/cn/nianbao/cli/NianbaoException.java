package cn.nianbao.cli;

/**
 * Stops a command with a Chinese message and an exit code (1: problem found or input unusable,
 * 2: bad usage, 3: a bug). {@link Main} prints "错误：" and the message, and for a usage error
 * also where the command's --help is; any other exception is an internal error (exit code 3).
 */
public final class NianbaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public NianbaoException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static NianbaoException usage(String message) {
        return new NianbaoException(ExitCodes.USAGE, message);
    }
}
