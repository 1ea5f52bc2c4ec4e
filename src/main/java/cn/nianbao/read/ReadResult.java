package cn.nianbao.read;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.Severity;
import java.util.List;

/**
 * The outcome of reading one input file. Every input gets one, readable or not: {@code filing}
 * is null exactly when the file could not be read, and {@code reason} then says why in Chinese.
 */
public record ReadResult(String file, Filing filing, String reason) {

    public static ReadResult unreadable(String file, String reason) {
        return new ReadResult(file, null, reason);
    }

    public boolean readable() {
        return filing != null;
    }

    /** The findings of reading: the filing's, or one error finding for an unreadable file. */
    public List<Finding> findings() {
        return filing != null ? filing.findings() : List.of(Finding.ofFile("F1", Severity.ERROR, file, reason));
    }
}
