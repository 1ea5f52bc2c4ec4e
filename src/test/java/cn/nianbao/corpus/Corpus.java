package cn.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.report.WordTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * fixtures/corpus: the numbers of the four transcribed seed reports in every form a published
 * report takes — Word documents with the national tables' merged cells (written by the export
 * writer, {@link WordTables}), the same converted by real headless LibreOffice to PDF (as agencies
 * publish) and to .doc, web pages as Word and as a CMS save them, the text of the PDFs by
 * pdftotext with and without -layout, and the text variants seen in the wild (one-line joins,
 * cells separated by spaces, NBSP or U+3000, numbers run together, a page break inside table 三).
 * One folder per seed, one file per {@link Form}. Rebuilt by CorpusTest with -Dfixtures.update=true.
 */
final class Corpus {
    static final Path DIR = TestSupport.fixtures().resolve("corpus");
    static final Path EXPECTED = DIR.resolve("expected.tsv");

    /** Which reader a form needs: text and web pages are read today; Word and PDF wait for their readers. */
    enum Reader { TEXT, WORD, PDF }

    /** One form of a published report: the file it is in, and what it is (Chinese, for README's table). */
    enum Form {
        SEED("seed.txt", Reader.TEXT, "公开发布的原文（种子报告文本）"),
        SEED_GBK_CRLF("seed-gbk-crlf.txt", Reader.TEXT, "原文，GBK 编码、CRLF 换行"),
        SEED_JOINED("seed-joined.txt", Reader.TEXT, "原文，所有行首尾相接成一行（复制或抓取的网页）"),
        EXPORT_DOCX("export.docx", Reader.WORD, "export --docx 写出的 Word 表格"),
        EXPORT_PDF("export.pdf", Reader.PDF, "同上，LibreOffice 另存为 PDF"),
        REPORT_DOCX("report.docx", Reader.WORD, "完整报告的 Word 文档（正文和三张表，合并单元格）"),
        REPORT_DOC("report.doc", Reader.WORD, "同上，LibreOffice 另存为 Word 97–2003（.doc）"),
        REPORT_PDF("report.pdf", Reader.PDF, "同上，LibreOffice 转成 PDF（单位发布的常见做法）"),
        REPORT_LONG_PDF("report-long.pdf", Reader.PDF, "10 页以上的长报告（正文之后附有长篇说明），LibreOffice 转成 PDF"),
        PDFTOTEXT_LAYOUT("pdftotext-layout.txt", Reader.TEXT, "PDF 的文字：pdftotext -layout"),
        PDFTOTEXT("pdftotext.txt", Reader.TEXT, "PDF 的文字：pdftotext（不带 -layout）"),
        WORD_HTML("word.html", Reader.TEXT, "Word 另存为网页（GB2312；标签分成几个 span，`<o:p>`，`&nbsp;`）"),
        CMS_HTML("cms.html", Reader.TEXT, "网站发布的网页（GBK；导航和脚本，表格在 div 之外，rowspan/colspan）"),
        LO_HTML("lo.html", Reader.TEXT, "LibreOffice 另存为网页"),
        LO_TXT("lo.txt", Reader.TEXT, "LibreOffice 另存为纯文本"),
        TAB("tab.txt", Reader.TEXT, "复制的表格：制表符分隔"),
        SPACE("space.txt", Reader.TEXT, "单元格之间一个空格"),
        SPACES("spaces.txt", Reader.TEXT, "单元格之间若干个空格"),
        NBSP("nbsp.txt", Reader.TEXT, "单元格之间不换行空格（U+00A0）"),
        IDEOGRAPHIC("ideographic.txt", Reader.TEXT, "单元格之间全角空格（U+3000）"),
        ONE_LINE("oneline.txt", Reader.TEXT, "全文一行，单元格之间一个空格"),
        RUN_TOGETHER("runtogether.txt", Reader.TEXT, "单元格之间没有分隔（标签和数字连在一起）"),
        RUN_TOGETHER_ONE_LINE("runtogether-oneline.txt", Reader.TEXT, "全文一行，单元格之间没有分隔"),
        STRAY_SPACES("stray-spaces.txt", Reader.TEXT, "数字连在一起，中间夹着零散的空格（“230 000023”）"),
        PAGE_FOOTER("pagebreak-footer.txt", Reader.TEXT, "表三中分页：页脚“— 3 —”把“（四）无法提供”截成两半，表头重复"),
        PAGE_BARE("pagebreak-bare.txt", Reader.TEXT, "表三中分页：单独一行的页码“3”把标签截成两半，表头重复");

