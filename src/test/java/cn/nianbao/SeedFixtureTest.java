package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.CellDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fixtures/seeds holds filled workbooks carrying the real numbers of four published reports,
 * made by filling issued templates with the hand-transcribed .values files. Each is read back and
 * every number (totals included) compared, in national order, with the numbers printed in the
 * tables of the published text itself. Run with -Dfixtures.update=true to rewrite the workbooks.
 */
class SeedFixtureTest {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.])");

    static Stream<Path> valuesFiles() throws IOException {
        return TestSupport.fixtureFiles("seeds", ".values");
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void fixtureHoldsEveryNumberOfThePublishedTables(Path valuesFile) throws IOException {
        TestSupport.SeedValues sv = TestSupport.seedValues(valuesFile);
        Path xlsx = Path.of(valuesFile.toString().replaceAll("\\.values$", ".xlsx"));
        if (Boolean.getBoolean("fixtures.update")) {
            TestSupport.filled(TestSupport.request(sv.format(), sv.year(), sv.agency(), sv.code()), sv.inputs(), xlsx);
        }
        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(xlsx);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.findings()).isEmpty();
        assertThat(f.agency()).isEqualTo(sv.agency());
        assertThat(f.year()).isEqualTo(sv.year());
        assertThat(f.identity().code()).isEqualTo(sv.code());

        List<String> fromWorkbook = new ArrayList<>();
        for (CellDef c : f.spec().cells()) {
            CellValue v = f.value(c.key());
            assertThat(v).as(c.key()).isInstanceOf(CellValue.Num.class);
            fromWorkbook.add(v.plain());
        }
        List<String> fromText = tableNumbers(TestSupport.fixtures().resolve("seeds").resolve(sv.seed()));
        assertThat(fromWorkbook).containsExactlyElementsOf(fromText);
    }

    /** Every number printed between the heading 主动公开政府信息情况 and section 五, in order. */
    static List<String> tableNumbers(Path seed) throws IOException {
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().endsWith("主动公开政府信息情况")) {
                start = i;
                break;
            }
        }
        assertThat(start).as("table 二 heading in " + seed).isGreaterThanOrEqualTo(0);
        List<String> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).strip().startsWith("五、"); i++) {
            Matcher m = NUMBER.matcher(lines.get(i));
            while (m.find()) {
                out.add(new java.math.BigDecimal(m.group()).stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }
}
