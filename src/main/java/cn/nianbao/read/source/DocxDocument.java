package cn.nianbao.read.source;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx) through POI's XWPF: each table a grid, a cell merged across columns
 * ({@code gridSpan}) spread over its grid columns and one merged down rows ({@code vMerge}) empty
 * below its first row, as a spreadsheet stores merged cells; the paragraphs and the tables' text
 * in document order as the plain text (title, narrative, and tables that were typed as text).
 * Opened read-only, after {@link ZipGuard} has looked through the zip.
 */
final class DocxDocument {
    private DocxDocument() {
    }

    static Source of(Path file) throws UnreadableDocument, IOException {
        ZipGuard.check(file, "Word 文档（.docx）");
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new UnreadableDocument("Word 文档（.docx）已损坏，无法打开");
        }
        try (XWPFDocument doc = new XWPFDocument(pkg)) {
            return read(file, doc);
        } catch (IOException | RuntimeException e) {
            // The zip was read whole by ZipGuard: what fails now is a part POI cannot parse (XML not
            // well-formed, the main document missing), not the disk. Said so rather than in the parser's English.
            throw new UnreadableDocument("Word 文档（.docx）已损坏（正文部件缺失或其中的 XML 不完整），无法读取");
        } finally {
            pkg.revert();
        }
    }

    private static Source read(Path file, XWPFDocument doc) {
        List<List<SourceCell>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int tables = 0;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                text.append(p.getText()).append('\n');
            } else if (e instanceof XWPFTable t) {
                tables++;
                grid(t, "Word表格" + tables, rows, text);
            }
        }
        String file0 = file.toString();
        return tables == 0 ? new Source(file0, TextDocument.lines(text.toString()), false, text.toString())
                : new Source(file0, rows, true, text.toString(), false, true);
    }

    /** One table's rows, spans spread over the grid columns, appended to {@code rows}; its text to {@code text}. */
    private static void grid(XWPFTable table, String name, List<List<SourceCell>> rows, StringBuilder text) {
        int r = 0;
        for (XWPFTableRow row : table.getRows()) {
            List<SourceCell> cells = new ArrayList<>();
            int c = gridBefore(row);
            for (int k = 0; k < c; k++) {
                cells.add(cell("", rows.size(), k, name, r));
            }
            for (XWPFTableCell tc : row.getTableCells()) {
                CTTcPr pr = tc.getCTTc().getTcPr();
                int span = 1;
                boolean covered = false;
                if (pr != null) {
                    if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
                        span = Math.max(1, Math.min(100, pr.getGridSpan().getVal().intValue()));
                    }
                    // vMerge without "restart" continues the merge above: the value is in the first row.
                    covered = pr.isSetVMerge() && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                }
                String t = covered ? "" : cellText(tc);
                for (int k = 0; k < span; k++) {
                    cells.add(cell(k == 0 ? t : "", rows.size(), c + k, name, r));
                }
                c += span;
                if (!t.isEmpty()) {
                    text.append(t.replace('\n', ' '));
                }
                text.append('\t');
            }
            // Cells left out at the row's end on purpose (w:gridAfter) are empty cells, not lost ones.
            for (int k = 0, after = gridCount(row.getCtRow().getTrPr(), false); k < after; k++) {
                cells.add(cell("", rows.size(), c + k, name, r));
            }
            text.append('\n');
            rows.add(cells);
            r++;
        }
    }

    private static int gridBefore(XWPFTableRow row) {
        return gridCount(row.getCtRow().getTrPr(), true);
    }

    /** A row's w:gridBefore (or w:gridAfter): grid columns it leaves out at its start (end). */
    private static int gridCount(CTTrPr pr, boolean before) {
        if (pr == null || (before ? pr.sizeOfGridBeforeArray() : pr.sizeOfGridAfterArray()) == 0) {
            return 0;
        }
        BigInteger v = (before ? pr.getGridBeforeArray(0) : pr.getGridAfterArray(0)).getVal();
        return v == null ? 0 : Math.max(0, Math.min(100, v.intValue()));
    }

    private static SourceCell cell(String text, int row, int col, String name, int tableRow) {
        return new SourceCell(text, row, col, name, CellReference.convertNumToColString(col) + (tableRow + 1));
    }

    /** The cell's paragraphs, one line each (a label broken over lines is joined by the label reader). */
    private static String cellText(XWPFTableCell tc) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : tc.getParagraphs()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(p.getText());
        }
        for (XWPFTable nested : tc.getTables()) {
            b.append('\n').append(nested.getText());
        }
        return b.toString().replace('\u00a0', ' ').strip();
    }
}
