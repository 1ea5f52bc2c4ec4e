package cn.nianbao.read.source;

import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A published report of any form as a {@link Source}, the reader told by the file's content
 * ({@link FileKind}): text, a web page (.html, .htm, .mhtml), a PDF, a Word document (.docx,
 * .doc). Workbooks are not read here (the workbook reader opens them). Whatever cannot be read
 * throws {@link UnreadableDocument} with the reason in Chinese.
 */
public final class Documents {
    /** A text or web page larger than this is no annual report. */
    public static final int MAX_TEXT_BYTES = 20 * 1024 * 1024;
    /**
     * More characters of text than this, in any form, is no annual report (one runs to some 10,000):
     * refused before the label reader spends seconds on each million of them.
     */
    public static final int MAX_CHARS = 3_000_000;
    /** A PDF or Word file larger than this is no annual report (they run to a few MB with pictures). */
    static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    private Documents() {
    }

    /** Whether {@code kind} is a form this class reads. */
    public static boolean reads(FileKind kind) {
        return kind.report();
    }

    /** {@code file} as a source; its kind told by its content. */
    public static Source read(Path file) throws UnreadableDocument, IOException {
        return read(file, FileKind.of(file));
    }

    /** {@code file}, whose content is of {@code kind}, as a source. */
    public static Source read(Path file, FileKind kind) throws UnreadableDocument, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new UnreadableDocument("文件是空的（0字节）");
        }
        String name = file.toString();
        switch (kind) {
            case PDF, DOCX, DOC -> {
                if (kind != FileKind.PDF) {
                    // Word's "save as web page" and many sites' "export to Word" are HTML or text under a
                    // .doc name: neither a zip nor an OLE2 file, they are read as what their content is.
                    byte[] head = FileKind.head(file);
                    FileKind content = FileKind.zip(head) || FileKind.ole2(head) ? kind : FileKind.of(Path.of("content"), head);
                    if (content == FileKind.HTML || content == FileKind.TEXT) {
                        return read(file, content);
                    }
                }
                if (size > MAX_FILE_BYTES) {
                    throw new UnreadableDocument(kind.chinese() + "超过 100 MB，不像是一份年度报告，没有读取");
                }
                return bounded(kind == FileKind.PDF ? PdfDocument.of(file) : kind == FileKind.DOCX ? DocxDocument.of(file) : DocDocument.of(file), kind);
            }
            case HTML, MHTML, TEXT, CSV -> {
                if (size > MAX_TEXT_BYTES) {
                    throw new UnreadableDocument("文件超过20 MB，不像是一份年度报告的文本");
                }
                byte[] bytes = Files.readAllBytes(file);
                if (kind == FileKind.MHTML) {
                    return bounded(HtmlDocument.ofMhtml(name, bytes), kind);
                }
                String text = kind == FileKind.HTML ? HtmlDocument.decode(bytes) : cn.nianbao.util.Decoding.decode(bytes);
                if (HtmlDocument.isHtml(text)) {
                    return bounded(HtmlDocument.parse(name, text), kind);
                }
                return bounded(TextDocument.of(name, checkLength(text, kind)), kind);
            }
            case RTF -> throw new UnreadableDocument("RTF 文档，本工具读不出其中的表格：请在 Word 或 WPS 中另存为 .docx 后再读取");
            case OFD -> throw new UnreadableDocument("OFD 版式文档，本工具读不出其中的表格：请另存为 PDF 或 Word 文档后再读取");
            case IMAGE -> throw new UnreadableDocument("图片文件：表格是图片，读不出其中的数字，没有推测任何数字。请提供 Word、Excel 或带文字的 PDF 版本");
            case EMPTY -> throw new UnreadableDocument("文件是空的（0字节）");
            default -> throw new UnreadableDocument(kind.chinese() + "，不是年度报告的文字、网页、PDF 或 Word 文档，读不出表格");
        }
    }

    /** {@code src}, unless its text is longer than {@link #MAX_CHARS}. */
    private static Source bounded(Source src, FileKind kind) throws UnreadableDocument {
        checkLength(src.text(), kind);
        return src;
    }

    private static String checkLength(String text, FileKind kind) throws UnreadableDocument {
        if (text.length() > MAX_CHARS) {
            throw new UnreadableDocument(kind.chinese() + "的文字超过 " + MAX_CHARS + " 个字符，不像是一份年度报告，没有读取");
        }
        return text;
    }
}
