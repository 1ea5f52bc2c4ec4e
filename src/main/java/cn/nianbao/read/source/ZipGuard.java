package cn.nianbao.read.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Word document's zip looked through before POI opens it: every member inflated (and thrown
 * away) with a cap on its size and on how much it grew, so that a zip bomb is refused in bounded
 * time and memory instead of filling the heap. The same limits as the workbook reader's: a member
 * at most 20 MB unpacked, and one over 1 MB at most 200 times its packed size; 1,000 members.
 */
final class ZipGuard {
    static final long MAX_MEMBER = 20L * 1024 * 1024;
    static final long MAX_TOTAL = 100L * 1024 * 1024;
    static final int MAX_RATIO = 200;
    static final int MAX_MEMBERS = 1000;

    private ZipGuard() {
    }

    static void check(Path file, String what) throws UnreadableDocument, IOException {
        long packed = Files.size(file);
        long total = 0;
        int members = 0;
        byte[] buf = new byte[64 * 1024];
        // Names as bytes (ISO-8859-1 never fails): a member a Chinese zip tool named in GBK is no damage.
        try (InputStream raw = Files.newInputStream(file); ZipInputStream z = new ZipInputStream(raw, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++members > MAX_MEMBERS) {
                    throw new UnreadableDocument(what + "中的部件超过" + MAX_MEMBERS + "个，不像是正常的文档（可能是恶意构造的文件）");
                }
                long size = 0;
                for (int n; (n = z.read(buf)) > 0; ) {
                    size += n;
                    total += n;
                    if (size > MAX_MEMBER || total > MAX_TOTAL) {
                        throw bomb(what, e.getName());
                    }
                }
                long c = e.getCompressedSize();
                if (size > 1024 * 1024 && c > 0 && size / c > MAX_RATIO) {
                    throw bomb(what, e.getName());
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException | IllegalArgumentException e) {
            // A member cut short (EOF inside its deflated data) is damage too, not a disk that failed; so
            // is a name flagged UTF-8 that is not (the only IllegalArgumentException ZipInputStream throws).
            throw new UnreadableDocument(what + "已损坏（不是完整的 zip 结构），无法打开");
        }
        if (total > 1024 * 1024 && packed > 0 && total / packed > MAX_RATIO) {
            throw bomb(what, "");
        }
    }

    private static UnreadableDocument bomb(String what, String member) {
        return new UnreadableDocument(what + "解压后过大或压缩比异常（" + (member.isEmpty() ? "" : "部件 " + member + " ")
                + "超过 20 MB 或压缩比超过 200:1），按压缩炸弹拒绝，没有读取");
    }
}
