package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.check.Checker;
import cn.nianbao.model.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random mutator over the fixture workbooks: XML parts mutated inside a valid zip (to
 * reach the tokenizer, the parsers and the handlers), and raw bytes mutated (to reach the zip
 * reader). Whatever comes in, reading and checking return a result; an exception fails the test.
 * Runs for {@code -Dfuzz.seconds} (15 by default, so CI stays well under a minute) and
 * {@code -Dfuzz.seed}.
 */
class FuzzTest {
    private static final String[] SNIPPETS = {"<", ">", "&", "&amp;", "&#0;", "&#x110000;", "<!DOCTYPE a>", "<![CDATA[",
        "]]>", "\"", "'", "</c>", "<c r=\"ZZZZ999999\">", "<v>1e400</v>", "<v>-0</v>", "t=\"s\"", "<v>99999999</v>",
        "r=\"\"", "\u0000", "\uFFFF", "政", "<row r=\"-1\">", "<row r=\"2147483647\">", "xmlns:x=\"y\"", "<?pi?>"};

    @TempDir
    Path dir;

    @Test
    void noInputMakesTheReaderThrow() throws IOException {
        long seconds = Long.getLong("fuzz.seconds", 15);
        long seed = Long.getLong("fuzz.seed", 20261122);
        Random rnd = new Random(seed);
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(TestSupport.fixtures().resolve("seeds")),
                Files.list(TestSupport.fixtures().resolve("broken")))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xlsm")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        WorkbookReader reader = new WorkbookReader(TestSupport.FORMATS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int runs = 0;
        int readable = 0;
        while (System.nanoTime() < end || runs < 100) {
            byte[] input = seeds.get(rnd.nextInt(seeds.size()));
            byte[] mutated = rnd.nextInt(4) == 0 ? TestSupport.mutateBytes(input, rnd) : mutateXml(input, rnd);
            Path file = dir.resolve("f" + (runs % 8) + ".xlsx");
            Files.write(file, mutated);
            long caseSeed = rnd.nextLong();
            try {
                ReadResult r = reader.read(file);
                Checker.all(r);
                readable += r.readable() ? 1 : 0;
            } catch (RuntimeException | Error e) {
                Files.write(dir.getParent().resolve("fuzz-failure-" + caseSeed + ".xlsx"), mutated);
                throw new AssertionError("input " + runs + " (seed " + seed + ") made the reader throw", e);
            }
            runs++;
        }
        assertThat(runs).isGreaterThanOrEqualTo(100);
        assertThat(readable).as("some mutants still read: the mutator reaches past the first check").isPositive();
    }

    private static byte[] mutateXml(byte[] in, Random rnd) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(in))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                parts.put(e.getName(), z.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            return TestSupport.mutateBytes(in, rnd);
        }
        List<String> xml = parts.keySet().stream().filter(k -> k.endsWith(".xml") || k.endsWith(".rels")).toList();
        if (xml.isEmpty()) {
            return TestSupport.mutateBytes(in, rnd);
        }
        String name = xml.get(rnd.nextInt(xml.size()));
        StringBuilder s = new StringBuilder(new String(parts.get(name), StandardCharsets.UTF_8));
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = rnd.nextInt(s.length());
            switch (rnd.nextInt(4)) {
                case 0 -> s.insert(at, SNIPPETS[rnd.nextInt(SNIPPETS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(40)));
                case 2 -> s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                default -> {
                    int len = Math.min(s.length() - at, 1 + rnd.nextInt(200));
                    s.insert(at, s.substring(at, at + len));
                }
            }
        }
        parts.put(name, s.toString().getBytes(StandardCharsets.UTF_8));
        return TestSupport.zip(parts);
    }
}
