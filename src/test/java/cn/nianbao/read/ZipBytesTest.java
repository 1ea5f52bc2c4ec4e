package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-memory zip reader gives every part exactly as java.util.zip does, or refuses clearly. */
class ZipBytesTest {
    static Stream<Path> workbooks() throws IOException {
        return Stream.of("seeds", "demo", "import").flatMap(f -> {
            try {
                return TestSupport.fixtureFiles(f, ".xlsx");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void everyPartInflatesAsJavaUtilZipGivesIt(Path file) throws IOException {
        ZipBytes zip = ZipBytes.of(Files.readAllBytes(file));
        assertThat(zip).isNotNull();
        try (ZipFile reference = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(reference.entries())) {
                byte[] expected;
                try (InputStream in = reference.getInputStream(e)) {
                    expected = in.readAllBytes();
                }
                ZipBytes.Entry mine = zip.entry(e.getName());
                assertThat(mine).as(e.getName()).isNotNull();
                assertThat(mine.size()).isEqualTo(e.getSize());
                try (InputStream in = zip.open(mine)) {
                    assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(expected);
                }
            }
        }
    }

    private static byte[] zip(boolean stored, String comment, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (comment != null) {
                out.setComment(comment);
            }
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String read(ZipBytes zip, String name) throws IOException {
        try (InputStream in = zip.open(zip.entry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storedPartsAndAnArchiveCommentAreRead() throws IOException {
        ZipBytes zip = ZipBytes.of(zip(true, "PK\u0005\u0006 这不是目录的结尾，只是注释里的几个字", "a.xml", "<a>甲</a>", "b/c.xml", "<c/>"));
        assertThat(read(zip, "a.xml")).isEqualTo("<a>甲</a>");
        assertThat(read(zip, "b/c.xml")).isEqualTo("<c/>");
        assertThat(zip.entry("missing.xml")).isNull();
    }

    @Test
    void twoPartsReadAtOnceOnOneThreadDoNotMix() throws IOException {
        String big = "<r>" + "表三 0123456789 ".repeat(5000) + "</r>";
        ZipBytes zip = ZipBytes.of(zip(false, null, "one.xml", big, "two.xml", big.replace('3', '7')));
        try (InputStream one = zip.open(zip.entry("one.xml")); InputStream two = zip.open(zip.entry("two.xml"))) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] bufA = new byte[1000];
            byte[] bufB = new byte[700];
            for (int n, m; (n = one.read(bufA)) > 0 | (m = two.read(bufB)) > 0; ) {
                a.write(bufA, 0, Math.max(n, 0));
                b.write(bufB, 0, Math.max(m, 0));
            }
            assertThat(a.toString(StandardCharsets.UTF_8).equals(big)).as("first part").isTrue();
            assertThat(b.toString(StandardCharsets.UTF_8).equals(big.replace('3', '7'))).as("second part").isTrue();
        }
        assertThat(read(zip, "one.xml").equals(big)).as("the thread's inflater is free again").isTrue();
    }

    /** Where the end-of-directory record starts (no comment: the last 22 bytes). */
    private static int end(byte[] zip) {
        return zip.length - 22;
    }

    @Test
    void zip64AndEncryptedEntriesAreLeftToTheGeneralReader() throws IOException {
        byte[] zip64 = zip(false, null, "a.xml", "<a/>");
        zip64[end(zip64) + 8] = zip64[end(zip64) + 9] = zip64[end(zip64) + 10] = zip64[end(zip64) + 11] = (byte) 0xFF;
        assertThat(ZipBytes.of(zip64)).isNull();

        byte[] encrypted = zip(false, null, "a.xml", "<a/>");
        int directory = (encrypted[end(encrypted) + 16] & 0xFF) | (encrypted[end(encrypted) + 17] & 0xFF) << 8;
        encrypted[directory + 8] |= 1;
        assertThat(ZipBytes.of(encrypted)).isNull();
    }

    @Test
    void aDamagedZipIsRefusedWithAReason() throws IOException {
        byte[] good = zip(false, null, "a.xml", "<a>" + "0123456789".repeat(1000) + "</a>");
        assertThatThrownBy(() -> ZipBytes.of(Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(IOException.class).hasMessageContaining("找不到压缩包的目录");
        assertThatThrownBy(() -> ZipBytes.of(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isInstanceOf(IOException.class);

        byte[] scrambled = good.clone();
        int data = 30 + "a.xml".length();
        for (int i = data; i < data + 20; i++) {
            scrambled[i] ^= (byte) 0x5A;
        }
        ZipBytes zip = ZipBytes.of(scrambled);
        assertThatThrownBy(() -> read(zip, "a.xml")).isInstanceOf(IOException.class).hasMessageContaining("a.xml");

        byte[] shortData = good.clone();
        int directory = (good[end(good) + 16] & 0xFF) | (good[end(good) + 17] & 0xFF) << 8;
        shortData[directory + 20] = 10; // the directory says the compressed data is 10 bytes long
        shortData[directory + 21] = shortData[directory + 22] = shortData[directory + 23] = 0;
        ZipBytes cut = ZipBytes.of(shortData);
        assertThatThrownBy(() -> read(cut, "a.xml")).isInstanceOf(IOException.class).hasMessageContaining("不完整");
    }

    @Test
    void aPartPlacedOutsideTheFileIsRefusedWhenOpenedAndTheOthersStillRead() throws IOException {
        byte[] bytes = zip(false, null, "a.xml", "<a/>", "b.xml", "<b/>");
        int directory = (bytes[end(bytes) + 16] & 0xFF) | (bytes[end(bytes) + 17] & 0xFF) << 8;
        bytes[directory + 42] = (byte) 0xF0; // a.xml's local header offset past the end
        bytes[directory + 43] = (byte) 0xFF;
        ZipBytes zip = ZipBytes.of(bytes);
        assertThatThrownBy(() -> read(zip, "a.xml")).isInstanceOf(IOException.class).hasMessageContaining("a.xml");
        assertThat(read(zip, "b.xml")).isEqualTo("<b/>"); // as java.util.zip: only the damaged part fails
    }

    @Test
    void bytesPaddedAfterTheZipAreToleratedAsJavaUtilZipDoes() throws IOException {
        byte[] good = zip(false, "注释", "a.xml", "<a>甲</a>");
        byte[] padded = Arrays.copyOf(good, good.length + 100);
        assertThat(read(ZipBytes.of(padded), "a.xml")).isEqualTo("<a>甲</a>");
    }
}
