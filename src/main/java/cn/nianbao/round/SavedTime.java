package cn.nianbao.round;

import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * When a workbook says it was last saved: dcterms:modified in docProps/core.xml of an .xlsx
 * (Excel, WPS and LibreOffice write it on every save), the last-save time of the
 * SummaryInformation stream of an .xls. Only that one small part is read, never the workbook.
 * Null when the file has none (our templates as issued carry only their creation time; a
 * converter may write none, or 1601-01-01, the zero of a Windows file time) or cannot be read.
 */
final class SavedTime {
    /** Earlier than this is no real saving time (zip's epoch is 1980; an unset Windows file time is 1601). */
    private static final Instant PLAUSIBLE = Instant.parse("1980-01-01T00:00:00Z");
    private static final int MAX_PART = 1 << 16;
    private static final Pattern MODIFIED = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?modified(?:\\s[^>]*)?>\\s*([^<\\s]+)\\s*<");
    private static final Pattern CORE_TARGET = Pattern.compile(
            "<Relationship\\s[^>]*Type=\"[^\"]*/metadata/core-properties\"[^>]*>");
    private static final Pattern TARGET = Pattern.compile("Target=\"/?([^\"]+)\"");

    private SavedTime() {
    }

    /** The workbook's own last-saved time, or null. {@code head} is the start of the file (its magic number). */
    static Instant of(Path file, byte[] head) {
        try {
            Instant t = null;
            if (FileKind.zip(head)) {
                t = ooxml(file);
            } else if (FileKind.ole2(head)) {
                t = ole2(file);
            }
            return t != null && t.isAfter(PLAUSIBLE) ? t : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file: the reader will say what is wrong with it; its file time stands
        }
    }

    private static Instant ooxml(Path file) throws IOException {
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry core = z.getEntry("docProps/core.xml");
            if (core == null) {
                // Where the package's relationships say the core properties are.
                String rels = part(z, z.getEntry("_rels/.rels"));
                Matcher m = rels == null ? null : CORE_TARGET.matcher(rels);
                if (m == null || !m.find()) {
                    return null;
                }
                Matcher t = TARGET.matcher(m.group());
                core = t.find() ? z.getEntry(t.group(1)) : null;
            }
            String xml = part(z, core);
            if (xml == null) {
                return null;
            }
            Matcher m = MODIFIED.matcher(xml);
            return m.find() ? w3cdtf(m.group(1)) : null;
        }
    }

    private static String part(ZipFile z, ZipEntry e) throws IOException {
        if (e == null) {
            return null;
        }
        try (InputStream in = z.getInputStream(e)) {
            byte[] b = in.readNBytes(MAX_PART + 1);
            return b.length > MAX_PART ? null : new String(b, StandardCharsets.UTF_8);
        }
    }

    /** A W3CDTF time as core.xml holds it: with its offset (Excel writes Z), else taken as Beijing time. */
    static Instant w3cdtf(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // no offset, or a date alone
        }
        try {
            return LocalDateTime.parse(s).atZone(Collector.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            // a date alone
        }
        try {
            return LocalDate.parse(s).atStartOfDay(Collector.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant ole2(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (!fs.getRoot().hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)) {
                return null;
            }
            PropertySet ps = PropertySetFactory.create(fs.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
            return ps instanceof SummaryInformation si && si.getLastSaveDateTime() != null
                    ? si.getLastSaveDateTime().toInstant() : null;
        } catch (org.apache.poi.hpsf.NoPropertySetStreamException e) {
            return null;
        }
    }
}
