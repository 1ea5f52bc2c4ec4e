package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compiler directives are JVM-wide state: the directives are added in a child JVM (this test's
 * class path, {@link Probe} as main class), never in the test JVM, whose compilation other tests
 * share.
 */
class CompilerHintsTest {
    private static final String END = "<<end of reply>>";

    /** Adds the directives, then a malformed one, and prints each reply (several lines) and an end line. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println(CompilerHints.add(CompilerHints.DIRECTIVES));
            System.out.println(END);
            System.out.println(CompilerHints.add("[ { match: \"*.*\", c2: { Exclude: true } "));
            System.out.println(END);
        }
    }

    @Test
    void aJvmTakesTheDirectivesAsWrittenAndThisOneIsLeftAlone() throws Exception {
        Object before = CompilerHints.diagnosticCommand("compilerDirectivesPrint");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String[] replies = out.split("\\R" + END + "\\R");
        assertThat(replies).as(out).hasSize(2);
        assertThat(replies[0]).as(out).contains("2 compiler directives added");
        // A directive with a syntax error is refused with a message, not an exception: the reply says which.
        assertThat(replies[1]).as(out).contains("Syntax error").doesNotContain("added");
        assertThat(CompilerHints.diagnosticCommand("compilerDirectivesPrint")).as("the test JVM's directives")
                .isEqualTo(before);
    }
}
