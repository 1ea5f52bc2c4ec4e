package cn.nianbao.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The finding catalogue is the one README documents, and the national formats' rules are in it as they are. */
class FindingCodeTest {
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z][0-9]) \\| ([^|]+) \\|", Pattern.MULTILINE);

    /** README's table of finding codes: code to the severities its 级别 column names. */
    static Map<String, Set<Severity>> readmeTable() throws IOException {
        String readme = Files.readString(TestSupport.repo().resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## 问题代码"));
        section = section.substring(0, section.indexOf("\n## ", 4));
        Map<String, Set<Severity>> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            Set<Severity> s = EnumSet.noneOf(Severity.class);
            Arrays.stream(m.group(2).strip().split("/")).map(String::strip).map(Severity::parse).forEach(s::add);
            out.put(m.group(1), s);
        }
        return out;
    }

    @Test
    void readmeListsExactlyTheCatalogueWithItsSeverities() throws IOException {
        Map<String, Set<Severity>> readme = readmeTable();
        Map<String, Set<Severity>> catalogue = Arrays.stream(FindingCode.values())
                .collect(Collectors.toMap(Enum::name, FindingCode::severities, (a, b) -> a, LinkedHashMap::new));
        assertThat(readme).isEqualTo(catalogue);
    }

    @Test
    void everyRuleOfTheBuiltInFormatsIsInTheCatalogueWithItsSeverity() {
        for (FormatSpec f : TestSupport.FORMATS.all()) {
            for (RuleDef r : f.rules()) {
                assertThat(FindingCode.valueOf(r.id()).severities()).as(f.id() + " " + r.id()).contains(r.severity());
            }
        }
    }

    @Test
    void aSpecWithARuleOutsideTheCatalogueIsRefusedWhenLoaded() throws IOException {
        String text = Files.readString(TestSupport.repo().resolve("templates/2021.spec"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SpecLoader.parse("x.spec", text.replace("rule R4 error", "rule R9 error")))
                .isInstanceOf(SpecException.class).hasMessageContaining("R9").hasMessageContaining("catalogue");
        assertThatThrownBy(() -> SpecLoader.parse("x.spec", text.replace("rule R4 error", "rule R4 warning")))
                .isInstanceOf(SpecException.class).hasMessageContaining("R4");
    }

    @Test
    void aFindingAtASeverityItsCodeNeverHasIsRefused() {
        assertThatThrownBy(() -> cn.nianbao.model.Finding.ofFile(FindingCode.D1, "f", "m").withSeverity(Severity.INFO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
