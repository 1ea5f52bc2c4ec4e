package cn.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.TestSupport;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example of README.md, as written there. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRuns() throws IOException {
        Path out = dir.resolve("衢州市应急管理局-2024.xlsx");
        FormatSpec spec = TestSupport.FORMATS.forYear(2024);                       // 2021 版
        TemplateRequest req = TemplateRequest.of(spec, 2024, "衢州市应急管理局", "11330800002618736G");
        TemplateWriter writer = new TemplateWriter(Protection.withPassword("口令"));
        writer.write(req, out);

        ReadResult r = new WorkbookReader(TestSupport.FORMATS).read(out);
        assertThat(r.readable()).isTrue();
        Filing f = r.filing();
        BigDecimal n = f.value("t3.received.natural").number();
        List<Finding> all = new ArrayList<>(f.findings());
        all.addAll(Checker.check(f));
        assertThat(n).as("blank, not 0").isNull();
        assertThat(all).extracting(Finding::ruleId).containsExactly("V7");
    }
}
