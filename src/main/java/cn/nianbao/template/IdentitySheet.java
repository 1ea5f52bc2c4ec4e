package cn.nianbao.template;

import cn.nianbao.model.Identity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Records what a template was issued for, twice: in a very hidden sheet (survives Excel, WPS and
 * LibreOffice, .xlsx and .xls) and in the document's custom properties.
 */
public final class IdentitySheet {
    static final String MAGIC = "nianbao-template";
    /** Custom document properties carry the identity entries under this prefix. */
    public static final String PROPERTY_PREFIX = "nianbao.";
    private static final String PREFIX = PROPERTY_PREFIX;
    private static final String PREFILL = "prefill.";
    private static final String OUTPUT = "output";
    private static final String DIGEST = "digest";

    private IdentitySheet() {
    }

    static Map<String, String> entries(Identity id) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nianbao", MAGIC);
        m.put("format", id.format());
        m.put("year", Integer.toString(id.year()));
        m.put("agency", id.agency());
        m.put("code", id.code());
        m.put("template_id", id.templateId());
        m.put("tool_version", id.toolVersion());
        m.put("issued_at", id.issuedAt());
        m.put("prefill_source", id.prefillSource());
        id.prefilled().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> m.put(PREFILL + e.getKey(), e.getValue()));
        if (!id.output().isEmpty()) {
            m.put(OUTPUT, id.output());
            m.put(DIGEST, id.digest());
        }
        return m;
    }

    /**
     * Marks a workbook this tool writes as an output of {@code kind} ({@link Identity#RETURN_COPY} …)
     * holding the numbers {@code digest} fingerprints: in the identity sheet when the workbook has one
     * (our template), and in the document's custom properties (any workbook, .xlsx or .xls).
     */
    public static void mark(Workbook wb, String kind, String digest) {
        Sheet s = wb.getSheet(TemplateLayout.ID_SHEET);
        if (s != null) {
            put(s, OUTPUT, kind);
            put(s, DIGEST, digest);
        }
        if (wb instanceof XSSFWorkbook x) {
            POIXMLProperties.CustomProperties custom = x.getProperties().getCustomProperties();
            setProperty(custom, PREFIX + OUTPUT, kind);
            setProperty(custom, PREFIX + DIGEST, digest);
        } else if (wb instanceof HSSFWorkbook h) {
            if (h.getDocumentSummaryInformation() == null) {
                h.createInformationProperties();
            }
            DocumentSummaryInformation dsi = h.getDocumentSummaryInformation();
            CustomProperties cp = dsi.getCustomProperties() == null ? new CustomProperties() : dsi.getCustomProperties();
            cp.put(PREFIX + OUTPUT, kind);
            cp.put(PREFIX + DIGEST, digest);
            dsi.setCustomProperties(cp);
        }
    }

    private static void put(Sheet s, String key, String value) {
        DataFormatter f = new DataFormatter();
        int last = -1;
        for (Row row : s) {
            Cell k = row.getCell(0);
            if (k != null && f.formatCellValue(k).strip().equals(key)) {
                (row.getCell(1) != null ? row.getCell(1) : row.createCell(1)).setCellValue(value);
                return;
            }
            last = Math.max(last, row.getRowNum());
        }
        Row row = s.createRow(last + 1);
        row.createCell(0).setCellValue(key);
        row.createCell(1).setCellValue(value);
    }

    private static void setProperty(POIXMLProperties.CustomProperties custom, String name, String value) {
        if (custom.contains(name)) {
            custom.getProperty(name).setLpwstr(value);
        } else {
            custom.addProperty(name, value);
        }
    }

    /** The output marker of a workbook that is not our template: its custom properties' kind and digest, or null. */
    public static String[] outputMark(Workbook wb) {
        Map<String, String> m = entries(wb);
        String kind = m.get(OUTPUT);
        return kind == null || kind.isEmpty() ? null : new String[] {kind, m.getOrDefault(DIGEST, "")};
    }

    static void write(XSSFWorkbook wb, Identity id) {
        Sheet s = wb.createSheet(TemplateLayout.ID_SHEET);
        int r = 0;
        for (Map.Entry<String, String> e : entries(id).entrySet()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.VERY_HIDDEN);
        POIXMLProperties props = wb.getProperties();
        POIXMLProperties.CustomProperties custom = props.getCustomProperties();
        entries(id).forEach((k, v) -> {
            if (!k.startsWith(PREFILL)) {
                custom.addProperty(PREFIX + k, v);
            }
        });
    }

    /** The identity recorded in a workbook, or null when it carries none (not our template). */
    public static Identity read(Workbook wb) {
        return fromEntries(entries(wb));
    }

    /** The identity entries of a workbook: its identity sheet, else its custom properties; empty if neither. */
    public static Map<String, String> entries(Workbook wb) {
        Map<String, String> m = new LinkedHashMap<>();
        Sheet s = wb.getSheet(TemplateLayout.ID_SHEET);
        if (s != null) {
            DataFormatter f = new DataFormatter();
            for (Row row : s) {
                Cell k = row.getCell(0);
                Cell v = row.getCell(1);
                if (k != null) {
                    m.put(f.formatCellValue(k).strip(), v == null ? "" : f.formatCellValue(v).strip());
                }
            }
        }
        if (isOurs(m)) {
            return m;
        }
        if (wb instanceof XSSFWorkbook x) {
            return fromCustomProperties(x.getProperties().getCustomProperties());
        }
        if (wb instanceof HSSFWorkbook h) {
            Map<String, String> p = new LinkedHashMap<>();
            DocumentSummaryInformation dsi = h.getDocumentSummaryInformation();
            CustomProperties cp = dsi == null ? null : dsi.getCustomProperties();
            if (cp != null) {
                cp.forEach((k, v) -> {
                    if (k.startsWith(PREFIX) && v != null) {
                        p.put(k.substring(PREFIX.length()), v.toString());
                    }
                });
            }
            return p;
        }
        return m;
    }

    public static boolean isOurs(Map<String, String> entries) {
        return MAGIC.equals(entries.get("nianbao"));
    }

    public static Map<String, String> fromCustomProperties(POIXMLProperties.CustomProperties custom) {
        Map<String, String> m = new LinkedHashMap<>();
        custom.getUnderlyingProperties().getPropertyList().forEach(p -> {
            if (p.getName() != null && p.getName().startsWith(PREFIX) && p.isSetLpwstr()) {
                m.put(p.getName().substring(PREFIX.length()), p.getLpwstr());
            }
        });
        return m;
    }

    /** The identity the entries describe, or null when they are not ours. */
    public static Identity fromEntries(Map<String, String> m) {
        if (!isOurs(m)) {
            return null;
        }
        Map<String, String> prefilled = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(PREFILL)) {
                prefilled.put(k.substring(PREFILL.length()), v);
            }
        });
        int year;
        try {
            year = Integer.parseInt(m.getOrDefault("year", ""));
        } catch (NumberFormatException e) {
            year = 0;
        }
        return new Identity(m.getOrDefault("format", ""), year, m.getOrDefault("agency", ""),
                m.getOrDefault("code", ""), m.getOrDefault("template_id", ""), m.getOrDefault("tool_version", ""),
                m.getOrDefault("issued_at", ""), m.getOrDefault("prefill_source", ""), prefilled,
                m.getOrDefault(OUTPUT, ""), m.getOrDefault(DIGEST, ""));
    }
}
