package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random mutator over the demo round's messages and archive: MIME headers, boundaries,
 * encoded words and base64 mangled as text, archives mangled as bytes. Whatever arrives, the inbox
 * opens and the round is decided, every file has at least one item, nothing is written outside
 * the extraction folder; an exception fails. Runs for a third of {@code -Dfuzz.seconds}.
 */
class InboxFuzzTest {
    private static final String[] SNIPPETS = {"\r\n", "\r\n\r\n", "--", "=?GBK?B?", "?=", "=?UTF-8?Q?=E6=", "filename*=",
        "filename*0*=UTF-8''%E6", "; name=\"", "Content-Type: message/rfc822\r\n", "Content-Type: multipart/mixed; boundary=x\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n", "../", "/etc/passwd", "\u0000", "From ", ">From ", "政", "%%%", "=="};

    @TempDir
    Path dir;

    @Test
    void noInboxMakesCollectThrow() throws IOException {
        long seconds = Math.max(3, Long.getLong("fuzz.seconds", 15) / 3);
        long seed = Long.getLong("fuzz.seed", 20261122);
        Random rnd = new Random(seed);
        List<Path> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestSupport.fixtures().resolve("round/收件"))) {
            seeds.addAll(s.filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".zip")).sorted().toList());
        }
        Roster roster = Roster.load(TestSupport.fixtures().resolve("round/名册.csv"));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < end || runs < 30) {
            Path in = dir.resolve("in" + runs);
            Path extract = dir.resolve("x" + runs);
            Files.createDirectories(in);
            Path src = seeds.get(rnd.nextInt(seeds.size()));
            byte[] b = Files.readAllBytes(src);
            byte[] mutated = src.toString().endsWith(".eml") && rnd.nextBoolean() ? mutateText(b, rnd)
                    : TestSupport.mutateBytes(b, rnd);
            String name = rnd.nextInt(5) == 0 ? "noext" : src.getFileName().toString();
            Files.write(in.resolve(name), mutated);
            try {
                List<Inbox.Item> items = Inbox.open(in, extract);
                assertThat(items).isNotEmpty();
                new Collector(TestSupport.FORMATS, roster, 2024, TestSupport.FORMATS.forYear(2024), LocalDate.of(2025, 1, 31)).collect(items, null, 1, n -> { });
                try (Stream<Path> all = Files.walk(dir)) {
                    assertThat(all.filter(Files::isRegularFile).filter(p -> !p.startsWith(in) && !p.startsWith(extract)
                            && !p.getFileName().toString().startsWith("fuzz-")).filter(p -> !isEarlierRun(p)).toList()).isEmpty();
                }
            } catch (RuntimeException | Error | IOException e) {
                Files.write(dir.getParent().resolve("fuzz-inbox-failure-" + runs + "-" + name), mutated);
                throw new AssertionError("input " + runs + " (seed " + seed + ") made collect fail", e);
            }
            runs++;
        }
        assertThat(runs).isGreaterThanOrEqualTo(30);
    }

    private boolean isEarlierRun(Path p) {
        String first = dir.relativize(p).getName(0).toString();
        return first.startsWith("in") || first.startsWith("x");
    }

    private static byte[] mutateText(byte[] in, Random rnd) {
        StringBuilder s = new StringBuilder(new String(in, StandardCharsets.ISO_8859_1));
        int edits = 1 + rnd.nextInt(6);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = rnd.nextInt(Math.min(s.length(), rnd.nextBoolean() ? 1500 : s.length()));
            switch (rnd.nextInt(3)) {
                case 0 -> s.insert(at, SNIPPETS[rnd.nextInt(SNIPPETS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(60)));
                default -> s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

}
