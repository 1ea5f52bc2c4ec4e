package cn.nianbao.template;

import cn.nianbao.model.Identity;
import cn.nianbao.model.Numbers;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;

/**
 * Writes the locked template of a format: a cover ({@link CoverSheet}), one sheet per national
 * table ({@link TableSheet}), a live check sheet (校验, {@link CheckSheet}) and a very hidden
 * identity sheet ({@link IdentitySheet}), in the {@link Styles} of a template. Input cells are
 * the only unlocked cells, each with data validation; totals are formulas; every rule of the spec
 * is a live check and a conditional format. This class puts them together, protects every sheet
 * and the structure, and sets the document properties. One writer serves a whole batch: the
 * password is hashed once.
 */
public final class TemplateWriter {
    private final Protection protection;

    public TemplateWriter() {
        this(Protection.none());
    }

    public TemplateWriter(Protection protection) {
        this.protection = protection;
    }

    /** Writes the template to {@code out}, whole or not at all. */
    public void write(TemplateRequest req, Path out) throws IOException {
        try (XSSFWorkbook wb = build(req)) {
            AtomicFiles.write(out, wb::write);
        }
    }

    public void write(TemplateRequest req, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = build(req)) {
            wb.write(out);
        }
    }

    /** The template as a workbook, for callers that fill or inspect it before saving. */
    public XSSFWorkbook build(TemplateRequest req) {
        FormatSpec spec = req.spec();
        TemplateLayout layout = spec.layout();
        for (String key : req.carriedOver().keySet()) {
            if (!spec.hasCell(key) || spec.cell(key).isTotal()) {
                throw new IllegalArgumentException("carried-over value for " + key + " is not an input cell");
            }
        }
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        Identity identity = identity(req);

        XSSFSheet cover = wb.createSheet(TemplateLayout.COVER_SHEET);
        for (TemplateLayout.SheetLayout sl : layout.sheets()) {
            TableSheet.write(wb.createSheet(sl.name()), sl, req, st);
        }
        XSSFSheet check = wb.createSheet(TemplateLayout.CHECK_SHEET);
        int checks = CheckSheet.write(check, layout, st);
        CoverSheet.write(cover, req, identity, st, checks);
        IdentitySheet.write(wb, identity);

        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            protect(wb.getSheetAt(i));
            fitToPageWidth(wb.getSheetAt(i));
        }
        wb.lockStructure();
        protection.apply(wb.getCTWorkbook().getWorkbookProtection(), "workbook");
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);

        var props = wb.getProperties().getCoreProperties();
        props.setTitle(req.agency() + req.year() + "年政府信息公开工作年度报告统计表");
        props.setCreator("nianbao " + identity.toolVersion());
        props.setSubjectProperty("政府信息公开工作年度报告 " + spec.title());

        // Cached values as Excel would save them (totals 0, checks 未填写), and a recalculation
        // on open so every client shows live values.
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        wb.setForceFormulaRecalculation(true);
        return wb;
    }

    private static Identity identity(TemplateRequest req) {
        Map<String, String> prefilled = new TreeMap<>();
        req.carriedOver().forEach((k, v) -> prefilled.put(k, Numbers.normalize(v).toPlainString()));
        return new Identity(req.spec().id(), req.year(), req.agency(), req.code(),
                req.templateId() != null ? req.templateId() : UUID.randomUUID().toString(),
                Version.get(),
                req.issuedAt() != null ? req.issuedAt() : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                req.carriedOverSource(), prefilled);
    }

    private void protect(XSSFSheet sheet) {
        CTSheetProtection p = sheet.getCTWorksheet().isSetSheetProtection()
                ? sheet.getCTWorksheet().getSheetProtection() : sheet.getCTWorksheet().addNewSheetProtection();
        p.setSheet(true);
        p.setObjects(true);
        p.setScenarios(true);
        // Let clerks widen columns and rows; everything else stays locked.
        p.setFormatColumns(false);
        p.setFormatRows(false);
        protection.apply(p, "");
    }

    /** Prints every sheet one page wide on A4, as a clerk expects. */
    private static void fitToPageWidth(XSSFSheet sheet) {
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}
