package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast number path gives exactly what Double.parseDouble gives, or declines. */
class SimpleNumberTest {
    @Test
    void agreesWithParseDoubleOrDeclines() {
        String[] fixed = {"0", "0.0", "12", "-3", "337.94", "24252.311082", "2676474", "0.1", "0.30000000000000004",
            "1.0E7", "", "-", ".", "1.2.3", " 1", "999999999999999", "9999999999999999", "1e5", "123456789.123456"};
        for (String s : fixed) {
            check(s);
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long m = rnd.nextLong() % 1_000_000_000_000_000L;
            int scale = rnd.nextInt(12);
            String s = java.math.BigDecimal.valueOf(m, scale).toPlainString();
            check(s);
        }
    }

    private static void check(String s) {
        double fast = NumberText.plainDecimal(s);
        if (Double.isNaN(fast)) {
            return;
        }
        assertThat(fast).as(s).isEqualTo(Double.parseDouble(s));
    }
}
