package cn.nianbao.read;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's workbooks by the one list of workbook extensions; everything else listed as skipped. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void wpsSpreadsheetsAreWorkbooksInAFolderToo() throws IOException {
        Path xls = TestSupport.fixtures().resolve("broken/xls-renamed.xlsx");
        Path et = Files.copy(xls, dir.resolve("报表.et"));
        Path xlsx = Files.copy(xls, dir.resolve("报表2.XLSX"));
        Files.writeString(dir.resolve("说明.txt"), "说明");
        Files.writeString(dir.resolve("~$报表.xlsx"), "lock");
        InputFiles.Expanded found = InputFiles.expand(List.of(dir));
        assertThat(found.inputs()).containsExactly(et, xlsx);
        assertThat(found.skipped()).extracting(s -> s.file().getFileName() + " " + s.reason()).containsExactly(
                "~$报表.xlsx Excel/WPS 打开文件时生成的临时锁文件，不是报表",
                "说明.txt 不是工作簿文件（.xlsx/.xls）或报告（PDF、Word、网页），已跳过");
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(et).readable()).isTrue();
    }

    @Test
    void publishedReportsAsPdfWordAndWebPagesAreInputsInAFolder() throws IOException {
        for (String name : List.of("a.pdf", "b.DOCX", "c.doc", "d.htm", "e.html", "f.mht", "g.mhtml", "h.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        InputFiles.Expanded found = InputFiles.expand(List.of(dir));
        assertThat(found.inputs()).extracting(p -> p.getFileName().toString())
                .containsExactly("a.pdf", "b.DOCX", "c.doc", "d.htm", "e.html", "f.mht", "g.mhtml");
        assertThat(found.skipped()).extracting(s -> s.file().getFileName().toString()).containsExactly("h.txt");
    }
}
