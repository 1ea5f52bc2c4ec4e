package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void forbiddenCharactersAndReservedNamesAreMadeSafe() {
        assertThat(FileNames.safe("衢州市/应急:管理局?")).isEqualTo("衢州市_应急_管理局_");
        assertThat(FileNames.safe("CON")).isEqualTo("_CON");
        assertThat(FileNames.safe("局. ")).isEqualTo("局");
        assertThat(FileNames.safe("衢州市应急管理局")).isEqualTo("衢州市应急管理局");
    }

    @Test
    void aLongNameIsCutWithAHashThatKeepsItUnique() {
        String base = "某某县人民政府办公室政务公开科".repeat(10);
        String a = FileNames.safe(base + "甲");
        String b = FileNames.safe(base + "乙");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.codePointCount(0, a.length())).isEqualTo(FileNames.MAX_STEM);
        assertThat((a + "-2024-问题标注(12).xlsx").getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        assertThat(a).startsWith("某某县人民政府办公室").contains("…_");
        assertThat(FileNames.safe(base + "甲")).as("the same name, the same file name").isEqualTo(a);
    }

    @Test
    void anAttachmentKeepsItsExtensionWhenCut() {
        String name = "关于报送".repeat(40) + ".xlsx";
        String safe = FileNames.safeFile(name);
        assertThat(safe).endsWith(".xlsx");
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        assertThat(FileNames.safeFile("报表.xls")).isEqualTo("报表.xls");
    }

    @Test
    void agencyNamesThatMeetWhenMadeSafeGetDifferentFileNames() {
        assertThat(FileNames.agency("衢州市应急管理局")).isEqualTo("衢州市应急管理局");
        String slash = FileNames.agency("甲/乙局");
        String underscore = FileNames.agency("甲_乙局");
        assertThat(underscore).isEqualTo("甲_乙局");
        assertThat(slash).startsWith("甲_乙局_").isNotEqualTo(underscore).isEqualTo(FileNames.agency("甲/乙局"));
        String longName = "某".repeat(80);
        assertThat(FileNames.agency(longName + "/")).isNotEqualTo(FileNames.agency(longName + "_"));
        assertThat(FileNames.agency(longName + "/").codePointCount(0, FileNames.agency(longName + "/").length()))
                .isLessThanOrEqualTo(FileNames.MAX_STEM);
        assertThat(FileNames.numbered("报表", 1, ".xlsx")).isEqualTo("报表.xlsx");
        assertThat(FileNames.numbered("报表", 3, ".xlsx")).isEqualTo("报表(3).xlsx");
    }
}
