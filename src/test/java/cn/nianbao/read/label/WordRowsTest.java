package cn.nianbao.read.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Severity;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Word table row that lost a cell (a clerk deleting "商业企业" of one row: the cells after it move
 * left, under other columns' headers) is declared, never read by the header's positions.
 */
class WordRowsTest {
    @TempDir
    Path tmp;

    @Test
    void aRowWithACellDeletedIsLeftBlankWithAnErrorNotReadShifted() throws Exception {
        Path seed = TestSupport.fixtures().resolve("corpus/聊城市应急管理局-2023/report.docx");
        Path docx = tmp.resolve("聊城市应急管理局2023年报告.docx");
        try (InputStream in = Files.newInputStream(seed); XWPFDocument doc = new XWPFDocument(in)) {
            XWPFTableRow row = null;
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow r : t.getRows()) {
                    if (r.getTableCells().stream().anyMatch(c -> c.getText().contains("予以公开"))) {
                        row = r;
                    }
                }
            }
            assertThat(row).isNotNull();
            int labelCells = (int) row.getTableCells().stream().filter(c -> !c.getText().matches("[0-9]*")).count();
            assertThat(row.getCell(labelCells + 1).getText()).isEqualTo("1"); // 商业企业 of （一）予以公开: 3 1 0 0 0 0 4
            row.removeCell(labelCells + 1);
            row.getCtRow().removeTc(labelCells + 1);
            try (OutputStream out = Files.newOutputStream(docx)) {
                doc.write(out);
            }
        }
        ReadResult r = new LabelReader(TestSupport.FORMATS).readText(docx, new LabelReader.Hints("聊城市应急管理局", 2023, null));
        assertThat(r.readable()).as(r.reason()).isTrue();
        Filing f = r.filing();
        Filing want = new LabelReader(TestSupport.FORMATS).readText(seed, new LabelReader.Hints("聊城市应急管理局", 2023, null)).filing();
        for (CellDef c : f.spec().cells()) {
            if (c.key().startsWith("t3.disclosed.")) {
                assertThat(f.value(c.key())).as(c.key()).isEqualTo(CellValue.BLANK);
            } else if (c.row().total() == false && !c.col().total()) {
                assertThat(f.asFiled(c.key())).as(c.key()).isEqualTo(want.asFiled(c.key()));
            }
        }
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L5")).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("（一）予以公开").contains("比表头少");
        });
        assertThat(List.of(f.asFiled("t3.disclosed.other").plain())).containsExactly("");
    }
    @Test
    void aRowWhoseOnlyCellIsEmptiedIsThereWithNoNumberNotMissing() throws Exception {
        Path seed = TestSupport.fixtures().resolve("corpus/聊城市应急管理局-2023/report.docx");
        Path docx = tmp.resolve("聊城市应急管理局2023年报告.docx");
        try (InputStream in = Files.newInputStream(seed); XWPFDocument doc = new XWPFDocument(in)) {
            boolean done = false;
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow r : t.getRows()) {
                    if (!done && r.getCell(0).getText().equals("行政许可")) {
                        r.getCell(1).removeParagraph(0);
                        r.getCell(1).addParagraph();
                        done = true;
                    }
                }
            }
            assertThat(done).isTrue();
            try (OutputStream out = Files.newOutputStream(docx)) {
                doc.write(out);
            }
        }
        Filing f = new LabelReader(TestSupport.FORMATS).readText(docx, new LabelReader.Hints("聊城市应急管理局", 2023, null)).filing();
        assertThat(f.value("t2.art20_5.licensing.decisions")).isEqualTo(CellValue.BLANK);
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L2")).isEmpty();
        assertThat(f.findings()).filteredOn(x -> x.ruleId().equals("L5")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("行政许可").contains("没有找到任何数字"));
    }
}
