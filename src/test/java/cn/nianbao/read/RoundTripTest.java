package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Template, every input filled with a distinct value, read back: identical. */
class RoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void everyNumberComesBackExactly(String format) throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        Map<String, BigDecimal> values = TestSupport.distinctValues(spec);
        Path file = TestSupport.filled(TestSupport.request(format, 2020, "某单位", ""), values, dir.resolve("f.xlsx"));

        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(file);
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        assertThat(f.findings()).isEmpty();
        for (CellDef c : spec.inputCells()) {
            assertThat(f.value(c.key())).as(c.key()).isEqualTo(new CellValue.Num(values.get(c.key()), false));
        }
        // Totals are recomputed, and agree with the totals the file stored.
        BigDecimal received = BigDecimal.ZERO;
        for (String col : new String[] {"natural", "business", "research", "nonprofit", "legal", "other_org"}) {
            received = received.add(values.get("t3.received." + col));
        }
        assertThat(f.value("t3.received.total").number()).isEqualByComparingTo(received);
        assertThat(f.storedTotals().get("t3.received.total").number()).isEqualByComparingTo(received);
        assertThat(f.locations().get("t3.received.natural").sheet()).isEqualTo(spec.table("t3").sheet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2019"})
    void largeAggregatedNumbersAndMoneyDecimalsSurvive(String format) throws IOException {
        FormatSpec spec = TestSupport.FORMATS.get(format);
        String money = format.equals("2021") ? "t2.art20_8.fees.amount" : "t2.art20_9.procurement.amount";
        Map<String, BigDecimal> values = Map.of(
                "t2.art20_6.penalty.decisions", new BigDecimal("2676474"),
                money, new BigDecimal("24252.311082"),
                "t3.received.natural", new BigDecimal("123456789012"));
        Path file = TestSupport.filled(TestSupport.request(format, 2022, "某市", ""), values, dir.resolve("big.xlsx"));
        Filing f = new WorkbookReader(TestSupport.FORMATS).read(file).filing();
        assertThat(f.value("t2.art20_6.penalty.decisions").plain()).isEqualTo("2676474");
        assertThat(f.value(money).plain()).isEqualTo("24252.311082");
        assertThat(f.value("t3.received.natural").plain()).isEqualTo("123456789012");
        assertThat(f.value("t3.received.business")).as("blank is not zero").isEqualTo(CellValue.BLANK);
        assertThat(f.value("t3.carried_over.total")).as("a total over blanks is blank").isEqualTo(CellValue.BLANK);
    }
}
