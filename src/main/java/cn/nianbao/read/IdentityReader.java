package cn.nianbao.read;

import cn.nianbao.model.Identity;
import cn.nianbao.spec.TemplateLayout;
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
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a workbook says it is: the identity a template was issued with (its very hidden sheet, or
 * failing that its custom document properties, .xlsx or .xls), and the output marker this tool
 * puts on workbooks it writes. The template writer writes both (template.IdentitySheet).
 */
public final class IdentityReader {
    private IdentityReader() {
    }

    /** The identity recorded in a workbook, or null when it carries none (not our template). */
    public static Identity read(Workbook wb) {
        return Identity.fromEntries(entries(wb));
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
        if (Identity.isOurs(m)) {
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
                    if (k.startsWith(Identity.PROPERTY_PREFIX) && v != null) {
                        p.put(k.substring(Identity.PROPERTY_PREFIX.length()), v.toString());
                    }
                });
            }
            return p;
        }
        return m;
    }

    /** The entries among custom document properties (names with our prefix, the prefix taken off). */
    public static Map<String, String> fromCustomProperties(POIXMLProperties.CustomProperties custom) {
        Map<String, String> m = new LinkedHashMap<>();
        custom.getUnderlyingProperties().getPropertyList().forEach(p -> {
            if (p.getName() != null && p.getName().startsWith(Identity.PROPERTY_PREFIX) && p.isSetLpwstr()) {
                m.put(p.getName().substring(Identity.PROPERTY_PREFIX.length()), p.getLpwstr());
            }
        });
        return m;
    }

    /** The output marker of a workbook that is not our template: its kind and the digest of its numbers, or null. */
    public static String[] outputMark(Workbook wb) {
        Map<String, String> m = entries(wb);
        String kind = m.get(Identity.OUTPUT_KEY);
        return kind == null || kind.isEmpty() ? null : new String[] {kind, m.getOrDefault(Identity.DIGEST_KEY, "")};
    }
}
