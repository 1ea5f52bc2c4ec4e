package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users read when a file cannot be written: Chinese reasons, their path, nothing left behind. */
class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void theSystemsWordsBecomeChineseReasons() {
        assertThat(IoErrors.reason(new AccessDeniedException("/x/.nianbao-1.tmp"))).startsWith("权限不足");
        assertThat(IoErrors.reason(new IOException("No space left on device"))).startsWith("磁盘已满");
        assertThat(IoErrors.reason(new FileSystemException("/x/y", null, "File name too long"))).startsWith("路径过长");
        assertThat(IoErrors.reason(new FileSystemException("C:\\x.xlsx", null,
                "The process cannot access the file because it is being used by another process"))).startsWith("文件被占用");
        assertThat(IoErrors.reason(new IOException("另一个程序正在使用此文件，进程无法访问。"))).startsWith("文件被占用");
        assertThat(IoErrors.reason(new FileSystemException("/x", null, "Read-only file system"))).contains("只读");
        assertThat(IoErrors.reason(new UncheckedIOException(new IOException("No space left on device")))).startsWith("磁盘已满");
        // POI wraps a failed save in its own runtime exception: the I/O failure behind it decides.
        assertThat(IoErrors.reason(new RuntimeException("Fail to save", new IOException("No space left on device"))))
                .startsWith("磁盘已满");
        assertThat(IoErrors.reason(new IOException("weird"))).isEqualTo("读写失败（weird）").doesNotContain("IOException");
    }

    @Test
    void aFailedWriteNamesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out/结果.xlsx");
        assertThatThrownBy(() -> AtomicFiles.write(target, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(OutputFailure.class).hasMessage("无法写入 " + target + "：磁盘已满（或超出磁盘配额）");
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(p -> !p.equals(dir)).toList()).as("the folder made for it is gone too").isEmpty();
        }
    }

    @Test
    void anExistingFileIsReplacedWholeOrNotAtAll() throws IOException {
        Path target = dir.resolve("a.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, o -> {
            o.write("new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("Input/output error");
        })).isInstanceOf(OutputFailure.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        AtomicFiles.write(target, o -> o.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(target);
        }
    }
}
