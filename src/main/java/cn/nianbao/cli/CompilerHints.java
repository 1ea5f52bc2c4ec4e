package cn.nianbao.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * Tells HotSpot's JIT how to spend a large batch's first seconds. A run over thousands of files
 * lasts seconds, and by default the optimising compiler (C2) spends about a third of the run's CPU
 * compiling the reading and checking code, on the same two cores the readers need; most of that
 * never pays back within the run. For a batch of {@link #FROM_FILES} files or more the command adds
 * compiler directives (the same mechanism as {@code jcmd Compiler.directives_add}): the XML
 * tokenizer and sheet handler, where the time per file is spent, are still optimised fully; the
 * rest is compiled by the quick compiler (C1) only. Measured on the 10,000 + 10,000 file benchmark:
 * see README. Commands only: the library never changes its host JVM's compilation.
 *
 * <p>Nothing depends on it: on a JVM without HotSpot's diagnostic command bean, or with
 * {@code -Dnianbao.jit=default}, the default policy stays and only speed differs.
 */
final class CompilerHints {
    private CompilerHints() {
    }

    /** Files from which a run is long enough for the directives to pay. */
    static final int FROM_FILES = 1000;

    /** C2 for the tokenizer and the sheet and shared-strings handlers; C1 for everything else. */
    static final String DIRECTIVES = """
            [
              { match: ["cn/nianbao/read/FastXml*.*", "cn/nianbao/read/StreamingXlsx$Handler.*",
                        "cn/nianbao/read/SharedStrings*.*"],
                c2: { Exclude: false } },
              { match: "*.*", c2: { Exclude: true } }
            ]
            """;

    private static final AtomicBoolean ADDED = new AtomicBoolean();

    /** Adds the directives, once per process and in the background, when {@code files} is a large batch. */
    static void forBatch(int files) {
        if (files < FROM_FILES || "default".equals(System.getProperty("nianbao.jit")) || !ADDED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> add(DIRECTIVES), "nianbao-compiler-hints");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Adds compiler directives to this JVM; returns its reply ("2 compiler directives added"), or
     * null when it cannot take directives (not HotSpot, no management module).
     */
    static String add(String directives) {
        try {
            Path file = Files.createTempFile("nianbao-jit-", ".json");
            try {
                Files.writeString(file, directives);
                return String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString()));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            return null; // the default compilation policy stays; only speed differs
        }
    }

    /** Runs a HotSpot diagnostic command (what jcmd runs) in this JVM. */
    static Object diagnosticCommand(String operation, String... args) throws javax.management.JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, new Object[] {args}, new String[] {String[].class.getName()});
    }
}
