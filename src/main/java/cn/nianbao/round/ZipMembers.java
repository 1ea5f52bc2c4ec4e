package cn.nianbao.round;

import cn.nianbao.round.Inbox.Kind;
import cn.nianbao.round.Inbox.Origin;
import cn.nianbao.util.Decoding;
import cn.nianbao.util.OutputFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The members of a .zip in an inbox, each copied out ({@link Extraction}) and handed back to
 * {@link Inbox#classify}: entry names in GBK as Windows writes them or UTF-8, the entry's time as
 * evidence of when it was sent, system files of archivers skipped, encrypted, oversized and
 * damaged members each a problem with its reason.
 */
final class ZipMembers {
    /** An entry stored without a time carries the zip epoch (1980-01-01): no evidence. */
    private static final Instant ZIP_EPOCH = Instant.parse("1980-01-02T00:00:00Z");

    private ZipMembers() {
    }

    static void open(Inbox box, Path file, Origin o, String relative, int depth) throws OutputFailure {
        List<ZipArchiveEntry> entries;
        try (ZipFile z = ZipFile.builder().setPath(file).setCharset(StandardCharsets.ISO_8859_1)
                .setUseUnicodeExtraFields(true).get()) {
            entries = Collections.list(z.getEntries());
            int count = 0;
            for (ZipArchiveEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                String stored = entryName(e);
                Extraction.Stored base = Extraction.Stored.of(stored, "压缩包条目");
                Origin m = o.inside(stored, base.base(), base.notes());
                if (e.getLastModifiedTime() != null && e.getLastModifiedTime().toInstant().isAfter(ZIP_EPOCH)) {
                    m = m.at(e.getLastModifiedTime().toInstant(), Inbox.TimeSource.ZIP_ENTRY);
                }
                if (++count > Inbox.MAX_MEMBERS) {
                    box.add(o, null, Kind.PROBLEM, "压缩包中的文件超过" + Inbox.MAX_MEMBERS + "个，其余未解开");
                    break;
                }
                if (stored.startsWith("__MACOSX/") || base.base().startsWith("._") || base.base().equalsIgnoreCase(".DS_Store")
                        || base.base().equalsIgnoreCase("Thumbs.db")) {
                    box.add(m, null, Kind.SKIPPED, "压缩软件附带的系统文件，不是报表");
                    continue;
                }
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    box.add(m, null, Kind.PROBLEM, "压缩包中的这个文件设有密码，无法解开。请不加密码重新压缩后报送");
                    continue;
                }
                if (!z.canReadEntryData(e)) {
                    box.add(m, null, Kind.PROBLEM, "压缩包使用了本工具不支持的压缩方式，无法解开。请用 zip 格式重新压缩");
                    continue;
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size > Inbox.MAX_MEMBER_BYTES || size > (1 << 20) && packed > 0 && size / packed > Inbox.MAX_RATIO) {
                    box.add(m, null, Kind.PROBLEM, "压缩包中的文件解压后过大（" + (size >> 20) + " MB，压缩比 "
                            + (packed > 0 ? size / packed : 0) + ":1），可能是压缩炸弹，未解开");
                    continue;
                }
                Path t = box.extraction().target(relative, base.base());
                try (InputStream in = z.getInputStream(e)) {
                    if (!Extraction.copyBounded(in, t)) {
                        box.add(m, null, Kind.PROBLEM, "压缩包中的文件解压后超过" + (Inbox.MAX_MEMBER_BYTES >> 20) + " MB，未解开");
                        continue;
                    }
                } catch (OutputFailure ex) {
                    throw ex;
                } catch (IOException | RuntimeException ex) {
                    box.add(m, null, Kind.PROBLEM, Inbox.lead("压缩包中的这个文件已损坏，无法解开", ex));
                    continue;
                }
                box.classify(t, m, relative + "/" + t.getFileName(), depth + 1);
            }
            if (count == 0) {
                box.add(o, null, Kind.PROBLEM, "压缩包是空的，没有文件");
            }
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            box.add(o, null, Kind.PROBLEM, Inbox.lead("压缩包无法打开（已损坏或不是 zip 格式）", e));
        }
    }

    /** An entry's name: UTF-8 when flagged so or when its bytes are valid UTF-8, else GBK (Windows' Chinese zip names). */
    private static String entryName(ZipArchiveEntry e) {
        byte[] raw = e.getRawName();
        if (raw == null) {
            return e.getName();
        }
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        if (!e.getName().equals(new String(raw, StandardCharsets.ISO_8859_1))) {
            return e.getName(); // an Info-ZIP Unicode path extra field named it
        }
        return Decoding.decode(raw);
    }
}
