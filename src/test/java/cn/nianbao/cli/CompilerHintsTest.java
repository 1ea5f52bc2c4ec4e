package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilerHintsTest {
    @Test
    void thisJvmTakesTheDirectivesAsWritten() throws Exception {
        // A directive with a syntax error is refused with a message, not an exception: the reply says which.
        try {
            assertThat(CompilerHints.add(CompilerHints.DIRECTIVES)).contains("2 compiler directives added");
            assertThat(CompilerHints.add("[ { match: \"*.*\", c2: { Exclude: true } ")).doesNotContain("added");
        } finally {
            CompilerHints.diagnosticCommand("compilerDirectivesClear"); // leave the test JVM's compilation as it was
        }
    }
}
