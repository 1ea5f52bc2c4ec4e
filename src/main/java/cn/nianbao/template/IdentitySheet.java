package cn.nianbao.template;

import cn.nianbao.model.Identity;
import cn.nianbao.spec.TemplateLayout;
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
 * LibreOffice, .xlsx and .xls) and in the document's custom properties; and marks the other
 * workbooks this tool writes as its outputs. Read back by read.IdentityReader.
 */
public final class IdentitySheet {
    private static final String PREFIX = Identity.PROPERTY_PREFIX;
    private static final String OUTPUT = Identity.OUTPUT_KEY;
    private static final String DIGEST = Identity.DIGEST_KEY;

    private IdentitySheet() {
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

    static void write(XSSFWorkbook wb, Identity id) {
        Sheet s = wb.createSheet(TemplateLayout.ID_SHEET);
        int r = 0;
        for (Map.Entry<String, String> e : id.entries().entrySet()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.VERY_HIDDEN);
        POIXMLProperties props = wb.getProperties();
        POIXMLProperties.CustomProperties custom = props.getCustomProperties();
        id.entries().forEach((k, v) -> {
            if (!Identity.isPrefill(k)) {
                custom.addProperty(PREFIX + k, v);
            }
        });
    }
}
