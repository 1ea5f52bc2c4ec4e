package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.CellDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fixtures/demo and fixtures/history hold demonstration filings (not real reports) with planted problems, for
 * `nianbao demo`. Each workbook carries exactly its .values file; -Dfixtures.update=true rewrites them.
 */
class DemoFixtureTest {
    /** fixtures/demo, and fixtures/history: the chains of years the demo reconciles over several years. */
    static Stream<Path> valuesFiles() throws IOException {
        return Stream.concat(TestSupport.fixtureFiles("demo", ".values"), TestSupport.fixtureFiles("history", ".values"));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void demoWorkbookCarriesItsValues(Path valuesFile) throws IOException {
        TestSupport.SeedValues sv = TestSupport.seedValues(valuesFile);
        Path xlsx = Path.of(valuesFile.toString().replaceAll("\\.values$", ".xlsx"));
        if (Boolean.getBoolean("fixtures.update")) {
            TestSupport.filled(TestSupport.request(sv.format(), sv.year(), sv.agency(), sv.code()), sv.inputs(), xlsx);
        }
        Filing f = new WorkbookReader(TestSupport.FORMATS).read(xlsx).filing();
        assertThat(f.agency()).isEqualTo(sv.agency());
        for (CellDef c : f.spec().inputCells()) {
            CellValue v = f.value(c.key());
            if (sv.inputs().containsKey(c.key())) {
                assertThat(v.number()).as(c.key()).isEqualByComparingTo(sv.inputs().get(c.key()));
            } else {
                assertThat(v).as(c.key()).isEqualTo(CellValue.BLANK);
            }
        }
    }
}
