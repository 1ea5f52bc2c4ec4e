package cn.nianbao.round;

import cn.nianbao.round.Inbox.Kind;
import cn.nianbao.round.Inbox.Origin;
import cn.nianbao.util.OutputFailure;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an .mbox (mboxo or mboxrd: a line starting "From " begins each message) into one .eml
 * per message under the extraction folder, and reads each as {@link MimeParts} does. Not MIME
 * parsing: only the separators. A line is never held whole past a megabyte.
 */
final class MboxSplitter {
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private MboxSplitter() {
    }

    static void open(Inbox box, Path file, Origin o, String relative, int depth) throws OutputFailure {
        int n = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            OutputStream current = null;
            List<Path> messages = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            boolean overflow = false;
            boolean midLine = false;
            while (true) {
                b = raw.read();
                if (b != -1) {
                    line.write(b);
                }
                if (line.size() >= 1 << 20 && b != '\n' && b != -1) {
                    // A line of a megabyte is no separator: pass it on in pieces, never held whole.
                    if (current != null) {
                        line.writeTo(current);
                    }
                    line.reset();
                    midLine = true;
                    continue;
                }
                if (b == '\n' || b == -1) {
                    byte[] l = line.toByteArray();
                    line.reset();
                    boolean continued = midLine;
                    midLine = false;
                    if (!continued && startsWithFrom(l)) {
                        if (current != null) {
                            current.close();
                        }
                        if (++n > Inbox.MAX_MESSAGES) {
                            overflow = true;
                            current = null;
                            break;
                        }
                        Path currentFile = box.extraction().target(relative, "第" + n + "封邮件.eml");
                        current = Extraction.create(currentFile);
                        messages.add(currentFile);
                    } else if (current != null) {
                        int skip = 0;
                        if (l.length > 0 && l[0] == '>') {
                            int i = 0;
                            while (i < l.length && l[i] == '>') {
                                i++;
                            }
                            if (startsWithFrom(Arrays.copyOfRange(l, i, l.length))) {
                                skip = 1; // mboxrd: one level of quoting added when the message was stored
                            }
                        }
                        current.write(l, skip, l.length - skip);
                    }
                    if (b == -1) {
                        break;
                    }
                }
            }
            if (current != null) {
                current.close();
                current = null;
            }
            for (int i = 0; i < messages.size(); i++) {
                Path msg = messages.get(i);
                MimeParts.open(box, msg, o.inside("第" + (i + 1) + "封邮件", "第" + (i + 1) + "封邮件", List.of()),
                        relative + "/" + msg.getFileName(), depth + 1);
            }
            if (overflow) {
                box.add(o, null, Kind.PROBLEM, "邮箱文件中的邮件超过" + Inbox.MAX_MESSAGES + "封，其余未读取");
            }
            if (messages.isEmpty()) {
                box.add(o, null, Kind.PROBLEM, "邮箱文件（.mbox）中没有邮件");
            }
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            box.add(o, null, Kind.PROBLEM, Inbox.lead("邮箱文件无法读取", e));
        }
    }

    private static boolean startsWithFrom(byte[] line) {
        return line.length >= FROM.length && Arrays.equals(line, 0, FROM.length, FROM, 0, FROM.length);
    }
}
