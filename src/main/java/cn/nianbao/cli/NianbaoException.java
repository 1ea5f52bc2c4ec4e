package cn.nianbao.cli;

/** Stops a command with a Chinese message and an exit code (1: problem found or input unusable, 2: bad usage). */
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
