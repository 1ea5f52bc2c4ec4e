package cn.nianbao.read.source;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text layer through Apache PDFBox: the glyphs sorted by position into lines (one
 * baseline, left to right) and words (split where the gap is wider than a space), each word a
 * {@link SourceCell} with its page and its left and right x, so that the label reader can tell a
 * table's columns by where the numbers stand rather than by how many there are. Where a page's
 * table is ruled ({@link Rulings}), a line crossing it is cut by the rules instead: one cell per ruled
 * cell, an empty cell between two with words standing for a blank value. Bounded: at most
 * {@link #MAX_PAGES} pages, {@link #MAX_CHARS} characters and {@link #MAX_SECONDS} seconds; a PDF
 * with an opening password, a damaged one PDFBox cannot repair, and one with no text layer (a scan:
 * its tables are pictures) are unreadable, each with its reason, and nothing is made up.
 */
final class PdfDocument {
    static final int MAX_PAGES = 300;
    static final int MAX_CHARS = Documents.MAX_CHARS;
    static final int MAX_SECONDS = 60;
    /** Fewer letters than this on all pages together: no text layer to speak of. */
    private static final int MIN_TEXT = 20;
    static final String NO_TEXT_LAYER = "PDF 文档没有文字层（是扫描件或图片）：表格是图片，读不出其中的数字，没有推测任何数字。"
            + "请向发布单位索取 Word、Excel 或带文字的 PDF 版本";

    private PdfDocument() {
    }

    static Source of(Path file) throws UnreadableDocument, IOException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                    MemoryUsageSetting.setupMixed(64L * 1024 * 1024).streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocument("PDF 文档设有打开密码（已加密），无法读取：请去掉打开密码后重新提供");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnreadableDocument("PDF 文档已损坏（交叉引用表或对象无法修复），无法读取");
        }
        try (doc) {
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new UnreadableDocument("PDF 文档有 " + pages + " 页，超过 " + MAX_PAGES + " 页的上限：年度报告一般只有几页到几十页，没有读取");
            }
            if (pages == 0) {
                throw new UnreadableDocument("PDF 文档没有任何页面");
            }
            Lines lines = new Lines(file.toString(), System.nanoTime() + MAX_SECONDS * 1_000_000_000L);
            lines.setSortByPosition(true);
            try {
                lines.writeText(doc, Writer.nullWriter());
            } catch (Limit e) {
                throw new UnreadableDocument(e.getMessage());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw new UnreadableDocument("读取 PDF 文档的文字时出错（文档已损坏）");
            }
            if (lines.letters < MIN_TEXT) {
                throw new UnreadableDocument(NO_TEXT_LAYER);
            }
            return new Source(file.toString(), lines.rows, false, lines.text.toString(), true);
        }
    }


    /** A limit was reached while reading: the message says which. */
    private static final class Limit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Limit(String message) {
            super(message, null, false, false);
        }
    }

    /** A word of a line as the stripper gave it: its text, left and right x, and the middle of its height. */
    private record Word(String text, int page, double x0, double x1, double y) {
    }

    /**
     * The stripper that keeps each word with its position instead of writing text. A page's lines
     * are kept until its end, when its ruling lines are known: where a line crosses a table grid,
     * its words are one cell per ruled cell (see {@link #cells}); elsewhere each word is a cell.
     */
    private static final class Lines extends PDFTextStripper {
        private final String file;
        private final long deadline;
        final List<List<SourceCell>> rows = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        private final Rulings rulings = new Rulings();
        private final List<List<Word>> pageLines = new ArrayList<>();
        private List<Word> line = new ArrayList<>();
        int letters;

        Lines(String file, long deadline) {
            this.file = file;
            this.deadline = deadline;
            rulings.operators(this).forEach(this::addOperator);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new Limit("PDF 文档读取超过 " + MAX_SECONDS + " 秒，已停止：文档过大或结构异常");
            }
            pageLines.clear();
            org.apache.pdfbox.pdmodel.common.PDRectangle crop = page.getCropBox();
            rulings.startPage(crop.getLowerLeftX(), crop.getUpperRightY(), page.getRotation() % 360 == 0);
            super.startPage(page);
        }

        @Override
        protected void writeString(String s, List<TextPosition> positions) {
            if (s.isEmpty() || positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            line.add(new Word(s, getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj() - first.getHeightDir() / 2));
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\t');
            }
            text.append(s);
            for (int i = 0; i < s.length(); i++) {
                letters += Character.isWhitespace(s.charAt(i)) ? 0 : 1;
            }
            if (text.length() > MAX_CHARS) {
                throw new Limit("PDF 文档的文字超过 " + MAX_CHARS + " 个字符，不像是一份年度报告，已停止读取");
            }
        }

        @Override
        protected void writeWordSeparator() {
            // words are kept apart as cells
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            endLine();
            List<Rulings.Grid> grids = rulings.grids();
            Map<Rulings.Cell, Boolean> empties = new HashMap<>();
            int lineOnPage = 0;
            for (List<Word> words : pageLines) {
                List<SourceCell> cells = new ArrayList<>();
                int page0 = words.get(0).page();
                String where = "第" + (lineOnPage + 1) + "行";
                for (Cut c : cells(words, grids, pageLines, empties)) {
                    cells.add(new SourceCell(c.text(), rows.size(), cells.size(), "PDF第" + page0 + "页", where, page0, c.x0(), c.x1()));
                }
                rows.add(cells);
                lineOnPage++;
            }
            pageLines.clear();
            super.endPage(page);
        }

        private void endLine() {
            if (!line.isEmpty()) {
                pageLines.add(line);
                line = new ArrayList<>();
                text.append('\n');
            }
        }
    }

    /** One cell of a line: its text ("" for a ruled cell left empty) and its left and right x. */
    private record Cut(String text, double x0, double x1) {
    }

    /**
     * A line's cells. Words outside every grid are a cell each, as they stand. Where the line
     * crosses a grid, each ruled cell the line passes is one cell (its words joined by a space, its
     * x the cell's rules), from the first cell with words to the last; a ruled cell between them
     * with no words in it at all — on no line of the page — is an empty cell (a blank value between
     * two values), while one whose words stand on another line (a merged cell, a label wrapped
     * over lines) is left out, as before.
     */
    private static List<Cut> cells(List<Word> words, List<Rulings.Grid> grids, List<List<Word>> pageLines,
                                   Map<Rulings.Cell, Boolean> empties) {
        List<Cut> out = new ArrayList<>();
        if (grids.isEmpty()) {
            words.forEach(w -> out.add(new Cut(w.text(), w.x0(), w.x1())));
            return out;
        }
        java.util.Set<Rulings.Grid> done = new java.util.HashSet<>();
        for (Word w : words) {
            Rulings.Grid g = gridOf(w, grids);
            if (g == null) {
                out.add(new Cut(w.text(), w.x0(), w.x1()));
            } else if (done.add(g)) {
                ruled(words, g, pageLines, out, empties);
            }
        }
        return out;
    }

    private static Rulings.Grid gridOf(Word w, List<Rulings.Grid> grids) {
        double x = (w.x0() + w.x1()) / 2;
        for (Rulings.Grid g : grids) {
            if (g.contains(x, w.y())) {
                return g;
            }
        }
        return null;
    }

    /** The cells of grid {@code g} that the line of {@code words} passes, appended to {@code out}. */
    private static void ruled(List<Word> words, Rulings.Grid g, List<List<Word>> pageLines, List<Cut> out,
                              Map<Rulings.Cell, Boolean> empties) {
        List<Word> inGrid = new ArrayList<>();
        for (Word w : words) {
            if (g.contains((w.x0() + w.x1()) / 2, w.y())) {
                inGrid.add(w);
            }
        }
        double y = inGrid.stream().mapToDouble(Word::y).sorted().toArray()[inGrid.size() / 2];
        List<Double> cols = g.columnsAt(y);
        if (cols.size() < 2) {
            inGrid.forEach(w -> out.add(new Cut(w.text(), w.x0(), w.x1())));
            return;
        }
        int n = cols.size() - 1;
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(new StringBuilder());
        }
        int firstUsed = n;
        int lastUsed = -1;
        List<Word> outside = new ArrayList<>();
        for (Word w : inGrid) {
            double x = (w.x0() + w.x1()) / 2;
            int c = -1;
            for (int i = 0; i < n; i++) {
                if (x >= cols.get(i) && x < cols.get(i + 1)) {
                    c = i;
                    break;
                }
            }
            if (c < 0) {
                outside.add(w);
                continue;
            }
            StringBuilder b = texts.get(c);
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(w.text());
            firstUsed = Math.min(firstUsed, c);
            lastUsed = Math.max(lastUsed, c);
        }
        if (!outside.isEmpty() || lastUsed < 0) {
            // Words beyond the grid's outer rules at this height: the grid does not hold this line.
            inGrid.forEach(w -> out.add(new Cut(w.text(), w.x0(), w.x1())));
            return;
        }
        for (int i = firstUsed; i <= lastUsed; i++) {
            double x0 = cols.get(i);
            double x1 = cols.get(i + 1);
            if (!texts.get(i).isEmpty()) {
                out.add(new Cut(texts.get(i).toString(), x0, x1));
            } else if (emptyCell(g, (x0 + x1) / 2, y, pageLines, empties)) {
                out.add(new Cut("", x0, x1));
            }
        }
    }

    /** Whether the ruled cell around (x, y) holds no word on any line of the page ({@code known}: cells already looked at). */
    private static boolean emptyCell(Rulings.Grid g, double x, double y, List<List<Word>> pageLines, Map<Rulings.Cell, Boolean> known) {
        Rulings.Cell cell = g.cellAt(x, y);
        if (cell == null) {
            return false;
        }
        return known.computeIfAbsent(cell, c -> noWordIn(c, pageLines));
    }

    private static boolean noWordIn(Rulings.Cell cell, List<List<Word>> pageLines) {
        for (List<Word> l : pageLines) {
            for (Word w : l) {
                double wx = (w.x0() + w.x1()) / 2;
                if (wx > cell.left() && wx < cell.right() && w.y() > cell.top() && w.y() < cell.bottom()) {
                    return false;
                }
            }
        }
        return true;
    }
}
