package cn.nianbao.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip file held in memory, read the way the format says: the end record, the central directory,
 * each part's local header. A filled template is about 20 KB, and opening it with
 * {@link java.util.zip.ZipFile} (a file handle, native set-up, a new inflater and several reads per
 * part) costs more than inflating what is needed; here the file is read once and parts are
 * inflated with one inflater per thread. Zips outside the plain layout spreadsheet writers produce
 * (ZIP64, split archives, encrypted entries) are not read here: {@link #of} returns null, and the
 * caller uses POI's general reader, which says what is wrong with the file if anything is.
 */
final class ZipBytes {
    private static final int END = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** A part: how it is stored, where its local header starts, and its sizes as the directory declares them. */
    record Entry(String name, int method, int local, int compressedSize, int size) {
    }

    private final byte[] bytes;
    private final Map<String, Entry> entries;

    private ZipBytes(byte[] bytes, Map<String, Entry> entries) {
        this.bytes = bytes;
        this.entries = entries;
    }

    /**
     * The zip in {@code bytes}; null when it uses a layout this reader leaves to the general one.
     *
     * @throws IOException when the bytes are not a readable zip (a truncated or damaged file)
     */
    static ZipBytes of(byte[] bytes) throws IOException {
        // The end record is the last 22 bytes plus its comment. As java.util.zip does, a record whose
        // comment length does not reach the end (bytes padded after the zip) is taken when the
        // directory it names ends right before it.
        int end = -1;
        for (int p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xFFFF) && end < 0; p--) {
            if (int32(bytes, p) == END && (p + 22 + uint16(bytes, p + 20) == bytes.length
                    || uint32(bytes, p + 16) + uint32(bytes, p + 12) == p && int32(bytes, (int) uint32(bytes, p + 16)) == CENTRAL)) {
                end = p;
            }
        }
        if (end < 0) {
            throw new IOException("找不到压缩包的目录（文件不完整或已损坏）");
        }
        int count = uint16(bytes, end + 10);
        long directory = uint32(bytes, end + 16);
        long directorySize = uint32(bytes, end + 12);
        if (uint16(bytes, end + 4) != 0 || uint16(bytes, end + 6) != 0 || count != uint16(bytes, end + 8)
                || count == 0xFFFF || directory == 0xFFFFFFFFL || directorySize == 0xFFFFFFFFL) {
            return null; // split archive or ZIP64
        }
        if (directory + directorySize > end) {
            throw new IOException("压缩包目录的位置超出文件（文件不完整或已损坏）");
        }
        Map<String, Entry> entries = new HashMap<>(count * 2);
        int p = (int) directory;
        for (int k = 0; k < count; k++) {
            if (p + 46 > end || int32(bytes, p) != CENTRAL) {
                throw new IOException("压缩包目录已损坏");
            }
            int flags = uint16(bytes, p + 8);
            int method = uint16(bytes, p + 10);
            long compressed = uint32(bytes, p + 20);
            long size = uint32(bytes, p + 24);
            int nameLength = uint16(bytes, p + 28);
            int next = p + 46 + nameLength + uint16(bytes, p + 30) + uint16(bytes, p + 32);
            long local = uint32(bytes, p + 42);
            if (next > end) {
                throw new IOException("压缩包目录已损坏");
            }
            if ((flags & 1) != 0 || compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                return null; // encrypted entry or ZIP64
            }
            String name = new String(bytes, p + 46, nameLength, StandardCharsets.UTF_8);
            entries.putIfAbsent(name, new Entry(name, method, (int) Math.min(local, Integer.MAX_VALUE), (int) compressed,
                    (int) Math.min(size, Integer.MAX_VALUE)));
            p = next;
        }
        return new ZipBytes(bytes, entries);
    }

    /** The part named {@code name} (no leading '/'), or null. */
    Entry entry(String name) {
        return entries.get(name);
    }

    /**
     * The part's content as it inflates. Its local header is checked only now, as java.util.zip
     * does: a damaged part the reader never opens does not make the file unreadable.
     */
    InputStream open(Entry e) throws IOException {
        long local = e.local();
        if (local + 30 > bytes.length || int32(bytes, (int) local) != LOCAL) {
            throw new IOException("部件 " + e.name() + " 的位置超出文件或已损坏");
        }
        long data = local + 30 + uint16(bytes, (int) local + 26) + uint16(bytes, (int) local + 28);
        if (data + e.compressedSize() > bytes.length) {
            throw new IOException("部件 " + e.name() + " 的数据超出文件（文件不完整）");
        }
        if (e.method() == STORED) {
            return new java.io.ByteArrayInputStream(bytes, (int) data, e.compressedSize());
        }
        if (e.method() != DEFLATED) {
            throw new IOException("部件 " + e.name() + " 使用了不支持的压缩方式（" + e.method() + "）");
        }
        return new Inflating(e, (int) data);
    }

    /** One inflater per thread, reset for each part: setting one up costs more than a small part. */
    private static final class Shared {
        final Inflater inflater = new Inflater(true);
        boolean busy;
    }

    private static final ThreadLocal<Shared> SHARED = ThreadLocal.withInitial(Shared::new);

    private final class Inflating extends InputStream {
        private final Entry e;
        /** The thread's inflater, or null when another part of this thread had it: then an own one. */
        private final Shared shared;
        private final Inflater inflater;
        private boolean closed;

        Inflating(Entry e, int data) {
            this.e = e;
            Shared s = SHARED.get();
            shared = s.busy ? null : s;
            inflater = shared == null ? new Inflater(true) : s.inflater;
            if (shared != null) {
                shared.busy = true;
            }
            inflater.setInput(bytes, data, e.compressedSize());
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (shared == null) {
                    inflater.end();
                } else {
                    inflater.reset(); // also lets go of this file's bytes
                    shared.busy = false;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            try {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                // Nothing came out and the stream has not ended: the part's data stops short.
                throw new IOException("部件 " + e.name() + " 的压缩数据不完整（文件已损坏）");
            } catch (DataFormatException x) {
                throw new IOException("部件 " + e.name() + " 的压缩数据已损坏：" + x.getMessage(), x);
            }
        }
    }

    private static int uint16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long uint32(byte[] b, int p) {
        return int32(b, p) & 0xFFFFFFFFL;
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
