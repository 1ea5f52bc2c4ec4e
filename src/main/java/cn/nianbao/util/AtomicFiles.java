package cn.nianbao.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Outputs are written whole or not at all: to a temporary file beside the target, then renamed.
 * The file gets the permissions the user's umask gives a new file (not a temporary file's 0600).
 * When anything fails, the temporary file and any folder made for it are removed and an
 * {@link OutputFailure} names the target and the reason in Chinese.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        List<Path> made = new ArrayList<>();
        Path tmp = null;
        boolean done = false;
        try {
            Path dir = abs.getParent();
            made = createDirectories(dir);
            // A short name of our own (the target's may already be near the length limit), created
            // like any new file, so the umask decides its mode.
            tmp = dir.resolve(".nianbao-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            Files.createFile(tmp);
            // Buffered: zip writers emit many small chunks, each a system call on a bare file stream.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (IoErrors.ioCause(e) == null && e instanceof RuntimeException r) {
                throw r; // a bug, not a write that failed
            }
            throw new OutputFailure(target, e);
        } finally {
            if (!done) {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // nothing more can be done; the name starts with a dot and says what it is
                    }
                }
                removeEmpty(made);
            }
        }
    }

    /** Creates {@code dir} and the missing folders above it; returns those it made, deepest first. */
    public static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path p = dir;
        for (; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new java.nio.file.NotDirectoryException(p.toString());
        }
        Files.createDirectories(dir);
        return missing;
    }

    /** Removes folders made for an output that failed, deepest first, while they are empty. */
    public static void removeEmpty(List<Path> made) {
        for (Path p : made) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }
}
