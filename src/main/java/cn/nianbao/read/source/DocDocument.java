package cn.nianbao.read.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;

/**
 * An old Word document (.doc, Word 97–2003; WPS saves the same) through POI's HWPF
 * (poi-scratchpad): each table a grid whose columns are the distinct cell edges of the table, so a
 * cell as wide as two columns spreads over both, and a cell merged down rows is empty below its
 * first row; the paragraphs as the plain text. What HWPF cannot open (Word 6/95, an encrypted or
 * damaged file) is unreadable with the advice to save it as .docx.
 */
final class DocDocument {
    static final String SAVE_AS_DOCX = "请在 Word 或 WPS 中打开它，另存为 .docx 后再读取";
    /** Cell edges closer than this (in twips, 1/1440 inch) are one edge: Word keeps them a few twips apart. */
    private static final int EDGE_TOLERANCE = 30;

    private DocDocument() {
    }

    static Source of(Path file) throws UnreadableDocument, IOException {
        HWPFDocument doc;
        try {
            doc = new HWPFDocument(new POIFSFileSystem(file.toFile(), true));
        } catch (OldWordFileFormatException e) {
            throw new UnreadableDocument("这是 Word 6.0/95 的旧格式文档，本工具读不出其中的表格：" + SAVE_AS_DOCX);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocument("Word 文档设有打开密码（已加密），无法读取：请去掉打开密码后重新提供");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocument("Word 文档（.doc）已损坏或无法识别，读不出其中的表格：" + SAVE_AS_DOCX);
        }
        try (doc) {
            Range range = doc.getRange();
            List<List<SourceCell>> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int tables = 0;
            int n = range.numParagraphs();
            for (int i = 0; i < n; i++) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table t = range.getTable(p);
                    tables++;
                    grid(t, "Word表格" + tables, rows, text);
                    i += Math.max(1, t.numParagraphs()) - 1;
                } else {
                    text.append(clean(p.text())).append('\n');
                }
            }
            String name = file.toString();
            return tables == 0 ? new Source(name, TextDocument.lines(text.toString()), false, text.toString())
                    : new Source(name, rows, true, text.toString(), false, true);
        } catch (RuntimeException e) {
            throw new UnreadableDocument("读取 Word 文档（.doc）的表格时出错：" + SAVE_AS_DOCX);
        }
    }

    private static void grid(Table t, String name, List<List<SourceCell>> rows, StringBuilder text) {
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                addEdge(edges, cell.getLeftEdge());
                addEdge(edges, cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> cols = new ArrayList<>(edges);
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            List<SourceCell> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int from = column(cols, cell.getLeftEdge());
                int to = Math.max(from + 1, column(cols, cell.getLeftEdge() + cell.getWidth()));
                boolean covered = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()
                        || cell.isMerged() && !cell.isFirstMerged();
                String s = covered ? "" : clean(cell.text());
                while (cells.size() < from) {
                    cells.add(cell("", rows.size(), cells.size(), name, r));
                }
                for (int k = from; k < to && k < 200; k++) {
                    if (k >= cells.size()) {
                        cells.add(cell(k == from ? s : "", rows.size(), k, name, r));
                    }
                }
                if (!s.isEmpty()) {
                    text.append(s.replace('\n', ' '));
                }
                text.append('\t');
            }
            text.append('\n');
            rows.add(cells);
        }
    }

    private static void addEdge(TreeSet<Integer> edges, int x) {
        Integer near = edges.floor(x + EDGE_TOLERANCE);
        if (near == null || Math.abs(near - x) > EDGE_TOLERANCE) {
            edges.add(x);
        }
    }

    /** The index of the edge nearest {@code x}. */
    private static int column(List<Integer> cols, int x) {
        int best = 0;
        for (int i = 1; i < cols.size(); i++) {
            if (Math.abs(cols.get(i) - x) < Math.abs(cols.get(best) - x)) {
                best = i;
            }
        }
        return best;
    }

    private static SourceCell cell(String text, int row, int col, String name, int tableRow) {
        return new SourceCell(text, row, col, name, CellReference.convertNumToColString(col) + (tableRow + 1));
    }

    /** Word's marks out of a text: cell and row ends (\u0007), paragraph and line breaks as line breaks, fields. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\u000b') {
                b.append('\n');
            } else if (c == '\u0007' || c == '\u0013' || c == '\u0014' || c == '\u0015' || c == '\u0001' || c == '\u0008') {
                // cell mark, field start/separator/end, picture anchors
            } else {
                b.append(c == '\u00a0' ? ' ' : c);
            }
        }
        return b.toString().strip();
    }
}
