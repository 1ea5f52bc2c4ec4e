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

    /**
     * A member that cannot be read is the sender's problem (listed for that item); a copy that
     * cannot be written is the supervisor's disk, and ends the run naming the file: a zip member,
     * an .eml attachment and an mbox's message alike.
     */
    @Test
    void aCopyThatCannotBeWrittenEndsTheRunInsteadOfBlamingTheSender() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("收件"));
        Path zip = inbox.resolve("报送.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("报表.xlsx"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Path eml = inbox.resolve("报送.eml");
        Files.writeString(eml, String.join("\r\n", "From: a@example.cn", "Subject: x", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "", "hi", "--b",
                "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=a.xlsx",
                "Content-Transfer-Encoding: base64", "", "AQID", "--b--", ""));
        Path mbox = inbox.resolve("收件箱.mbox");
        Files.writeString(mbox, "From a@example.cn Mon Jan  1 00:00:00 2024\nSubject: x\n\nhi\n");
        Path blocked = Files.writeString(dir.resolve("不是文件夹"), "");
        for (Path one : java.util.List.of(zip, eml, mbox)) {
            Path extract = blocked.resolve("提取");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inbox.open(one, extract))
                    .as(one.toString()).isInstanceOf(cn.nianbao.util.OutputFailure.class)
                    .hasMessageContaining("无法写入").hasMessageContaining(blocked.toString());
        }

        // A damaged member, with a folder that can be written: listed as the sender's problem.
        Path broken = Files.createDirectories(dir.resolve("坏")).resolve("坏.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            out.putNextEntry(new java.util.zip.ZipEntry("报表.xlsx"));
            out.write(new byte[1 << 16]);
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(broken);
        int at = indexOf(bytes, new byte[] {'x', 'l', 's', 'x'}) + 4; // the compressed data follows the local header's name
        for (int i = at; i < at + 8; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(broken, bytes);
        java.util.List<Inbox.Item> items = Inbox.open(broken, dir.resolve("提取"));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Inbox.Kind.PROBLEM);
            assertThat(i.reason()).contains("已损坏");
        });
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
