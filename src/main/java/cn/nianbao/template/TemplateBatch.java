package cn.nianbao.template;

import cn.nianbao.model.Numbers;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Xml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Issues many personalised templates quickly. Templates of one shape (format, year, with or
 * without a code, which carried-over cells are pre-filled) differ only in a few strings and
 * numbers, so each shape is built once by {@link TemplateWriter} with placeholders, and every
 * template of that shape is that file with the agency's strings and carried-over values put in.
 * The result is the same workbook the writer makes (a test compares them cell by cell); formula
 * results of pre-filled shapes are left for the spreadsheet to compute on opening.
 */
public final class TemplateBatch {
    private static final String AGENCY = "@@NIANBAO_AGENCY@@";
    private static final String CODE = "@@NIANBAO_CODE@@";
    private static final String ID = "@@NIANBAO_TEMPLATE_ID@@";
    private static final String AT = "@@NIANBAO_ISSUED_AT@@";
    private static final String SOURCE = "@@NIANBAO_SOURCE@@";
    /** Carried-over placeholders: numbers no real count reaches, recognisable in the identity strings. */
    private static final long SENTINEL = 987_654_300L;
    private static final Pattern FORMULA_RESULT = Pattern.compile("(<c [^>]*?)( t=\"(?:str|n|b|e)\")?(>(?:<f>[^<]*</f>|<f/>))<v>[^<]*</v>");

    private final TemplateWriter writer;
    private final Map<String, Stamp> stamps = new HashMap<>();

    public TemplateBatch(Protection protection) {
        this.writer = new TemplateWriter(protection);
    }

    /**
     * One shape's workbook as zip parts. A part that varies by agency is precompiled into constant
     * byte segments with a slot between each two: a placeholder string, or {@code cell:KEY} for a
     * carried-over value.
     */
    private record Stamp(Map<String, byte[]> fixed, Map<String, Compiled> varying, List<String> order,
                         List<String> carriedKeys) {
    }

    private record Compiled(List<byte[]> segments, List<String> slots) {
    }

    /** Writes one template, whole or not at all; the same workbook {@link TemplateWriter} would write. */
    public void write(TemplateRequest req, Path out) throws IOException {
        Stamp stamp = stamps.computeIfAbsent(shape(req), k -> build(req));
        Map<String, byte[]> values = new HashMap<>();
        values.put(AGENCY, xml(req.agency()));
        values.put(CODE, xml(req.code()));
        values.put(ID, xml(req.templateId() != null ? req.templateId() : UUID.randomUUID().toString()));
        values.put(AT, xml(req.issuedAt() != null ? req.issuedAt() : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        values.put(SOURCE, xml(req.carriedOverSource()));
        for (int i = 0; i < stamp.carriedKeys().size(); i++) {
            String key = stamp.carriedKeys().get(i);
            byte[] v = plain(req.carriedOver().get(key)).getBytes(StandardCharsets.UTF_8);
            values.put(Long.toString(SENTINEL + i), v);
            values.put("cell:" + key, v);
        }
        AtomicFiles.write(out, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (String name : stamp.order()) {
                zip.putNextEntry(new ZipEntry(name));
                Compiled c = stamp.varying().get(name);
                if (c == null) {
                    zip.write(stamp.fixed().get(name));
                } else {
                    for (int i = 0; i < c.segments().size(); i++) {
                        zip.write(c.segments().get(i));
                        if (i < c.slots().size()) {
                            String slot = c.slots().get(i);
                            zip.write(values.getOrDefault(slot, slot.getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static byte[] xml(String s) {
        return Xml.escape(s).getBytes(StandardCharsets.UTF_8);
    }

    private static String shape(TemplateRequest req) {
        return req.spec().id() + "|" + req.year() + "|" + req.code().isEmpty() + "|" + req.carriedOverSource().isEmpty()
                + "|" + new TreeSet<>(req.carriedOver().keySet());
    }

    private Stamp build(TemplateRequest req) {
        List<String> carried = new ArrayList<>(new TreeSet<>(req.carriedOver().keySet()));
        Map<String, BigDecimal> sentinels = new LinkedHashMap<>();
        for (int i = 0; i < carried.size(); i++) {
            sentinels.put(carried.get(i), BigDecimal.valueOf(SENTINEL + i));
        }
        TemplateRequest base = new TemplateRequest(req.spec(), req.year(), AGENCY, req.code().isEmpty() ? "" : CODE, ID, AT,
                sentinels, req.carriedOverSource().isEmpty() ? "" : SOURCE);
        Map<String, byte[]> fixed = new LinkedHashMap<>();
        Map<String, Compiled> varying = new HashMap<>();
        List<String> order = new ArrayList<>();
        try (XSSFWorkbook wb = writer.build(base)) {
            TemplateLayout layout = req.spec().layout();
            String carriedPart = carried.isEmpty() ? null
                    : wb.getSheet(layout.pos(carried.get(0)).sheet()).getPackagePart().getPartName().getName().substring(1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    String name = e.getName();
                    byte[] b = zin.readAllBytes();
                    order.add(name);
                    if (!carried.isEmpty() && name.startsWith("xl/worksheets/sheet")) {
                        // Results computed from the placeholders would be wrong for every agency:
                        // leave them to the spreadsheet, which recalculates on opening.
                        b = FORMULA_RESULT.matcher(new String(b, StandardCharsets.UTF_8)).replaceAll("$1$3")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    if (name.equals(carriedPart)) {
                        varying.put(name, cells(new String(b, StandardCharsets.UTF_8), carried, layout));
                    } else if (name.equals("xl/sharedStrings.xml") || name.startsWith("docProps/") || name.startsWith("xl/comments")) {
                        varying.put(name, placeholders(new String(b, StandardCharsets.UTF_8)));
                    } else {
                        fixed.put(name, b);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Stamp(fixed, varying, order, carried);
    }

    /** The carried-over cells' value elements become slots. */
    private static Compiled cells(String xml, List<String> carried, TemplateLayout layout) {
        List<int[]> spans = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String key : carried) {
            int[] span = SheetXml.valueSpan(xml, layout.pos(key).a1());
            spans.add(new int[] {span[0] + 3, span[1] - 4}); // the number between <v> and </v>
            keys.add("cell:" + key);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        List<byte[]> segments = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int pos = 0;
        for (int i : idx) {
            segments.add(xml.substring(pos, spans.get(i)[0]).getBytes(StandardCharsets.UTF_8));
            slots.add(keys.get(i));
            pos = spans.get(i)[1];
        }
        segments.add(xml.substring(pos).getBytes(StandardCharsets.UTF_8));
        return new Compiled(segments, slots);
    }

    /** Every placeholder in a text part becomes a slot. */
    private static Compiled placeholders(String xml) {
        List<byte[]> segments = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(xml);
        int pos = 0;
        while (m.find()) {
            segments.add(xml.substring(pos, m.start()).getBytes(StandardCharsets.UTF_8));
            slots.add(m.group());
            pos = m.end();
        }
        segments.add(xml.substring(pos).getBytes(StandardCharsets.UTF_8));
        return new Compiled(segments, slots);
    }

    private static String plain(BigDecimal v) {
        return Numbers.normalize(v).toPlainString();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("@@NIANBAO_[A-Z_]+@@|9876543\\d\\d");
}
