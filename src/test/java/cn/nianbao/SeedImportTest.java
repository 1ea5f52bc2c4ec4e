package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published reports in fixtures/seeds read as text (import): every number of tables 二, 三 and
 * 四 recovered exactly. Three independent witnesses: the hand transcription (.values, inputs),
 * the numbers printed in the text's tables in order (totals as printed), and the expected CSV kept
 * in fixtures/import/expected (rewrite with -Dfixtures.update=true after checking a diff by hand).
 */
class SeedImportTest {
    private static final Path EXPECTED = TestSupport.fixtures().resolve("import/expected");

    static Stream<Path> valuesFiles() throws IOException {
        return SeedFixtureTest.valuesFiles();
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyNumberOfTheTablesIsRecovered(Path valuesFile) throws IOException {
        TestSupport.SeedValues sv = TestSupport.seedValues(valuesFile);
        Path seed = TestSupport.fixtures().resolve("seeds").resolve(sv.seed());
        // 001 has no title: its agency must be given, as a user would with --agency; the others name themselves.
        boolean titled = !sv.seed().startsWith("001");
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(seed, new LabelReader.Hints(titled ? null : sv.agency(), null, null));
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.findings()).as("only notes of where agency and year came from")
                .allMatch(x -> x.severity() == Severity.INFO && x.ruleId().equals("L8"));
        assertThat(f.agency()).isEqualTo(sv.agency());
        assertThat(f.year()).isEqualTo(sv.year());
        assertThat(f.identity().code()).isEqualTo(sv.code());
        assertThat(f.spec().id()).isEqualTo(sv.format());

        for (CellDef c : f.spec().inputCells()) {
            assertThat(f.value(c.key()).number()).as(c.key()).isEqualByComparingTo(sv.inputs().get(c.key()));
        }
        List<String> asFiled = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        for (CellDef c : f.spec().cells()) {
            CellValue v = f.asFiled(c.key());
            assertThat(v).as(c.key()).isInstanceOf(CellValue.Num.class);
            asFiled.add(v.plain());
            csv.add(c.table().number() + "," + c.rowLabel() + "," + c.colLabel() + "," + v.plain());
        }
        assertThat(asFiled).containsExactlyElementsOf(SeedFixtureTest.tableNumbers(seed));

        Path expected = EXPECTED.resolve(sv.seed().replaceAll("\\.txt$", ".csv"));
        if (Boolean.getBoolean("fixtures.update")) {
            Files.createDirectories(EXPECTED);
            Files.write(expected, csv, StandardCharsets.UTF_8);
        }
        assertThat(csv).containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    }

    @Test
    void aReportWhoseTablesWereImagesGivesNoTablesFoundAndInventsNothing() {
        Path seed = TestSupport.fixtures().resolve("seeds/002_ad8c1196866d992c.txt");
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(seed, LabelReader.Hints.NONE);
        assertThat(r.readable()).isTrue();
        Filing f = r.filing();
        assertThat(f.agency()).as("traditional title with pinyin glosses, read").isEqualTo("应急管理部");
        assertThat(f.year()).isEqualTo(2023);
        assertThat(f.findings().stream().filter(x -> x.ruleId().equals("L1")).map(Finding::table))
                .containsExactly("二", "三", "四");
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L1")).allMatch(x -> x.severity() == Severity.ERROR)
                .allMatch(x -> x.message().contains("没有找到表"));
        assertThat(f.spec().cells()).allMatch(c -> f.value(c.key()).isBlank() && f.asFiled(c.key()).isBlank());
        assertThat(f.findings()).extracting(Finding::ruleId).as("agency and year from the title, and the three tables not found")
                .containsExactlyInAnyOrder("L8", "L8", "L1", "L1", "L1");
    }
}
