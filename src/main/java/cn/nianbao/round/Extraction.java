package cn.nianbao.round;

import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.FileNames;
import cn.nianbao.util.OutputFailure;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the members of an inbox's archives and messages are copied, and under what names: a
 * folder per container ("报送.zip-内容"), the member's last name made safe, "(2)" for a second
 * member of the same name. Nothing lands outside the extraction folder, and no copy is larger
 * than {@link Inbox#MAX_MEMBER_BYTES}.
 */
final class Extraction {
    private final Path dir;
    private final Map<Path, Integer> used = new HashMap<>();

    Extraction(Path dir) {
        this.dir = dir;
    }

    /** The last part of a stored name, and a note when the stored name carried a path (zip slip, absolute). */
    record Stored(String base, List<String> notes) {
        static Stored of(String stored, String what) {
            String s = stored.replace('\\', '/');
            String base = s.substring(s.lastIndexOf('/') + 1);
            boolean escapes = s.startsWith("/") || s.matches("^[A-Za-z]:.*") || ("/" + s + "/").contains("/../");
            return new Stored(base, escapes ? List.of(what + "名称“" + stored + "”含有上级目录（..）或绝对路径，可能是恶意构造的；只取文件名“"
                    + base + "”，解出的文件只写在本工具的输出文件夹中") : List.of());
        }
    }

    /** A fresh path under the extraction folder for a member called {@code name} of container {@code relative}. */
    Path target(String relative, String name) throws IOException {
        Path d = dir;
        for (String part : relative.split("[/\\\\]")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                d = d.resolve(FileNames.safe(part) + "-内容");
            }
        }
        String safe = name.strip().isEmpty() || name.strip().equals(".") || name.strip().equals("..") ? "未命名"
                : FileNames.safeFile(name.strip());
        Path t = d.resolve(safe).normalize();
        if (!t.startsWith(dir.normalize())) {
            throw new IOException("名称不安全：" + name);
        }
        int n = used.merge(t, 1, Integer::sum);
        if (n > 1) {
            int dot = safe.lastIndexOf('.');
            String stem = dot > 0 ? safe.substring(0, dot) : safe;
            String ext = dot > 0 ? safe.substring(dot) : "";
            t = d.resolve(FileNames.numbered(stem, n, ext));
        }
        return t;
    }

    /**
     * Copies at most {@link Inbox#MAX_MEMBER_BYTES} to {@code target}, whole or not at all; false
     * (and nothing written) when the member is larger. A member that cannot be read (a damaged
     * archive or encoding) throws a plain IOException, the sender's problem; a copy that cannot be
     * written (disk full, no permission) throws {@link OutputFailure}, which ends the run: no
     * agency is blamed for the supervisor's disk.
     */
    static boolean copyBounded(InputStream in, Path target) throws IOException {
        boolean[] fits = {true};
        IOException[] unreadable = {null};
        try {
            AtomicFiles.write(target, out -> {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (IOException e) {
                        unreadable[0] = e;
                        throw e;
                    }
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                    if (total > Inbox.MAX_MEMBER_BYTES) {
                        fits[0] = false;
                        throw new IOException("larger than " + Inbox.MAX_MEMBER_BYTES + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            });
        } catch (IOException e) {
            if (!fits[0]) {
                return false; // stopped on purpose: AtomicFiles reports it as a failed write, and has removed the part
            }
            if (unreadable[0] != null) {
                throw unreadable[0];
            }
            throw e instanceof OutputFailure f ? f : new OutputFailure(target, e);
        }
        return true;
    }

    /**
     * A new file under the extraction folder, written piece by piece (an mbox split into its
     * messages); every failure to write it is an {@link OutputFailure} naming the file.
     */
    static OutputStream create(Path file) throws OutputFailure {
        try {
            Files.createDirectories(file.getParent());
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw new OutputFailure(file, e);
                    }
                }

                @Override
                public void write(int b) throws IOException {
                    try {
                        out.write(b);
                    } catch (IOException e) {
                        throw new OutputFailure(file, e);
                    }
                }

                @Override
                public void flush() throws IOException {
                    try {
                        out.flush();
                    } catch (IOException e) {
                        throw new OutputFailure(file, e);
                    }
                }

                @Override
                public void close() throws IOException {
                    try {
                        out.close();
                    } catch (IOException e) {
                        throw new OutputFailure(file, e);
                    }
                }
            };
        } catch (IOException e) {
            throw new OutputFailure(file, e);
        }
    }
}
