package cn.nianbao.report;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * A filing's three national tables as a Word document, drawn as the national format draws them
 * (the same merged headers and label columns as our template: horizontal merges as gridSpan,
 * vertical ones as vMerge), the numbers as filed (a stored total as the file stores it), blanks
 * blank: ready to paste into the published report, so that nobody copies numbers by hand (export
 * --docx). The document records that this tool wrote it and a digest of its text, so that a later
 * export may replace it only while nobody has changed it ({@link OutputGuard}).
 */
public final class WordTables {
    /** The marker this tool writes into the document's custom properties ({@link XlsxLists#OUTPUT_PROPERTY}). */
    public static final String OUTPUT = "word-tables";
    /** The custom property holding the digest of the document's text as written. */
    public static final String DIGEST_PROPERTY = "nianbao.digest";

    /** A4 portrait, 2 cm margins left and right: the width the tables are drawn to, in twentieths of a point. */
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int MARGIN_SIDE = 1134;
    private static final int MARGIN_TOP = 1440;
    private static final int TEXT_W = PAGE_W - 2 * MARGIN_SIDE;
    private static final String FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    /** 五号 (10.5 pt) in the tables, 三号 (16 pt) for the title, as government documents set them. */
    private static final double TABLE_PT = 10.5;
    private static final double TITLE_PT = 16;
    private static final double HEADING_PT = 12;
    /** Left and right margin of a number's cell (0.05 cm), so that long numbers keep to one line. */
    private static final int VALUE_MARGIN = 28;

    private WordTables() {
    }

    /** Writes {@code f}'s tables to {@code target}, whole or not at all. */
    public static void write(Filing f, Path target) throws IOException {
        try (XWPFDocument doc = build(f)) {
            AtomicFiles.write(target, doc::write);
        }
    }

    /** The document of {@code f}'s tables: a title, then each table under its national heading. */
    public static XWPFDocument build(Filing f) {
        XWPFDocument doc = newDocument();
        paragraph(doc, f.agency() + f.year() + "年政府信息公开工作年度报告统计表", HEADING_FONT, TITLE_PT, true,
                ParagraphAlignment.CENTER);
        appendTables(doc, f);
        POIXMLProperties props = doc.getProperties();
        props.getCoreProperties().setTitle(f.agency() + " " + f.year() + "年 统计表");
        props.getCoreProperties().setCreator("nianbao");
        props.getCustomProperties().addProperty(XlsxLists.OUTPUT_PROPERTY, OUTPUT);
        props.getCustomProperties().addProperty(DIGEST_PROPERTY, digestAsSaved(doc));
        return doc;
    }

