package cn.nianbao.report;

import cn.nianbao.model.Filing;
import cn.nianbao.model.Identity;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.FilledTemplate;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.FileKind;
import cn.nianbao.util.FileNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Importing published reports and other people's workbooks (the import command): how each file
 * is read, which readings become a filled template, where each template goes, and the template
 * itself. One instance names the templates of one run, so that none overwrites another.
 */
public final class Imports {
    private final Formats formats;
    private final Set<Path> used = new HashSet<>();

    public Imports(Formats formats) {
        this.formats = formats;
    }

    /** Reads {@code file} by its labels, as a workbook or as text ({@link FileKind#opensAsWorkbook}). */
    public ReadResult read(Path file, LabelReader.Hints hints) {
        return FileKind.opensAsWorkbook(file) ? new WorkbookReader(formats).read(file, hints)
                : new LabelReader(formats).readText(file, hints);
    }

    /** Whether not one national table was found (each is an L1): no template is made up from nothing. */
    public static boolean noTables(Filing f) {
        return f.findings().stream().filter(x -> x.code() == FindingCode.L1).count() == f.spec().tables().size();
    }

    /** "单位-年度.xlsx" in {@code dir}, or "单位-年度(2).xlsx" … when an earlier filing of this run already took that name. */
    public Path target(Path dir, Filing f) {
        String stem = FileNames.agency(f.agency()) + "-" + f.year();
        Path p = dir.resolve(stem + ".xlsx");
        for (int n = 2; used.contains(p); n++) {
            p = dir.resolve(FileNames.numbered(stem, n, ".xlsx"));
        }
        used.add(p);
        return p;
    }

    /** Writes the filing as our template, whole or not at all: inputs filled, totals left to the template's formulas. */
    public static void write(Filing f, Path target) throws IOException {
        try (XSSFWorkbook wb = FilledTemplate.of(f, Identity.IMPORTED)) {
            AtomicFiles.write(target, wb::write);
        }
    }
}
