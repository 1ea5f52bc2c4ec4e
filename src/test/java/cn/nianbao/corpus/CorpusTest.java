package cn.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus measure (fixtures/corpus, made by {@link Corpus}): every fixture imported, every cell
 * counted exact / declared / wrong ({@link CorpusMeasure}).
 * <ul>
 *   <li>No cell is ever wrong, in any fixture: a blank with an error is a loss, a wrong number is a lie.</li>
 *   <li>Every fixture comes out exactly as fixtures/corpus/expected.tsv records (state, exact,
 *       declared, wrong, cells), so any change, better or worse, is visible; the forms recorded
 *       "exact" must stay all exact, those recorded "partial" are expected to improve, "not_yet"
 *       would be a Word or PDF form the readers cannot open or find no table in (none since the
 *       PDF and Word readers).</li>
 *   <li>README's corpus table is this measure, per form.</li>
 * </ul>
 * {@code -Dfixtures.update=true} rebuilds the corpus (LibreOffice, pdftotext) and rewrites
 * expected.tsv and README's table; {@code -Dcorpus.remeasure=true} rewrites only expected.tsv and
 * README's table, measuring the same files (after a change of the readers). The "no wrong cell"
 * assertion holds all the same.
 */
class CorpusTest {
    private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");
    /** Rewrite expected.tsv and README's table from the corpus as it stands (a reader changed), without rebuilding it. */
    private static final boolean REMEASURE = UPDATE || Boolean.getBoolean("corpus.remeasure");
    static final String README_BEGIN = "<!-- corpus-table:begin (CorpusTest, -Dfixtures.update=true) -->";
    static final String README_END = "<!-- corpus-table:end -->";

    @Test
    void everyFixtureOfTheCorpusIsMeasuredAndNoCellIsEverWrong() throws Exception {
        List<Corpus.Seed> seeds = Corpus.seeds();
        if (UPDATE) {
            Corpus.generate(seeds);
        }
        List<CorpusMeasure> all = measureAll(seeds);
        List<String> wrong = new ArrayList<>();
        for (CorpusMeasure m : all) {
            m.wrongCells().forEach(w -> wrong.add(m.fixture() + ": " + w));
        }
        assertThat(wrong).as("cells read as a number other than the seed's, or left blank without an error").isEmpty();

        List<String> lines = new ArrayList<>();
        lines.add("# fixture\tstate\texact\tdeclared\twrong\tcells   (CorpusTest; rewrite with -Dfixtures.update=true)");
        all.forEach(m -> lines.add(m.tsv()));
        Path readme = TestSupport.repo().resolve("README.md");
        if (REMEASURE) {
            Files.write(Corpus.EXPECTED, lines, StandardCharsets.UTF_8);
            Files.writeString(readme, withTable(Files.readString(readme, StandardCharsets.UTF_8), table(all)), StandardCharsets.UTF_8);
        }
        assertThat(lines).as("fixtures/corpus/expected.tsv").containsExactlyElementsOf(Files.readAllLines(Corpus.EXPECTED, StandardCharsets.UTF_8));
        for (CorpusMeasure m : all) {
            assertThat(m.state() == CorpusMeasure.State.EXACT).as(m.fixture() + " all exact").isEqualTo(m.exact() == m.cells());
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertThat(text.substring(text.indexOf(README_BEGIN) + README_BEGIN.length(), text.indexOf(README_END)).strip())
                .as("README's corpus table").isEqualTo(table(all).strip());
    }

    static List<CorpusMeasure> measureAll(List<Corpus.Seed> seeds) {
        List<CorpusMeasure> all = new ArrayList<>();
        for (Corpus.Seed s : seeds) {
            for (Corpus.Form f : Corpus.Form.values()) {
                Path file = Corpus.file(s, f);
                assertThat(file).as("corpus fixture (rebuild with -Dfixtures.update=true)").exists();
                all.add(CorpusMeasure.of(s, f, file));
            }
        }
        return all;
    }

    /**
     * README's table: per form, over the seeds, cells exact / declared / wrong; a column of the
     * fixtures not readable yet only when there are some (there are none since the PDF and Word readers).
     */
    static String table(List<CorpusMeasure> all) {
        Map<Corpus.Form, int[]> per = new LinkedHashMap<>();
        for (Corpus.Form f : Corpus.Form.values()) {
            per.put(f, new int[6]);
        }
        boolean notYet = false;
        for (CorpusMeasure m : all) {
            int[] t = per.get(Corpus.Form.ofFile(m.fixture().substring(m.fixture().indexOf('/') + 1)));
            t[0]++;
            if (m.state() == CorpusMeasure.State.NOT_YET) {
                t[4]++;
                notYet = true;
                continue;
            }
            t[1] += m.exact();
            t[2] += m.declared();
            t[3] += m.wrong();
            t[5] += m.cells();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(notYet ? "| 形式 | 文件 | 份数 | 准确 | 已声明（空白并报错） | 错误 | 尚不能读取 |\n|---|---|---|---|---|---|---|\n"
                : "| 形式 | 文件 | 份数 | 准确 | 已声明（空白并报错） | 错误 |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<Corpus.Form, int[]> e : per.entrySet()) {
            Corpus.Form f = e.getKey();
            int[] t = e.getValue();
            sb.append("| ").append(f.chinese.replace("|", "\\|")).append(" | `").append(f.file).append("` | ").append(t[0]).append(" | ");
            if (t[4] == t[0]) {
                sb.append("— | — | — | ").append(t[4]).append(" 份 |\n");
            } else {
                sb.append(t[1]).append(" / ").append(t[5]).append(" | ").append(t[2]).append(" | ").append(t[3]).append(" |");
                sb.append(notYet ? " " + (t[4] == 0 ? "0" : t[4] + " 份") + " |\n" : "\n");
            }
        }
        return sb.toString();
    }

    private static String withTable(String readme, String table) {
        int a = readme.indexOf(README_BEGIN);
        int b = readme.indexOf(README_END);
        if (a < 0 || b < a) {
            throw new IllegalStateException("README.md has no corpus table markers " + README_BEGIN + " … " + README_END);
        }
        return readme.substring(0, a + README_BEGIN.length()) + "\n" + table + readme.substring(b);
    }
}
