package cn.nianbao.model;

import cn.nianbao.spec.FindingCode;
import java.util.List;

/**
 * The outcome of reading one input file. Every input gets one, readable or not: {@code filing}
 * is null exactly when the file could not be read, and {@code reason} then says why in Chinese.
 * {@code skipped} marks a file that was read but is no filing (an annotated return copy this tool
 * wrote and nobody changed): listed as 跳过 with the reason, never counted as unreadable.
 */
public record ReadResult(String file, Filing filing, String reason, boolean skipped) {

    public ReadResult(String file, Filing filing, String reason) {
        this(file, filing, reason, false);
    }

    public static ReadResult unreadable(String file, String reason) {
        return new ReadResult(file, null, reason, false);
    }

    /** A file that is not a filing to read, with the reason in Chinese. */
    public static ReadResult skip(String file, String reason) {
        return new ReadResult(file, null, reason, true);
    }

    public boolean readable() {
        return filing != null;
    }

    /** The findings of reading: the filing's, or one finding for a file without a filing (F1 unreadable, F2 skipped). */
    public List<Finding> findings() {
        if (filing != null) {
            return filing.findings();
        }
        return List.of(skipped ? Finding.ofFile(FindingCode.F2, file, "跳过：" + reason)
                : Finding.ofFile(FindingCode.F1, file, reason));
    }
}
