package cn.nianbao.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an .xlsx the reader needs, found the way OOXML says (package relationships to the
 * workbook, its relationships to sheets and shared strings), straight from the zip: cheaper than
 * opening a full OPC package for a 20 KB file. Every part is read through a limit on its size and
 * on its compression ratio, so a zip bomb is refused instead of filling memory.
 */
final class XlsxParts {
    /** Largest uncompressed part read (a 50 MB shared-strings table is refused, not parsed). */
    static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    /** Largest expansion allowed once a part passes 1 MB: real sheets compress about 10:1. */
    static final long MAX_RATIO = 200;

    private static final String REL_OFFICE_DOCUMENT = "/officeDocument";
    private static final String REL_SHARED_STRINGS = "/sharedStrings";
    private static final String REL_CUSTOM = "/custom-properties";

    private final ZipBytes zip;
    private final Map<String, String> sheets = new LinkedHashMap<>();
    private String sharedStrings;
    private String customProperties;

    XlsxParts(ZipBytes zip) throws IOException {
        this.zip = zip;
        Map<String, String[]> root = relationships("_rels/.rels", "");
        String workbook = target(root, REL_OFFICE_DOCUMENT);
        customProperties = target(root, REL_CUSTOM);
        if (workbook == null) {
            throw new IOException("没有找到工作簿部件（不是 Excel 工作簿）");
        }
        String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        Map<String, String[]> rels = relationships(dir + "_rels/" + workbook.substring(dir.length()) + ".rels", dir);
        sharedStrings = target(rels, REL_SHARED_STRINGS);
        Map<String, String> idToName = parse(workbook, () -> new DefaultHandler() {
            final Map<String, String> idToName = new LinkedHashMap<>();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (localName.equals("sheet")) {
                    for (int i = 0; i < a.getLength(); i++) {
                        if (a.getLocalName(i).equals("id") && a.getQName(i).contains(":")) {
                            idToName.put(a.getValue(i), a.getValue("name"));
                        }
                    }
                }
            }
        }).idToName;
        idToName.forEach((id, name) -> {
            String[] rel = rels.get(id);
            if (rel != null && name != null) {
                sheets.put(name, rel[1]);
            }
        });
    }

    /** Whether the package carries VBA macros (xl/vbaProject.bin); nianbao never runs them. */
    boolean hasMacros() {
        return zip.entry("xl/vbaProject.bin") != null;
    }

    /** Sheet name to part name, in workbook order. */
    Map<String, String> sheets() {
        return sheets;
    }

    String sharedStrings() {
        return sharedStrings;
    }

    String customProperties() {
        return customProperties;
    }

    /** The part's content, limited; null when the part does not exist. */
    InputStream open(String part) throws IOException {
        ZipBytes.Entry e = zip.entry(part.startsWith("/") ? part.substring(1) : part);
        if (e == null) {
            return null;
        }
        // The sizes the zip declares, checked before anything is inflated; Limited counts as it
        // inflates, in case they lie.
        long size = e.size();
        long compressed = Math.max(1, e.compressedSize());
        if (size > 1024 * 1024 && size / compressed > MAX_RATIO) {
            throw new IOException("部件 " + part + " 压缩比异常（" + size / compressed + ":1，疑似压缩炸弹），已拒绝读取");
        }
        if (size > MAX_PART_BYTES) {
            throw new IOException("部件 " + part + " 解压后超过 " + MAX_PART_BYTES / 1024 / 1024 + " MB，已拒绝读取");
        }
        return new Limited(zip.open(e), e.compressedSize(), part);
    }

    <H extends DefaultHandler> H parse(String part, java.util.function.Supplier<H> handlers) throws IOException {
        try (InputStream in = open(part)) {
            if (in == null) {
                throw new IOException("缺少部件 " + part);
            }
            return Sax.parse(in, handlers);
        } catch (SAXException e) {
            throw new IOException("部件 " + part + " 不是有效的 XML：" + e.getMessage(), e);
        }
    }

    /** Relationship id to {type, resolved target} of a .rels part; empty when the part is absent. */
    private Map<String, String[]> relationships(String part, String baseDir) throws IOException {
        if (zip.entry(part) == null) {
            return new LinkedHashMap<>();
        }
        return parse(part, () -> new DefaultHandler() {
            final Map<String, String[]> m = new LinkedHashMap<>();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (localName.equals("Relationship") && !"External".equals(a.getValue("TargetMode"))) {
                    String target = a.getValue("Target");
                    String type = a.getValue("Type");
                    if (target != null && type != null) {
                        m.put(a.getValue("Id"), new String[] {type, resolve(baseDir, target)});
                    }
                }
            }
        }).m;
    }

    private static String target(Map<String, String[]> rels, String typeSuffix) {
        return rels.values().stream().filter(r -> r[0].endsWith(typeSuffix)).map(r -> r[1]).findFirst().orElse(null);
    }

    /** A part name from a relationship target: absolute from the package root, else relative to the source's folder. */
    static String resolve(String baseDir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : baseDir + target;
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.equals("..")) {
                out.pollLast();
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                out.addLast(seg);
            }
        }
        return String.join("/", out);
    }

    /** Counts bytes as they are inflated; refuses a part past the size or ratio limit. */
    private static final class Limited extends FilterInputStream {
        private final long compressed;
        private final String part;
        private long count;

        Limited(InputStream in, long compressed, String part) {
            super(in);
            this.compressed = Math.max(1, compressed);
            this.part = part;
        }

        private void add(long n) throws IOException {
            if (n <= 0) {
                return;
            }
            count += n;
            if (count > MAX_PART_BYTES) {
                throw new IOException("部件 " + part + " 解压后超过 " + MAX_PART_BYTES / 1024 / 1024 + " MB，已拒绝读取");
            }
            if (count > 1024 * 1024 && count / compressed > MAX_RATIO) {
                throw new IOException("部件 " + part + " 压缩比异常（疑似压缩炸弹），已拒绝读取");
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(n);
            return n;
        }
    }
}
