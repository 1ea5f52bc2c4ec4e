package cn.nianbao.bench;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Totals;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.SheetXml;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes many filled workbooks of one format and year quickly: one template is issued and filled
 * with POI, then each variant is that file with its cell values (inputs, and totals' cached
 * results as Excel saves them) and identity strings replaced in the XML. A benchmark fixture
 * generator, not a way to issue templates.
 */
final class FilledWorkbooks {
    private static final String AGENCY = "@@AGENCY@@";
    private static final String ID = "@@TEMPLATE_ID@@";

    private final FormatSpec spec;
    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    /** Per sheet part: the base XML and the spans of each cell's value element, in order. */
    private final Map<String, Plan> plans = new LinkedHashMap<>();

    private record Span(int start, int end, String key) {
    }

    private record Plan(String xml, List<Span> spans) {
    }

    FilledWorkbooks(FormatSpec spec, int year) throws IOException {
        this.spec = spec;
        byte[] base;
        try (XSSFWorkbook wb = new TemplateWriter().build(
                TemplateRequest.of(spec, year, AGENCY, "").withFixedId(ID, "2026-01-01T00:00:00Z"))) {
            TemplateLayout layout = spec.layout();
            for (CellDef c : spec.inputCells()) {
                TemplateLayout.Pos p = layout.pos(c.key());
                wb.getSheet(p.sheet()).getRow(p.row()).getCell(p.col()).setCellValue(0);
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            Map<String, String> sheetParts = new LinkedHashMap<>();
            for (TemplateLayout.SheetLayout sl : layout.sheets()) {
                sheetParts.put(sl.name(), wb.getSheet(sl.name()).getPackagePart().getPartName().getName().substring(1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            base = out.toByteArray();
            try (ZipInputStream zin = new ZipInputStream(new java.io.ByteArrayInputStream(base))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    parts.put(e.getName(), zin.readAllBytes());
                }
            }
            for (TemplateLayout.SheetLayout sl : layout.sheets()) {
                String part = sheetParts.get(sl.name());
                plans.put(part, plan(new String(parts.get(part), StandardCharsets.UTF_8), sl));
            }
        }
    }

    private static Plan plan(String xml, TemplateLayout.SheetLayout sl) {
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<String, TemplateLayout.Pos> e : sl.cells().entrySet()) {
            int[] span = SheetXml.valueSpan(xml, e.getValue().a1());
            spans.add(new Span(span[0], span[1], e.getKey()));
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new Plan(xml, spans);
    }

    /**
     * Writes one filled workbook. {@code inputs} absent from the map are blank; {@code storedOverride}
     * replaces the cached result of a total (a stale or hand-typed total).
     */
    void write(Path file, String agency, String templateId, Map<String, BigDecimal> inputs,
               Map<String, BigDecimal> storedOverride) throws IOException {
        Map<String, CellValue> in = new LinkedHashMap<>();
        inputs.forEach((k, v) -> in.put(k, CellValue.Num.of(v, false)));
        Map<String, CellValue> all = Totals.complete(spec, in);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(1);
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Plan plan = plans.get(e.getKey());
                if (plan != null) {
                    zip.write(render(plan, all, storedOverride).getBytes(StandardCharsets.UTF_8));
                } else if (e.getKey().equals("xl/sharedStrings.xml") || e.getKey().startsWith("docProps/")) {
                    zip.write(new String(e.getValue(), StandardCharsets.UTF_8).replace(AGENCY, agency)
                            .replace(ID, templateId).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
    }

    private static String render(Plan plan, Map<String, CellValue> values, Map<String, BigDecimal> override) {
        StringBuilder sb = new StringBuilder(plan.xml().length());
        int pos = 0;
        for (Span s : plan.spans()) {
            sb.append(plan.xml(), pos, s.start());
            BigDecimal v = override.containsKey(s.key()) ? override.get(s.key()) : values.get(s.key()).number();
            if (v != null) {
                sb.append("<v>").append(v.toPlainString()).append("</v>");
            }
            pos = s.end();
        }
        return sb.append(plan.xml(), pos, plan.xml().length()).toString();
    }
}