        final String file;
        final Reader reader;
        final String chinese;

        Form(String file, Reader reader, String chinese) {
            this.file = file;
            this.reader = reader;
            this.chinese = chinese;
        }

        static Form ofFile(String name) {
            for (Form f : values()) {
                if (f.file.equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no form " + name);
        }
    }

    /** A transcribed seed: its values, the filled workbook made of them (the truth), and its published text. */
    record Seed(String folder, TestSupport.SeedValues values, Filing truth, Path text) {
    }

    private Corpus() {
    }

    static List<Seed> seeds() throws IOException {
        List<Seed> out = new ArrayList<>();
        for (Path v : TestSupport.fixtureFiles("seeds", ".values").toList()) {
            TestSupport.SeedValues sv = TestSupport.seedValues(v);
            Path xlsx = Path.of(v.toString().replaceAll("\\.values$", ".xlsx"));
            ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(xlsx);
            assertThat(r.readable()).as(r.reason()).isTrue();
            out.add(new Seed(sv.agency() + "-" + sv.year(), sv, r.filing(), TestSupport.fixtures().resolve("seeds").resolve(sv.seed())));
        }
        return out;
    }

    static Path file(Seed s, Form f) {
        return DIR.resolve(s.folder()).resolve(f.file);
    }

    // ---------------------------------------------------------------- generation

    /** Writes every form of every seed into fixtures/corpus (LibreOffice and pdftotext run for real). */
    static void generate(List<Seed> seeds) throws IOException, InterruptedException {
        requireChineseFont();
        deleteTree(DIR);
        Files.createDirectories(DIR);
        List<Path> exports = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (Seed s : seeds) {
            Path dir = Files.createDirectories(DIR.resolve(s.folder()));
            Files.copy(s.text(), file(s, Form.SEED));
            String seedText = Files.readString(s.text(), StandardCharsets.UTF_8);
            Files.write(file(s, Form.SEED_GBK_CRLF), seedText.replaceAll("\r?\n", "\r\n").getBytes(Charset.forName("GBK")));
            Files.writeString(file(s, Form.SEED_JOINED), String.join("", seedText.lines().map(String::strip).toList()) + "\n");

            try (XWPFDocument doc = WordTables.build(s.truth())) {
                save(doc, file(s, Form.EXPORT_DOCX));
            }
            exports.add(file(s, Form.EXPORT_DOCX));
            try (XWPFDocument doc = fullReport(s, seedText, 0)) {
                save(doc, file(s, Form.REPORT_DOCX));
            }
            reports.add(file(s, Form.REPORT_DOCX));

            List<Block> body;
            try (InputStream in = Files.newInputStream(file(s, Form.REPORT_DOCX)); XWPFDocument doc = new XWPFDocument(in)) {
                body = blocks(doc);
            }
            Random rnd = new Random(s.folder().hashCode());
            write(file(s, Form.TAB), text(body, "\t", true));
            write(file(s, Form.SPACE), text(body, " ", false));
            write(file(s, Form.SPACES), spaced(body, rnd));
            write(file(s, Form.NBSP), text(body, "\u00a0", false));
            write(file(s, Form.IDEOGRAPHIC), text(body, "\u3000", false));
            write(file(s, Form.ONE_LINE), String.join(" ", text(body, " ", false).lines().filter(l -> !l.isBlank()).toList()) + "\n");
            String runTogether = text(body, "", false);
            write(file(s, Form.RUN_TOGETHER), runTogether);
            write(file(s, Form.RUN_TOGETHER_ONE_LINE), String.join("", runTogether.lines().toList()) + "\n");
            write(file(s, Form.STRAY_SPACES), straySpaces(runTogether, rnd));
            write(file(s, Form.PAGE_FOOTER), pageBreak(body, "— 3 —"));
            write(file(s, Form.PAGE_BARE), pageBreak(body, "3"));
            Files.write(file(s, Form.WORD_HTML), wordHtml(body, s).getBytes(Charset.forName("GBK")));
            Files.write(file(s, Form.CMS_HTML), cmsHtml(body, s).getBytes(Charset.forName("GBK")));
            assertThat(dir).isDirectory();
        }
        // LibreOffice, headless with a private profile, as an agency's office software saves and prints.
        Path tmp = Files.createTempDirectory("nianbao-corpus-");
        try {
            convertAll(exports, "pdf", Form.EXPORT_DOCX, Form.EXPORT_PDF, tmp);
            convertAll(reports, "pdf", Form.REPORT_DOCX, Form.REPORT_PDF, tmp);
            convertAll(reports, "doc:MS Word 97", Form.REPORT_DOCX, Form.REPORT_DOC, tmp);
            convertAll(reports, "html", Form.REPORT_DOCX, Form.LO_HTML, tmp);
            convertAll(reports, "txt:Text (encoded):UTF8", Form.REPORT_DOCX, Form.LO_TXT, tmp);
        } finally {
            deleteTree(tmp);
        }
        for (Seed s : seeds) {
            longReport(s, Files.readString(s.text(), StandardCharsets.UTF_8));
            write(file(s, Form.PDFTOTEXT_LAYOUT), pdftotext(file(s, Form.REPORT_PDF), true));
            write(file(s, Form.PDFTOTEXT), pdftotext(file(s, Form.REPORT_PDF), false));
        }
    }

    /** The full report with as many appendix repeats as make its PDF at least 10 pages (the speed target's size). */
    private static void longReport(Seed s, String seedText) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("nianbao-long-");
        try {
            for (int repeats = 2; ; repeats++) {
                Path docx = tmp.resolve("report-long.docx");
                try (XWPFDocument doc = fullReport(s, seedText, repeats)) {
                    save(doc, docx);
                }
                Path pdf = Rendering.convert(docx, "pdf", tmp.resolve("pdf"));
                if (pages(pdf) >= 10) {
                    Files.move(pdf, file(s, Form.REPORT_LONG_PDF));
                    return;
                }
                assertThat(repeats).as("appendix repeats for 10 pages").isLessThan(20);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    static int pages(Path pdf) throws IOException, InterruptedException {
        String tool = Rendering.tool("pdfinfo", "apt-get install poppler-utils");
        Process p = new ProcessBuilder(tool, pdf.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(info).isZero();
        Matcher m = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(info);
        assertThat(m.find()).as(info).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The seed's own narrative in the 公文 style (仿宋 三号, 28 pt lines), with the three tables where the report has them. */
    private static XWPFDocument fullReport(Seed s, String seedText, int appendixRepeats) {
        List<String> lines = seedText.lines().map(String::strip).toList();
        int start = -1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).endsWith("主动公开政府信息情况")) {
                start = i;
            } else if (start >= 0 && lines.get(i).startsWith("五、")) {
                end = i;
                break;
            }
        }
        assertThat(start).as("table heading in " + s.text()).isGreaterThanOrEqualTo(0);
        XWPFDocument doc = WordTables.newDocument();
        String title = s.truth().agency() + s.truth().year() + "年政府信息公开工作年度报告";
        prose(doc, title, 22, true, ParagraphAlignment.CENTER, false);
        boolean head = true; // the seed's own title (on one or two lines) and the page's 索引号 box: the document has its title
        for (int i = 0; i < start; i++) {
            String l = lines.get(i);
            head &= l.isEmpty() || l.contains("|") || l.length() < 25 || l.contains("报告") && l.length() < 40;
            if (!l.isEmpty() && !head) {
                prose(doc, l, 16, false, ParagraphAlignment.BOTH, true);
            }
        }
        WordTables.appendTables(doc, s.truth());
        for (int i = end; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                prose(doc, lines.get(i), 16, false, ParagraphAlignment.BOTH, true);
            }
        }
        // A long report: an appendix that goes over the year's work again, as long as it takes.
        for (int k = 0; k < appendixRepeats; k++) {
            prose(doc, "附件" + (k + 1) + "：" + s.truth().year() + "年政府信息公开工作情况说明", 16, true, ParagraphAlignment.LEFT, false);
            for (int i = 0; i < start; i++) {
                if (lines.get(i).length() >= 40 && !lines.get(i).contains("|")) {
                    prose(doc, lines.get(i), 16, false, ParagraphAlignment.BOTH, true);
                }
            }
        }
        return doc;
    }

    private static void prose(XWPFDocument doc, String text, double pt, boolean bold, ParagraphAlignment align, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        if (indent) {
            p.setIndentationFirstLine(640);
        }
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(bold ? "方正小标宋简体" : "仿宋_GB2312");
        r.setFontSize(pt);
        r.setBold(bold);
    }

    /** A paragraph's text, or a table: rows of cells, each cell its text and how far it spans (columns, rows; 0 rows = covered from above). */
    record Block(String paragraph, List<List<Cell>> rows) {
    }

    record Cell(String text, int colSpan, int rowSpan) {
        boolean covered() {
            return rowSpan == 0;
        }
    }

    /** The document's body as blocks, each table with its merges resolved (gridSpan, vMerge) as a browser's rowspan/colspan. */
    static List<Block> blocks(XWPFDocument doc) {
        List<Block> out = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                out.add(new Block(p.getText(), null));
            } else if (e instanceof XWPFTable t) {
                List<List<int[]>> spans = new ArrayList<>(); // per row: {gridCol, colSpan, vMerge 0 none/1 restart/2 continue}
                for (XWPFTableRow r : t.getRows()) {
                    List<int[]> row = new ArrayList<>();
                    int col = 0;
                    for (XWPFTableCell c : r.getTableCells()) {
                        CTTcPr pr = c.getCTTc().getTcPr();
                        int span = pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
                        int merge = pr == null || !pr.isSetVMerge() ? 0
                                : pr.getVMerge().getVal() == STMerge.RESTART ? 1 : 2;
                        row.add(new int[] {col, span, merge});
                        col += span;
                    }
                    spans.add(row);
                }
                List<List<Cell>> rows = new ArrayList<>();
                for (int i = 0; i < t.getRows().size(); i++) {
                    List<Cell> row = new ArrayList<>();
                    List<XWPFTableCell> cells = t.getRow(i).getTableCells();
                    for (int j = 0; j < cells.size(); j++) {
                        int[] s = spans.get(i).get(j);
                        int rowSpan = 1;
                        if (s[2] == 2) {
                            rowSpan = 0;
                        } else if (s[2] == 1) {
                            for (int k = i + 1; k < spans.size() && continues(spans.get(k), s[0]); k++) {
                                rowSpan++;
                            }
                        }
                        row.add(new Cell(s[2] == 2 ? "" : cells.get(j).getText(), s[1], rowSpan));
                    }
                    rows.add(row);
                }
                out.add(new Block(null, rows));
            }
        }
        return out;
    }

