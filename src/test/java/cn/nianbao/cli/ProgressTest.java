package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutATerminalItPrintsALineAtEachTenth() {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), "读取", 100, false);
        for (int i = 1; i <= 100; i++) {
            p.accept(i);
        }
        assertThat(s.toString().lines()).hasSize(10).last().asString().startsWith("读取 100/100（100%）");
    }

    @Test
    void quietAndShortRunsPrintNothing() {
        StringWriter s = new StringWriter();
        new Progress(new PrintWriter(s), "读取", 100, true).accept(100);
        new Progress(new PrintWriter(s), "读取", 10, false).accept(10);
        assertThat(s.toString()).isEmpty();
    }
}
