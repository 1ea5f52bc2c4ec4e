package cn.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.Rendering;
import cn.nianbao.TestSupport;
import cn.nianbao.cli.Main;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export --docx, then import: the tables written for the published report come back exactly.
 * <p>
 * Every cell exact, read directly: the .docx itself, its PDF (LibreOffice), and the Word document
 * as LibreOffice saves it as a web page and as plain text. The PDF's text by pdftotext -layout is
 * read with losses: for it, no cell may be wrong.
 */
class ExportRoundTripTest {
    @TempDir
    Path dir;

    /** Runs export; the 2019 filing of distinct numbers breaks R1, which export reports (exit 1) and writes as filed. */
    private static void export(Path in, Path out, boolean clean) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"export", in.toString(), "--docx", out.toString(), "-q"}, new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(o + e.toString()).isEqualTo(clean ? 0 : 1);
    }

    @Test
    void whatExportWritesImportReadsBackExactly() throws Exception {
        List<Corpus.Seed> seeds = new ArrayList<>(Corpus.seeds());
        // A 2019-format filing too (signed 本年增/减, money with six decimals, a distinct number in every cell).
        Path xlsx2019 = TestSupport.filled(TestSupport.request("2019", 2020, "常山县教育局", ""),
                TestSupport.distinctValues(TestSupport.FORMATS.get("2019")), dir.resolve("常山县教育局-2020.xlsx"));
        ReadResult r2019 = new WorkbookReader(TestSupport.FORMATS).read(xlsx2019);
        assertThat(r2019.readable()).isTrue();
        seeds.add(new Corpus.Seed("常山县教育局-2020", null, r2019.filing(), null));

        Corpus.requireChineseFont(); // the PDF as agencies' PDFs are, with real glyphs and widths
        Path out = Files.createDirectories(dir.resolve("export"));
        List<Path> docs = new ArrayList<>();
        for (Corpus.Seed s : seeds) {
            Path in = s.values() == null ? xlsx2019
                    : TestSupport.fixtures().resolve("seeds").resolve(s.folder() + ".xlsx");
            export(in, out, s.values() != null);
            Path docx = out.resolve(s.folder() + ".docx");
            assertThat(docx).exists();
            docs.add(docx);
        }
        List<Path> html = Rendering.convertAll(docs, "html", dir.resolve("html"));
        List<Path> txt = Rendering.convertAll(docs, "txt:Text (encoded):UTF8", dir.resolve("txt"));
        List<Path> pdf = Rendering.convertAll(docs, "pdf", dir.resolve("pdf"));
        List<String> report = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Corpus.Seed s = seeds.get(i);
            CorpusMeasure asHtml = CorpusMeasure.of(s, Corpus.Form.LO_HTML, html.get(i));
            CorpusMeasure asText = CorpusMeasure.of(s, Corpus.Form.LO_TXT, txt.get(i));
            assertThat(asHtml.state()).as(s.folder() + " saved as a web page " + asHtml.wrongCells()).isEqualTo(CorpusMeasure.State.EXACT);
            assertThat(asText.state()).as(s.folder() + " saved as text " + asText.wrongCells()).isEqualTo(CorpusMeasure.State.EXACT);

            CorpusMeasure word = CorpusMeasure.of(s, Corpus.Form.EXPORT_DOCX, docs.get(i));
            CorpusMeasure asPdf = CorpusMeasure.of(s, Corpus.Form.EXPORT_PDF, pdf.get(i));
            assertThat(word.state()).as(s.folder() + ".docx " + word.wrongCells()).isEqualTo(CorpusMeasure.State.EXACT);
            assertThat(asPdf.state()).as(s.folder() + ".pdf " + asPdf.wrongCells() + ", " + asPdf.declared() + " cells declared")
                    .isEqualTo(CorpusMeasure.State.EXACT);

            Path layout = Files.writeString(dir.resolve(s.folder() + "-layout.txt"), Corpus.pdftotext(pdf.get(i), true));
            CorpusMeasure asLayout = CorpusMeasure.of(s, Corpus.Form.PDFTOTEXT_LAYOUT, layout);
            assertThat(asLayout.wrongCells()).as(s.folder() + " PDF → pdftotext -layout").isEmpty();
            report.add(s.folder() + ": html " + asHtml.state() + ", text " + asText.state() + ", docx " + word.state()
                    + ", pdf " + asPdf.state() + ", pdftotext -layout " + asLayout.exact() + "/" + asLayout.cells() + " exact");
        }
        System.out.println(String.join("\n", report));
    }
}
