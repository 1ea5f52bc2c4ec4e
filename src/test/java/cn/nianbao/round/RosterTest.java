package cn.nianbao.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.nianbao.TestSupport;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {
    @TempDir
    Path dir;

    static final String CSV = """
            单位名称,统一社会信用代码,联系邮箱,上级单位,别名
            衢州市应急管理局,11330800002618736G,yjj@example.cn,衢州市人民政府,衢州市安全生产监督管理局
            焦作市应急管理局,,jz@example.cn,,
            ,,nobody@example.cn,,
            坏代码局,11330800002618736H,x@example.cn,,

            重复局,11330800002618736G,y@example.cn,,
            焦作市 应急管理局,,z@example.cn,,
            """;

    @Test
    void aUtf8RosterLoadsAndBadRowsAreNamedByLine() throws IOException {
        Path f = Files.writeString(dir.resolve("名册.csv"), "\ufeff" + CSV, StandardCharsets.UTF_8);
        Roster r = Roster.load(f);
        assertThat(r.agencies()).extracting(Agency::name).containsExactly("衢州市应急管理局", "焦作市应急管理局");
        Agency q = r.agencies().get(0);
        assertThat(q.code()).isEqualTo("11330800002618736G");
        assertThat(q.email()).isEqualTo("yjj@example.cn");
        assertThat(q.parent()).isEqualTo("衢州市人民政府");
        assertThat(q.aliases()).containsExactly("衢州市安全生产监督管理局");
        assertThat(r.problems()).extracting(Roster.Problem::line).containsExactly(4, 5, 7, 8);
        assertThat(r.problems().get(0).message()).contains("第4行没有单位名称");
        assertThat(r.problems().get(1).message()).contains("校验位错误");
        assertThat(r.problems().get(2).message()).contains("与第2行重复");
        assertThat(r.problems().get(3).message()).contains("单位名称与第3行重复");
        assertThat(r.aliases().key("衢州市安全生产监督管理局")).isEqualTo(r.aliases().key("衢州市应急管理局"));
    }

    @Test
    void aGbkRosterFromExcelOnWindowsLoads() throws IOException {
        Path f = Files.write(dir.resolve("名册.csv"), CSV.getBytes(Charset.forName("GBK")));
        assertThat(Roster.load(f).agencies()).hasSize(2);
    }

    @Test
    void aRosterIsToldByItsContentNotItsName() throws IOException {
        // WPS saves its spreadsheets as .et (an OLE2 workbook); a CSV is often renamed .xls to open in Excel.
        Path et = dir.resolve("名册.et");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("名册");
            String[][] rows = {{"单位名称", "联系邮箱"}, {"衢州市应急管理局", "yjj@example.cn"}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            try (java.io.OutputStream out = Files.newOutputStream(et)) {
                wb.write(out);
            }
        }
        assertThat(Roster.load(et).agencies()).extracting(Agency::name).containsExactly("衢州市应急管理局");
        Path csvAsXls = Files.write(dir.resolve("名册.xls"), CSV.getBytes(Charset.forName("GBK")));
        assertThat(Roster.load(csvAsXls).agencies()).hasSize(2);
    }

    @Test
    void anXlsxRosterWithEnglishHeadersLoads() throws IOException {
        Path f = dir.resolve("roster.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("名册");
            String[][] rows = {{"name", "code", "email"}, {"甲局", "", "a@example.cn"}, {"乙局", "11330800002618736G", ""}};
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            TestSupport.save(wb, f);
        }
        Roster r = Roster.load(f);
        assertThat(r.agencies()).extracting(Agency::name).containsExactly("甲局", "乙局");
        assertThat(r.agencies().get(1).line()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aRosterWithoutANameColumnIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), "名称,邮箱\n甲,a@b\n");
        assertThatThrownBy(() -> Roster.load(f)).hasMessageContaining("缺少“单位名称”列");
    }
}
