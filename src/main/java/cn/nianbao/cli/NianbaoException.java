package cn.nianbao.cli;

/**
 * Stops a command with a Chinese message and an exit code (1: problem found or input unusable,
 * 2: bad usage, 3: a bug). {@link Main} prints "错误：" and the message, and for a usage error
 * also where the command's --help is; any other exception is an internal error (exit code 3).
 */
public final class NianbaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final boolean usageHint;

    public NianbaoException(int exitCode, String message) {
        this(exitCode, message, exitCode == ExitCodes.USAGE);
    }

    private NianbaoException(int exitCode, String message, boolean usageHint) {
        super(message);
        this.exitCode = exitCode;
        this.usageHint = usageHint;
    }

    /** Whether "用法见：…--help" follows the message: for a usage error, not for a server that failed. */
    public boolean usageHint() {
        return usageHint;
    }

    /**
     * Something outside the command line failed (a mail server unreachable, the password refused, the
     * connection dropped): exit 2 like a file that could not be read, without pointing at --help.
     */
    public static NianbaoException unavailable(String message) {
        return new NianbaoException(ExitCodes.USAGE, message, false);
    }

    public int exitCode() {
        return exitCode;
    }

    public static NianbaoException usage(String message) {
        return new NianbaoException(ExitCodes.USAGE, message);
    }

    /**
     * A file that could not be read or written (exit 2): the user's path and the reason in Chinese
     * (权限不足, 磁盘已满, 路径过长, 文件被占用 …), never a temporary file or a Java class name.
     */
    public static NianbaoException io(Throwable e) {
        java.io.IOException io = cn.nianbao.util.IoErrors.ioCause(e);
        if (io instanceof cn.nianbao.util.OutputFailure f) {
            return usage(f.getMessage());
        }
        String reason = cn.nianbao.util.IoErrors.reason(e);
        if (io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return usage("无法读写 " + fs.getFile() + "：" + reason);
        }
        return usage("读写文件失败：" + reason);
    }
}
