package cn.nianbao.util;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output that could not be written: the path the user named (never a temporary file's) and
 * the reason in Chinese. Nothing of it is left behind.
 */
public final class OutputFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final String reason;

    public OutputFailure(Path path, Throwable cause) {
        this(path, IoErrors.reason(cause), cause);
    }

    public OutputFailure(Path path, String reason, Throwable cause) {
        super("无法写入 " + path + "：" + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
