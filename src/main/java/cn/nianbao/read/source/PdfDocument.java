package cn.nianbao.read.source;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * table's columns by where the numbers stand rather than by how many there are. Bounded: at most
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

    /** The stripper that keeps each word with its position instead of writing text. */
    private static final class Lines extends PDFTextStripper {
        private final String file;
        private final long deadline;
        final List<List<SourceCell>> rows = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        private List<SourceCell> line = new ArrayList<>();
        private int lineOnPage;
        int letters;

        Lines(String file, long deadline) {
            this.file = file;
            this.deadline = deadline;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new Limit("PDF 文档读取超过 " + MAX_SECONDS + " 秒，已停止：文档过大或结构异常");
            }
            lineOnPage = 0;
            super.startPage(page);
        }

        @Override
        protected void writeString(String s, List<TextPosition> positions) {
            if (s.isEmpty() || positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            int page = getCurrentPageNo();
            line.add(new SourceCell(s, rows.size(), line.size(), "PDF第" + page + "页", "第" + (lineOnPage + 1) + "行", page,
                    first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()));
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
            super.endPage(page);
        }

        private void endLine() {
            if (!line.isEmpty()) {
                rows.add(line);
                line = new ArrayList<>();
                lineOnPage++;
                text.append('\n');
            }
        }
    }
}
