package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook's own saved time as a real client writes it: LibreOffice (headless) saving a workbook
 * as .xlsx (dcterms:modified in docProps/core.xml) and as .xls (the SummaryInformation last-save
 * time). Skipped with a message where LibreOffice is not installed; in CI it always runs.
 */
class SavedTimeTest {
    @TempDir
    static Path dir;

    static Instant saved(Path f) throws Exception {
        byte[] head;
        try (var in = Files.newInputStream(f)) {
            head = in.readNBytes(512);
        }
        return SavedTime.of(f, head);
    }

    @Test
    void theSavedTimeLibreOfficeWritesIsReadFromXlsxAndXls() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path filled = TestSupport.filled(TestSupport.request("2021", 2024, "甲县财政局", ""), TestSupport.zeros(TestSupport.FORMATS.get("2021")),
                in.resolve("filled.xlsx"));
        // A clerk's save (Excel writes dcterms:modified), then LibreOffice saving it again in both formats.
        Path clerk = in.resolve("clerk.xlsx");
        Files.write(clerk, CollectorTest.savedAt(Files.readAllBytes(filled), "2025-01-20T08:30:00Z"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Instant expected = Instant.parse("2025-01-20T08:30:00Z");
        assertThat(saved(cn.nianbao.Rendering.convert(clerk, "xlsx:Calc MS Excel 2007 XML", out))).isEqualTo(expected);
        Path xls = cn.nianbao.Rendering.convert(clerk, "xls:MS Excel 97", out);
        assertThat(saved(xls)).isEqualTo(expected);
        // Our template as issued has no saved time; LibreOffice converting it writes 1601-01-01 (a zero) into
        // the .xls: both are no saved time at all.
        assertThat(saved(filled)).isNull();
        Path plain = cn.nianbao.Rendering.convert(filled, "xls:MS Excel 97", Files.createDirectories(dir.resolve("plain")));
        assertThat(saved(plain)).isNull();

        // In an inbox, a plain .xls copied after the deadline is timed by its saved time.
        Path inbox = Files.createDirectories(dir.resolve("收件"));
        Path copy = Files.copy(xls, inbox.resolve("财政局.xls"));
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2025-02-05T01:00:00Z")));
        Files.copy(plain, inbox.resolve("未保存.xls"));
        List<Inbox.Item> items = Inbox.open(inbox, dir.resolve("附件"));
        assertThat(items).extracting(i -> i.name() + " " + i.timeSource().chinese()).containsExactly(
                "未保存.xls 文件时间", "财政局.xls 工作簿保存时间");
        assertThat(items.get(1).time()).isEqualTo(expected);
    }

    @Test
    void coreXmlTimesAsTheyAreWritten() {
        assertThat(SavedTime.w3cdtf("2025-01-20T08:30:00Z")).isEqualTo(Instant.parse("2025-01-20T08:30:00Z"));
        assertThat(SavedTime.w3cdtf("2025-01-20T16:30:00.25+08:00")).isEqualTo(Instant.parse("2025-01-20T08:30:00.25Z"));
        assertThat(SavedTime.w3cdtf("2025-01-20T16:30:00")).as("no offset: Beijing time").isEqualTo(Instant.parse("2025-01-20T08:30:00Z"));
        assertThat(SavedTime.w3cdtf("2025-01-20")).isEqualTo(Instant.parse("2025-01-19T16:00:00Z"));
        assertThat(SavedTime.w3cdtf("yesterday")).isNull();
    }
}
