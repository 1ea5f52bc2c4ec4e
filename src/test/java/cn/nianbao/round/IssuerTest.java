package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import cn.nianbao.template.Protection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing a round is whole or not at all. */
class IssuerTest {
    @TempDir
    Path dir;

    @Test
    void aFailedIssueTakesBackWhatItAddedAndKeepsWhatWasThere() throws IOException {
        Roster roster = Roster.load(Files.writeString(dir.resolve("名册.csv"),
                "单位名称,联系邮箱\n甲局,a@example.cn\n乙局,b@example.cn\n", StandardCharsets.UTF_8));
        Path out = Files.createDirectories(dir.resolve("发出"));
        Issuer issuer = new Issuer(TestSupport.FORMATS.forYear(2024), 2024, LocalDate.of(2025, 1, 31), Protection.none());
        Path earlier = Files.writeString(issuer.draftPath(roster.agencies().get(0), out), "上次写出的草稿");
        // 乙局's template cannot be written: a folder stands where it goes.
        Files.createDirectories(issuer.templatePath(roster.agencies().get(1), out));
        assertThatThrownBy(() -> issuer.issue(roster, List.of(), out)).isInstanceOf(IOException.class);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("甲局's new template is gone; its earlier draft (replaced or not) and the folder stay")
                    .containsExactly("乙局-2024.xlsx", "甲局-2024.eml");
        }
        assertThat(earlier).exists();
    }
}
