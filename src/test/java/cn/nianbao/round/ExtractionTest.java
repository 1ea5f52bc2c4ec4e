package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies out of an inbox: bounded in size, and named so that nothing lands outside the extraction folder. */
class ExtractionTest {
    @TempDir
    Path dir;

    /** {@code n} bytes of nothing, never held in memory. */
    private static InputStream zeros(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                left -= k;
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                return k;
            }
        };
    }

    @Test
    void aMemberOverTheLimitIsRefusedAsTooLargeAndLeavesNothing() throws IOException {
        Path t = dir.resolve("附件.xlsx");
        assertThat(Extraction.copyBounded(zeros(Inbox.MAX_MEMBER_BYTES + 1), t)).isFalse();
        assertThat(t).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).as("no temporary file left").isEmpty();
        }
        assertThat(Extraction.copyBounded(zeros(1000), t)).isTrue();
        assertThat(Files.size(t)).isEqualTo(1000);
    }

    @Test
    void storedNamesKeepOnlyTheirLastPartAndSayWhenTheyTriedToEscape() throws IOException {
        Extraction x = new Extraction(dir.resolve("附件"));
        assertThat(Extraction.Stored.of("财政局/报表.xlsx", "压缩包条目").notes()).isEmpty();
        Extraction.Stored evil = Extraction.Stored.of("..\\..\\evil.xlsx", "附件");
        assertThat(evil.base()).isEqualTo("evil.xlsx");
        assertThat(evil.notes()).singleElement().asString().contains("含有上级目录");
        assertThat(x.target("收件/a.zip", "报表.xlsx")).isEqualTo(dir.resolve("附件/收件-内容/a.zip-内容/报表.xlsx"));
        assertThat(x.target("收件/a.zip", "报表.xlsx")).isEqualTo(dir.resolve("附件/收件-内容/a.zip-内容/报表(2).xlsx"));
        assertThat(x.target("../..", "..")).isEqualTo(dir.resolve("附件/未命名"));
    }
}