    /**
     * The digest of {@code doc} as it reads once saved: a document being built does not list every part it
     * has (its footer, for one) the way the same document read back does.
     */
    private static String digestAsSaved(XWPFDocument doc) {
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            doc.write(bytes);
            try (XWPFDocument saved = new XWPFDocument(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return digest(saved);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An empty A4 document with the page number in its footer, as the tables are drawn on. */
    public static XWPFDocument newDocument() {
        XWPFDocument doc = new XWPFDocument();
        page(doc);
        footer(doc);
        return doc;
    }

    /** Appends each of {@code f}'s tables under its national heading (二、主动公开政府信息情况 …) to {@code doc}. */
    public static void appendTables(XWPFDocument doc, Filing f) {
        for (TemplateLayout.SheetLayout sl : f.spec().layout().sheets()) {
            paragraph(doc, sl.table().title(), HEADING_FONT, HEADING_PT, false, ParagraphAlignment.LEFT);
            table(doc, sl, f);
        }
    }

    /**
     * Whether {@code file} is a Word document this tool wrote ({@link #OUTPUT}) whose text is still
     * as written: null when it is no such document, else true (unchanged) or false (changed).
     */
    public static Boolean unchanged(Path file) {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
            if (!custom.contains(XlsxLists.OUTPUT_PROPERTY)
                    || !OUTPUT.equals(custom.getProperty(XlsxLists.OUTPUT_PROPERTY).getLpwstr())) {
                return null;
            }
            return custom.contains(DIGEST_PROPERTY)
                    && digest(doc).equals(custom.getProperty(DIGEST_PROPERTY).getLpwstr());
        } catch (IOException | RuntimeException notAWordDocument) {
            return null;
        }
    }

    /**
     * A digest of the text of the document's body, table by table and cell by cell, and of what a person may
     * add around it (headers, footers, footnotes, endnotes, comments, pictures): the same after Word or
     * LibreOffice saves the document unchanged, different once anyone adds or changes text.
     */
    static String digest(XWPFDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                sb.append("P\u0001").append(p.getText()).append('\u0002');
            } else if (e instanceof XWPFTable t) {
                sb.append("T\u0001");
                for (XWPFTableRow r : t.getRows()) {
                    sb.append("R\u0001");
                    for (XWPFTableCell c : r.getTableCells()) {
                        sb.append(c.getText()).append('\u0003');
                    }
                }
                sb.append('\u0002');
            } else if (e instanceof org.apache.poi.xwpf.usermodel.XWPFSDT sdt) {
                sb.append("S\u0001").append(sdt.getContent().getText()).append('\u0002');
            }
        }
        // What a person may add outside the body: header and footer text (our footer's page number is a field whose
        // shown digits a program may refresh, so digits there are left out), notes, comments and pictures.
        for (var h : doc.getHeaderList()) {
            sb.append("H\u0001").append(h.getText()).append('\u0002');
        }
        for (var f : doc.getFooterList()) {
            sb.append("F\u0001").append(f.getText().replaceAll("[0-9]", "")).append('\u0002');
        }
        for (var n : doc.getFootnotes()) {
            n.getParagraphs().forEach(p -> sb.append("N\u0001").append(p.getText()).append('\u0002'));
        }
        for (var n : doc.getEndnotes()) {
            n.getParagraphs().forEach(p -> sb.append("E\u0001").append(p.getText()).append('\u0002'));
        }
        var comments = doc.getComments(); // null when the document has no comments part
        for (var c : comments == null ? new org.apache.poi.xwpf.usermodel.XWPFComment[0] : comments) {
            sb.append("C\u0001").append(c.getText()).append('\u0002');
        }
        sb.append("I\u0001").append(doc.getAllPictures().size());
        return cn.nianbao.util.Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What a value cell shows: the number as filed, an invalid entry's text as typed, nothing when blank. */
    static String shown(CellValue v) {
        if (v instanceof CellValue.Num n) {
            return n.value().toPlainString();
        }
        return v instanceof CellValue.Invalid inv ? inv.raw() : "";
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP));
        mar.setBottom(BigInteger.valueOf(MARGIN_TOP));
        mar.setLeft(BigInteger.valueOf(MARGIN_SIDE));
        mar.setRight(BigInteger.valueOf(MARGIN_SIDE));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(851));
    }

    /** The page number at the foot of every page, as government documents print it: "— 3 —". */
    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", FONT, TABLE_PT, false);
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().addNewT().setStringValue("1");
        run(p, " —", FONT, TABLE_PT, false);
    }

    private static void paragraph(XWPFDocument doc, String text, String font, double pt, boolean bold,
                                  ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(120);
        p.setSpacingAfter(120);
        run(p, text, font, pt, bold);
    }

    private static void run(XWPFParagraph p, String text, String font, double pt, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(pt);
        r.setBold(bold);
    }

    /** What covers one position of the table's grid: a label or a value cell, with its merged extent. */
    private record Piece(int row, int col, int lastRow, int lastCol, String text, boolean header, boolean value) {
    }

    private static void table(XWPFDocument doc, TemplateLayout.SheetLayout sl, Filing f) {
        int width = sl.width();
        List<Piece> pieces = new ArrayList<>();
        for (TemplateLayout.Label l : sl.labels()) {
            if (l.role() != TemplateLayout.Role.TITLE && l.role() != TemplateLayout.Role.HINT) {
                pieces.add(new Piece(l.row(), l.col(), l.lastRow(), l.lastCol(), l.text(),
                        l.role() != TemplateLayout.Role.ROW_LABEL, false));
            }
        }
        sl.cells().forEach((key, p) -> pieces.add(new Piece(p.row(), p.col(), p.row(), p.lastCol(),
                shown(f.asFiled(key)), false, true)));
        int top = pieces.stream().mapToInt(Piece::row).min().orElse(0);
        int bottom = pieces.stream().mapToInt(Piece::lastRow).max().orElse(0);
        int rows = bottom - top + 1;
        Piece[][] grid = new Piece[rows][width];
        for (Piece p : pieces) {
            for (int r = p.row(); r <= p.lastRow(); r++) {
                for (int c = p.col(); c <= p.lastCol(); c++) {
                    grid[r - top][c] = p;
                }
            }
        }
        int[] twips = columnWidths(sl.colWidths());

        XWPFTable table = doc.createTable(rows, width);
        CTTbl ct = table.getCTTbl();
        CTTblPr pr = ct.getTblPr() != null ? ct.getTblPr() : ct.addNewTblPr();
        pr.addNewTblW().setW(BigInteger.valueOf(TEXT_W));
        pr.getTblW().setType(STTblWidth.DXA);
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        pr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
        borders(pr);
        CTTblGrid tblGrid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (tblGrid.sizeOfGridColArray() > 0) {
            tblGrid.removeGridCol(0);
        }
        for (int w : twips) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        // The column header of tables 三 and 四 repeats on every page the table continues on; table 二's
        // header rows belong to its first block only, so they do not.
        boolean leading = sl.table().layout() != cn.nianbao.spec.TableLayout.BLOCKS;
        for (int r = 0; r < rows; r++) {
            XWPFTableRow row = table.getRow(r);
            boolean headerRow = true;
            for (int c = width - 1; c >= 0; c--) {
                Piece p = grid[r][c];
                if (p != null && p.col() != c) {
                    row.removeCell(c); // covered by the span of a cell to its left
                }
            }
            int cell = 0;
            for (int c = 0; c < width; ) {
                Piece p = grid[r][c];
                XWPFTableCell tc = row.getCell(cell++);
                int last = p == null ? c : p.lastCol();
                int w = 0;
                for (int k = c; k <= last; k++) {
                    w += twips[k];
                }
                CTTcPr tcPr = tc.getCTTc().isSetTcPr() ? tc.getCTTc().getTcPr() : tc.getCTTc().addNewTcPr();
                tcPr.addNewTcW().setW(BigInteger.valueOf(w));
                tcPr.getTcW().setType(STTblWidth.DXA);
                if (last > c) {
                    tcPr.addNewGridSpan().setVal(BigInteger.valueOf(last - c + 1));
                }
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                boolean first = p == null || p.row() == r + top;
                if (p != null && p.lastRow() > p.row()) {
                    tcPr.addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph para = tc.getParagraphs().get(0);
                para.setAlignment(p != null && !p.header() && !p.value() ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                para.setSpacingAfter(0);
                para.setSpacingBefore(0);
                if (p != null && p.value()) {
                    // Numbers never wrap inside their cell (a wrapped "53053" reads as 530 and 53): narrow
                    // margins, and a smaller size for a number too long for its column at 五号.
                    CTTcMar mar = tcPr.addNewTcMar();
                    mar.addNewLeft().setW(BigInteger.valueOf(VALUE_MARGIN));
                    mar.getLeft().setType(STTblWidth.DXA);
                    mar.addNewRight().setW(BigInteger.valueOf(VALUE_MARGIN));
                    mar.getRight().setType(STTblWidth.DXA);
                }
                if (p != null && first && !p.text().isEmpty()) {
                    run(para, p.text(), FONT, p.value() ? fitting(p.text(), w - 2 * VALUE_MARGIN) : TABLE_PT, false);
                }
                headerRow &= p == null || p.header();
                c = last + 1;
            }
            row.setHeight(400);
            row.setHeightRule(TableRowHeightRule.AT_LEAST);
            leading &= headerRow;
            if (leading) {
                row.setRepeatHeader(true);
            }
        }
        // An empty paragraph between tables, so that Word does not join them into one.
        doc.createParagraph();
    }

    /**
     * The size (pt, in half points, at most 五号) at which {@code text} fits on one line in
     * {@code twips}: a digit is taken as 0.7 em wide, wider than the digits of any common font (DejaVu Sans: 0.64).
     */
    static double fitting(String text, int twips) {
        double pt = twips / 20.0 / (text.length() * 0.7);
        return Math.min(TABLE_PT, Math.max(5, Math.floor(pt * 2) / 2));
    }

    /** The template's column widths (characters) scaled to the page's text width, in twips. */
    private static int[] columnWidths(int[] chars) {
        int total = 0;
        for (int w : chars) {
            total += w;
        }
        int[] out = new int[chars.length];
        int used = 0;
        for (int i = 0; i < chars.length; i++) {
            out[i] = i == chars.length - 1 ? TEXT_W - used : (int) Math.floor((double) TEXT_W * chars[i] / total);
            used += out[i];
        }
        return out;
    }

    private static void borders(CTTblPr pr) {
        CTTblBorders b = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        for (CTBorder x : new CTBorder[] {b.isSetTop() ? b.getTop() : b.addNewTop(),
                b.isSetBottom() ? b.getBottom() : b.addNewBottom(), b.isSetLeft() ? b.getLeft() : b.addNewLeft(),
                b.isSetRight() ? b.getRight() : b.addNewRight(), b.isSetInsideH() ? b.getInsideH() : b.addNewInsideH(),
                b.isSetInsideV() ? b.getInsideV() : b.addNewInsideV()}) {
            x.setVal(STBorder.SINGLE);
            x.setSz(BigInteger.valueOf(4));
            x.setSpace(BigInteger.ZERO);
            x.setColor("000000");
        }
    }
}
