package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a collect run writes beside its workbook, and the extraction folder it rebuilds. */
class RoundFilesTest {
    @TempDir
    Path dir;

    @Test
    void besideTheWorkbookUnlessTheTotalIsNamed() {
        RoundFiles f = RoundFiles.of(dir.resolve("2024-收集情况.XLSX"), null);
        assertThat(f.extract()).isEqualTo(dir.resolve("2024-收集情况-附件"));
        assertThat(f.totalXlsx()).isEqualTo(dir.resolve("2024-收集情况-汇总.xlsx"));
        assertThat(f.totalCsv()).isEqualTo(dir.resolve("2024-收集情况-汇总.csv"));
        RoundFiles named = RoundFiles.of(dir.resolve("收集.xlsx"), dir.resolve("加总/全市.xlsx"));
        assertThat(named.totalCsv()).isEqualTo(dir.resolve("加总/全市.csv"));
    }

    @Test
    void onlyOurOwnExtractionFolderIsEmptied() throws IOException {
        RoundFiles f = RoundFiles.of(dir.resolve("收集.xlsx"), null);
        assertThat(f.extractRefusal()).isNull();
        f.resetExtract();
        Files.writeString(Files.createDirectories(f.extract().resolve("a.zip-内容")).resolve("报表.xlsx"), "x");
        f.resetExtract();
        try (var s = Files.list(f.extract())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(RoundFiles.MARKER);
        }
        Files.delete(f.extract().resolve(RoundFiles.MARKER));
        Path mine = Files.writeString(f.extract().resolve("我的笔记.txt"), "不要删");
        assertThat(f.extractRefusal()).contains("已存在且不是本工具建立的");
        assertThat(mine).exists();
    }
}