    private static boolean continues(List<int[]> row, int gridCol) {
        return row.stream().anyMatch(s -> s[0] == gridCol && s[2] == 2);
    }

    /**
     * The body as text, a table row per line as copying a Word table gives it: cells joined by
     * {@code sep}, a cell merged from above empty; empty cells dropped unless {@code keepEmpty}.
     */
    static String text(List<Block> body, String sep, boolean keepEmpty) {
        StringBuilder sb = new StringBuilder();
        for (Block b : body) {
            if (b.paragraph() != null) {
                sb.append(b.paragraph()).append('\n');
                continue;
            }
            for (List<Cell> row : b.rows()) {
                sb.append(String.join(sep, row.stream().map(Cell::text).filter(t -> keepEmpty || !t.isEmpty()).toList())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Cells separated by runs of 1 to 6 spaces, as text laid out by hand or by a converter. */
    private static String spaced(List<Block> body, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (Block b : body) {
            if (b.paragraph() != null) {
                sb.append(b.paragraph()).append('\n');
                continue;
            }
            for (List<Cell> row : b.rows()) {
                List<String> cells = row.stream().map(Cell::text).filter(t -> !t.isEmpty()).toList();
                for (int i = 0; i < cells.size(); i++) {
                    sb.append(i == 0 ? "" : " ".repeat(1 + rnd.nextInt(6))).append(cells.get(i));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static final Pattern DIGITS = Pattern.compile("\\d[\\d.]{2,}");

    /** Run-together text with a space dropped into about half the runs of three or more digits, anywhere in the run. */
    private static String straySpaces(String runTogether, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (String line : runTogether.split("\n", -1)) {
            Matcher m = DIGITS.matcher(line);
            StringBuilder l = new StringBuilder();
            int last = 0;
            while (m.find()) {
                l.append(line, last, m.start());
                String run = m.group();
                if (rnd.nextBoolean()) {
                    int at = 1 + rnd.nextInt(run.length() - 1);
                    run = run.substring(0, at) + " " + run.substring(at);
                }
                l.append(run);
                last = m.end();
            }
            l.append(line.substring(last));
            sb.append(l).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /**
     * The tab text with a page break inside table 三: the label （四）无法提供 cut after "（四）无", the
     * page's {@code footer} and blank lines, table 三's header rows repeated, then "法提供" and the rest of the row.
     */
    private static String pageBreak(List<Block> body, String footer) {
        StringBuilder sb = new StringBuilder();
        boolean done = false;
        for (Block b : body) {
            if (b.paragraph() != null) {
                sb.append(b.paragraph()).append('\n');
                continue;
            }
            List<String> header = new ArrayList<>();
            boolean inHeader = true;
            for (List<Cell> row : b.rows()) {
                String line = String.join("\t", row.stream().map(Cell::text).toList());
                boolean numbers = row.stream().anyMatch(c -> c.text().matches("[\\d.]+"));
                inHeader &= !numbers;
                if (inHeader) {
                    header.add(line);
                }
                int cut = line.indexOf("（四）无法提供");
                if (!done && cut >= 0) {
                    int half = cut + "（四）无".length();
                    sb.append(line, 0, half).append("\n\n").append(footer).append("\n\n");
                    header.forEach(h -> sb.append(h).append('\n'));
                    sb.append("\t".repeat((int) line.substring(0, cut).chars().filter(c -> c == '\t').count()))
                            .append(line.substring(half)).append('\n');
                    done = true;
                } else {
                    sb.append(line).append('\n');
                }
            }
        }
        assertThat(done).as("table 三 has the label （四）无法提供").isTrue();
        return sb.toString();
    }

    // ---------------------------------------------------------------- web pages

    /** Word's "save as web page": GB2312, MsoNormal paragraphs, each label in several spans, <o:p>, &nbsp; in empty cells. */
    private static String wordHtml(List<Block> body, Seed s) {
        StringBuilder sb = new StringBuilder();
        sb.append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n")
                .append("xmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\nxmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n<head>\r\n")
                .append("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\r\n")
                .append("<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\r\n<style>\r\n<!--\r\n")
                .append(" /* Font Definitions */\r\n @font-face\r\n\t{font-family:宋体;\r\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\r\n")
                .append("p.MsoNormal, li.MsoNormal, div.MsoNormal\r\n\t{margin:0cm;\r\n\ttext-align:justify;\r\n\tfont-size:10.5pt;\r\n")
                .append("\tfont-family:等线;}\r\n-->\r\n</style>\r\n\r\n</head>\r\n\r\n<body lang=ZH-CN style='text-justify-trim:punctuation'>\r\n\r\n")
                .append("<div class=WordSection1 style='layout-grid:15.6pt'>\r\n\r\n");
        for (Block b : body) {
            if (b.paragraph() != null) {
                if (b.paragraph().isEmpty()) {
                    sb.append("<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\r\n\r\n");
                } else {
                    sb.append("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>")
                            .append(spans(b.paragraph(), "font-size:16.0pt;font-family:仿宋_GB2312")).append("</p>\r\n\r\n");
                }
                continue;
            }
            sb.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\r\n style='border-collapse:collapse;border:none'>\r\n");
            for (List<Cell> row : b.rows()) {
                sb.append(" <tr style='height:20.0pt'>\r\n");
                for (Cell c : row) {
                    if (c.covered()) {
                        continue;
                    }
                    sb.append("  <td").append(c.colSpan() > 1 ? " colspan=" + c.colSpan() : "")
                            .append(c.rowSpan() > 1 ? " rowspan=" + c.rowSpan() : "")
                            .append(" valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt;height:20.0pt'>\r\n")
                            .append("  <p class=MsoNormal align=center style='text-align:center'>");
                    if (c.text().isEmpty()) {
                        sb.append("<span lang=EN-US><o:p>&nbsp;</o:p></span>");
                    } else {
                        sb.append(spans(c.text(), "font-family:宋体")).append("<o:p></o:p>");
                    }
                    sb.append("</p>\r\n  </td>\r\n");
                }
                sb.append(" </tr>\r\n");
            }
            sb.append("</table>\r\n\r\n");
        }
        sb.append("</div>\r\n\r\n</body>\r\n\r\n</html>\r\n");
        return sb.toString();
    }

    private static final Pattern RUNS = Pattern.compile("[\\x20-\\x7e]+|[^\\x20-\\x7e]+");

    /**
     * Text as Word writes its runs: ASCII (digits, "1.") in spans of their own with lang=EN-US,
     * Chinese in spans cut once more in the middle (runs split by editing history).
     */
    private static String spans(String text, String style) {
        StringBuilder sb = new StringBuilder();
        Matcher m = RUNS.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (run.charAt(0) < 0x7f) {
                sb.append("<span lang=EN-US style='").append(style.replaceAll("font-family:[^;]*", "font-family:\"Times New Roman\""))
                        .append("'>").append(escape(run)).append("</span>");
            } else if (run.length() >= 6) {
                int half = run.length() / 2;
                sb.append("<span style='").append(style).append("'>").append(escape(run.substring(0, half))).append("</span>")
                        .append("<span style='").append(style).append("'>").append(escape(run.substring(half))).append("</span>");
            } else {
                sb.append("<span style='").append(style).append("'>").append(escape(run)).append("</span>");
            }
        }
        return sb.toString();
    }

    /**
     * A government site's article page: GBK, navigation, scripts (with numbers of their own), the
     * article in the editor's wrapping div that closes before the tables, tables pasted from Word
     * (spans, <o:p>, &nbsp;) with rowspan and colspan, a footer with registration numbers.
     */
    private static String cmsHtml(List<Block> body, Seed s) {
        String title = s.truth().agency() + s.truth().year() + "年政府信息公开工作年度报告";
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\" />\n")
                .append("<title>").append(title).append("_").append(s.truth().agency()).append("</title>\n")
                .append("<meta name=\"SiteName\" content=\"").append(s.truth().agency()).append("\" />\n")
                .append("<meta name=\"PubDate\" content=\"").append(s.truth().year() + 1).append("-01-25 09:30\" />\n")
                .append("<link rel=\"stylesheet\" href=\"/css/style.css\" />\n")
                .append("<script type=\"text/javascript\" src=\"/js/jquery-1.12.4.min.js\"></script>\n")
                .append("<script>var _hmt = _hmt || []; var articleId = 20240125001; var pageSize = 15;\n")
                .append("document.write('<div class=\"weather\">今日 12℃ 空气质量 56</div>');</script>\n</head>\n<body>\n")
                .append("<div class=\"top\"><a href=\"/\">首页</a> | <a href=\"/wza/\">无障碍</a> | <a href=\"/en/\">English</a></div>\n")
                .append("<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>")
                .append("<li><a href=\"/bsfw/\">办事服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n")
                .append("<div class=\"crumbs\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 政府信息公开年报</div>\n")
                .append("<table class=\"layout\" width=\"100%\"><tr><td class=\"meta\">索引号：").append(s.truth().year() + 1)
                .append("-00125　发布日期：").append(s.truth().year() + 1).append("-01-25　浏览次数：<span id=\"hits\">1024</span></td></tr></table>\n")
                .append("<div class=\"article\">\n<h1>").append(title).append("</h1>\n<div class=\"TRS_Editor\"><div class=\"Custom_UnionStyle\">\n");
        boolean inTables = false;
        for (Block b : body) {
            if (b.paragraph() != null) {
                if (!b.paragraph().isEmpty()) {
                    sb.append("<p style=\"text-indent: 2em; line-height: 2em\"><span style=\"font-family: 仿宋_GB2312; font-size: 16pt\">")
                            .append(escape(b.paragraph()).replace(" ", "&nbsp;")).append("</span></p>\n");
                }
                continue;
            }
            if (!inTables) {
                sb.append("</div></div>\n"); // the editor's wrapper closes here: the tables stand outside it
                inTables = true;
            }
            sb.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\" style=\"border-collapse: collapse\">\n<tbody>\n");
            for (List<Cell> row : b.rows()) {
                sb.append("<tr>");
                for (Cell c : row) {
                    if (c.covered()) {
                        continue;
                    }
                    sb.append("<td").append(c.colSpan() > 1 ? " colspan=\"" + c.colSpan() + "\"" : "")
                            .append(c.rowSpan() > 1 ? " rowspan=\"" + c.rowSpan() + "\"" : "").append(" valign=\"center\">");
                    if (c.text().isEmpty()) {
                        sb.append("&nbsp;");
                    } else {
                        sb.append("<p style=\"text-align: center\">").append(spans(c.text(), "font-family: 宋体; font-size: 10.5pt"))
                                .append("<o:p></o:p></p>");
                    }
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</div>\n</div>\n<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a></div>\n")
                .append("<div class=\"footer\">主办单位：").append(s.truth().agency()).append("　网站标识码：4108000012　")
                .append("豫ICP备12345678号-1　公网安备 41080202000123号<br />联系电话：0391-3568123</div>\n")
                .append("<script>(function(){var hm=document.createElement(\"script\");hm.src=\"https://hm.example.cn/hm.js?1234567890\";")
                .append("var s=document.getElementsByTagName(\"script\")[0];s.parentNode.insertBefore(hm,s);})();</script>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- tools

    /** Converts each seed's {@code from} document in one LibreOffice run (copied under the seed's name: outputs must not collide). */
    private static void convertAll(List<Path> docs, String target, Form from, Form to, Path tmp)
            throws IOException, InterruptedException {
        Path in = Files.createDirectories(tmp.resolve(to.name() + "-in"));
        List<Path> named = new ArrayList<>();
        for (Path d : docs) {
            assertThat(d.getFileName().toString()).isEqualTo(from.file);
            named.add(Files.copy(d, in.resolve(d.getParent().getFileName() + ".docx")));
        }
        List<Path> out = Rendering.convertAll(named, target, tmp.resolve(to.name()));
        for (int i = 0; i < docs.size(); i++) {
            Files.move(out.get(i), docs.get(i).resolveSibling(to.file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The PDFs are made with a real Chinese font (glyphs and widths as agencies' PDFs have them),
     * e.g. fonts-wqy-microhei; without one LibreOffice would draw empty boxes of other widths.
     */
    static void requireChineseFont() throws IOException, InterruptedException {
        String fcList = Rendering.tool("fc-list", "apt-get install fontconfig");
        Process p = new ProcessBuilder(fcList, ":lang=zh").redirectErrorStream(true).start();
        String fonts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertThat(fonts).as("a Chinese font for LibreOffice's PDFs (apt-get install fonts-wqy-microhei, as .ci/run does)").isNotBlank();
    }

    static String pdftotext(Path pdf, boolean layout) throws IOException, InterruptedException {
        String tool = Rendering.tool("pdftotext", "apt-get install poppler-utils");
        List<String> cmd = new ArrayList<>(List.of(tool, "-enc", "UTF-8"));
        if (layout) {
            cmd.add("-layout");
        }
        cmd.add(pdf.toString());
        cmd.add("-");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("pdftotext " + pdf).isZero();
        return text;
    }

    private static void save(XWPFDocument doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
