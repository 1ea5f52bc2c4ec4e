package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four transcribed seeds in the forms published reports take — a web page, Word (.docx, .doc)
 * and PDF saved by LibreOffice from it, the PDF's text by pdftotext with and without -layout —
 * read back: every number exact, none wrong.
 */
class PublishedFormsTest {
    @TempDir
    static Path tmp;

    static Stream<Path> valuesFiles() throws IOException {
        return TestSupport.fixtureFiles("seeds", ".values");
    }

    private static Filing read(Path file, Filing want) {
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(file, new LabelReader.Hints(want.agency(), want.year(), null));
        assertThat(r.readable()).as(file + ": " + r.reason()).isTrue();
        return r.filing();
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyFormOfTheSeedReadsBackExactly(Path valuesFile) throws Exception {
        Filing want = ReportForms.expected(valuesFile);
        String stem = valuesFile.getFileName().toString().replace(".values", "");
        Path dir = Files.createDirectories(tmp.resolve(stem));
        Path html = dir.resolve("report.html");
        Files.write(html, ReportForms.html(want, "gbk").getBytes(Charset.forName("GBK")));
        List<Path> forms = new ArrayList<>();
        forms.add(html);
        Path docx = Rendering.convert(html, "docx:MS Word 2007 XML", dir.resolve("docx"));
        forms.add(docx);
        forms.add(Rendering.convert(html, "doc:MS Word 97", dir.resolve("doc")));
        Path pdf = Rendering.convert(docx, "pdf", dir.resolve("pdf"));
        forms.add(pdf);
        forms.add(pdftotext(pdf, true, dir.resolve("layout.txt")));
        forms.add(pdftotext(pdf, false, dir.resolve("plain.txt")));
        List<String> report = new ArrayList<>();
        for (Path form : forms) {
            ReportForms.Score s = ReportForms.score(read(form, want), want);
            report.add(form.getFileName() + ": " + s);
        }
        System.out.println(stem + "\n  " + String.join("\n  ", report));
        // pdftotext without -layout writes cells in its own block order: rows whose numbers are out of
        // order are left blank (L5), never read wrong.
        report.removeIf(line -> line.startsWith("plain.txt") && line.contains(" 0 wrong"));
        if (System.getProperty("forms.keep") != null) {
            Path keep = Files.createDirectories(Path.of(System.getProperty("forms.keep"), stem));
            for (Path form : forms) {
                Files.copy(form, keep.resolve(form.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(report).allMatch(line -> line.contains(" 0 blank, 0 wrong"));
    }

    /** The seed's text as published, and as it reaches people after copying, crawling, converting and saving. */
    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyTextLayoutOfTheSeedReadsBackExactly(Path valuesFile) throws Exception {
        Filing want = ReportForms.expected(valuesFile);
        TestSupport.SeedValues sv = TestSupport.seedValues(valuesFile);
        String text = Files.readString(TestSupport.fixtures().resolve("seeds").resolve(sv.seed()), StandardCharsets.UTF_8);
        String stem = valuesFile.getFileName().toString().replace(".values", "");
        Path dir = Files.createDirectories(tmp.resolve("text-" + stem));
        java.util.Map<String, byte[]> variants = new java.util.LinkedHashMap<>();
        variants.put("original", text.getBytes(StandardCharsets.UTF_8));
        variants.put("gbk-crlf", text.replace("\n", "\r\n").getBytes(Charset.forName("GBK")));
        variants.put("utf16-bom", ("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE));
        variants.put("utf16-no-bom", text.getBytes(StandardCharsets.UTF_16LE));
        variants.put("utf16be-no-bom", text.getBytes(StandardCharsets.UTF_16BE));
        variants.put("one-space", cells(text, " ").getBytes(StandardCharsets.UTF_8));
        variants.put("spaces", cells(text, "   ").getBytes(StandardCharsets.UTF_8));
        variants.put("nbsp", cells(text, "\u00a0").getBytes(StandardCharsets.UTF_8));
        variants.put("ideographic-space", cells(text, "\u3000").getBytes(StandardCharsets.UTF_8));
        variants.put("one-line", text.replaceAll("\r?\n", "").getBytes(StandardCharsets.UTF_8));
        variants.put("one-line-spaced", cells(text, " ").replaceAll("\r?\n", " ").getBytes(StandardCharsets.UTF_8));
        variants.put("page-marks", pageBreaks(text).getBytes(StandardCharsets.UTF_8));
        List<String> report = new ArrayList<>();
        for (java.util.Map.Entry<String, byte[]> v : variants.entrySet()) {
            Path f = dir.resolve(v.getKey() + ".txt");
            Files.write(f, v.getValue());
            ReportForms.Score s = ReportForms.score(read(f, want), want);
            report.add(v.getKey() + ": " + s);
        }
        System.out.println(stem + " (text)\n  " + String.join("\n  ", report));
        assertThat(report).allMatch(line -> line.contains(" 0 blank, 0 wrong"));
    }

    /** Cell separators (tabs, pipes) replaced by {@code sep}; lines kept. */
    private static String cells(String text, String sep) {
        return text.replaceAll("[ \t]*[\t|][ \t]*", sep);
    }

    /**
     * Page breaks inside table 三 as a PDF's text has them: a footer "-4-" between the two halves of
     * the label （四）无法提供, "第3页 共9页" and a bare page number on lines of their own between rows.
     */
    private static String pageBreaks(String text) {
        String t = text.replaceFirst("无法提供", "无\n\n-4-\n\n法提供");
        t = t.replaceFirst("\n([^\n]*2\\.重复申请)", "\n第3页 共9页\n$1");
        return t.replaceFirst("\n([^\n]*4\\.无正当理由大量反复申请)", "\n\n5\n\n$1");
    }

    static Path pdftotext(Path pdf, boolean layout, Path out) throws IOException, InterruptedException {
        String tool = Rendering.tool("pdftotext", "apt-get install poppler-utils");
        List<String> cmd = new ArrayList<>(List.of(tool));
        if (layout) {
            cmd.add("-layout");
        }
        cmd.addAll(List.of("-enc", "UTF-8", pdf.toString(), out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return out;
    }
}
