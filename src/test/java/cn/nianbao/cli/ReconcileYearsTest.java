package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.spec.TemplateLayout;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reconcile over several years: every year of every agency in one run, each chain problem a finding.
 * Five agencies over 2020–2024 (and one filing of 2019, outside --years):
 * 甲局 with its 2020 filing in the 2019 format and a carry-over break in 2023 (C1); 乙县 renamed in 2022
 * (one chain through the aliases file); 丙局 without 2022 (M3, and 2021→2023 not reconciled); 丁局
 * keeping its name under a new code from 2023 (U2, one chain); 戊局 with two filings of 2022 and no
 * other year (D1 on both, M1, M2); and 己局's filing whose year was damaged (Y2).
 */
class ReconcileYearsTest {
    @TempDir
    Path dir;

    private static final String CODE_A = "11330800002618736G";
    /** 表格格式 and the eight figures of a year without a filing. */
    private static final String NONE = "|".repeat(9);
    private static final String CODE_B = "913300001000000000";

    private Path filing(String agency, String code, int year, Map<String, BigDecimal> set) throws IOException {
        return filing(agency, code, year, set, agency + "-" + year + ".xlsx");
    }

    private Path filing(String agency, String code, int year, Map<String, BigDecimal> set, String name) throws IOException {
        String format = TestSupport.FORMATS.forYear(year).id();
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get(format));
        v.putAll(set);
        return TestSupport.filled(TestSupport.request(format, year, agency, code), v,
                Files.createDirectories(dir.resolve("历年").resolve(Integer.toString(year))).resolve(name));
    }

    private static Map<String, BigDecimal> n(Object... kv) {
        Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], BigDecimal.valueOf(((Number) kv[i + 1]).longValue()));
        }
        return m;
    }

    /** A filled template whose identity says no year (its 年度 entry overwritten): a filing of no known year. */
    private Path undated(String agency) throws IOException {
        Path f = dir.resolve("历年/不明/" + agency + ".xlsx");
        try (XSSFWorkbook wb = new TemplateWriter().build(TestSupport.request("2021", 2022, agency, ""))) {
            TestSupport.fill(wb, TestSupport.FORMATS.get("2021"), TestSupport.zeros(TestSupport.FORMATS.get("2021")));
            Sheet id = wb.getSheet(TemplateLayout.ID_SHEET);
            for (Row r : id) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("year")) {
                    r.getCell(1).setCellValue("某年");
                }
            }
            wb.getProperties().getCustomProperties().getProperty("nianbao.year").setLpwstr("某年");
            TestSupport.save(wb, f);
        }
        return f;
    }

    private Path chains() throws IOException {
        // 甲局: 2020 in the 2019 format carries 2 forward; 2021 takes them over; 2023 says 1 was carried over, 2022 said 0.
        filing("甲局", CODE_A, 2019, Map.of());
        filing("甲局", CODE_A, 2020, n("t3.received.natural", 2, "t3.carry_forward.natural", 2));
        filing("甲局", CODE_A, 2021, n("t3.carried_over.natural", 2, "t3.disclosed.natural", 2));
        filing("甲局", CODE_A, 2022, Map.of());
        filing("甲局", CODE_A, 2023, n("t3.carried_over.natural", 1, "t3.disclosed.natural", 1));
        filing("甲局", CODE_A, 2024, Map.of());
        for (int y = 2020; y <= 2024; y++) {
            filing(y < 2022 ? "乙县安全生产监督管理局" : "乙县应急管理局", "", y, Map.of());
            if (y != 2022) {
                filing("丙局", "", y, Map.of());
            }
            filing("丁局", y < 2023 ? CODE_B : "12330800MB1234567X", y, Map.of());
        }
        filing("戊局", "", 2022, Map.of(), "戊局-2022.xlsx");
        filing("戊局", "", 2022, Map.of(), "戊局-2022（重报）.xlsx");
        undated("己局");
        return Files.writeString(dir.resolve("别名.csv"), "单位名称,别名\n乙县应急管理局,乙县安全生产监督管理局\n");
    }

    @Test
    void everyChainProblemIsAFindingAndEveryAgencyYearARow() throws IOException {
        Path aliases = chains();
        Path out = dir.resolve("历年核对.xlsx");
        CliTest.Run r = CliTest.run("reconcile", dir.resolve("历年").toString(), "--aliases", aliases.toString(),
                "--years", "2020-2024", "-o", out.toString(), "--csv", dir.resolve("历年.csv").toString(),
                "--returns", dir.resolve("退回").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("年度：2020–2024年（5 年），按 --years 2020-2024")
                .contains("历年核对：单位 5 个；相邻年度核对 14 对（按统一社会信用代码 7，按单位名称 6，按别名 1）；中间缺报 1 处")
                .contains("不在 --years 2020-2024 范围内、已跳过的报表 1 份")
                .contains("年度无法确定、未参与历年核对的报表 1 份（Y2）")
                .contains("文件 23 个 = 读取 22 + 无法读取 0 + 跳过 1；单位 5 个")
                .contains("CSV 已写入：").contains("（21 份报表）");

        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(sheetNames(wb)).containsExactly("历年趋势", "汇总", "问题清单", "跨年核对", "历年");
            // Every finding once, with its year: exactly the chain problems (the filings are clean within themselves).
            List<String> findings = rows(wb.getSheet("问题清单"), 0, 2, 7, 8, 13);
            assertThat(findings).containsExactly(
                    "甲局|2019|F2|提示|历年/2019/甲局-2019.xlsx",
                    "戊局|2022|D1|错误|历年/2022/戊局-2022.xlsx",
                    "戊局|2022|M1|警告|历年/2022/戊局-2022.xlsx",
                    "戊局|2022|M2|警告|历年/2022/戊局-2022.xlsx",
                    "戊局|2022|D1|错误|历年/2022/戊局-2022（重报）.xlsx",
                    "丁局|2023|U2|提示|历年/2023/丁局-2023.xlsx",
                    "丙局|2023|M3|警告|历年/2023/丙局-2023.xlsx",
                    "甲局|2023|C1|错误|历年/2023/甲局-2023.xlsx",
                    "甲局|2023|C1|错误|历年/2023/甲局-2023.xlsx",
                    "己局||Y2|错误|历年/不明/己局.xlsx");
            String messages = String.join("\n", rows(wb.getSheet("问题清单"), 9));
            assertThat(messages)
                    .contains("丙局有2021年和2023年的报表，没有2022年的（缺报）：2023年的“二、上年结转”无法与上年核对，2021→2023年不按相邻年度核对")
                    .contains("丁局：单位名称与2020年的报表相同（按名称），统一社会信用代码由 " + CODE_B + " 变为 12330800MB1234567X")
                    .contains("戊局在2022年有两份报表")
                    .contains("上年（2021年）没有找到戊局的报表")
                    .contains("戊局有2022年的报表，没有收到2023–2024年的（历年核对到2024年）")
                    .contains("无法确定报表的年度")
                    .contains("跳过：报表年度不在 --years 2020-2024 的范围内，未参与历年核对");

            // 历年: every agency every year of the span, 缺报 where there is no filing.
            Sheet years = wb.getSheet("历年");
            assertThat(years.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFWorkbook) wb).getSheet("历年").getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(rows(years, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).containsExactly(
                    "丁局|2020|通过|2019|0|0|0|0|0|0||",
                    "丁局|2021|通过|2021|0|0|0|0|0|0|0|0",
                    "丁局|2022|通过|2021|0|0|0|0|0|0|0|0",
                    "丁局|2023|通过|2021|0|0|0|0|0|0|0|0",
                    "丁局|2024|通过|2021|0|0|0|0|0|0|0|0",
                    "丙局|2020|通过|2019|0|0|0|0|0|0||",
                    "丙局|2021|通过|2021|0|0|0|0|0|0|0|0",
                    "丙局|2022|缺报" + NONE,
                    "丙局|2023|有警告|2021|0|0|0|0|0|0|0|0",
                    "丙局|2024|通过|2021|0|0|0|0|0|0|0|0",
                    "乙县应急管理局|2020|通过|2019|0|0|0|0|0|0||",
                    "乙县应急管理局|2021|通过|2021|0|0|0|0|0|0|0|0",
                    "乙县应急管理局|2022|通过|2021|0|0|0|0|0|0|0|0",
                    "乙县应急管理局|2023|通过|2021|0|0|0|0|0|0|0|0",
                    "乙县应急管理局|2024|通过|2021|0|0|0|0|0|0|0|0",
                    "戊局|2020|缺报" + NONE,
                    "戊局|2021|缺报" + NONE,
                    "戊局|2022|有错误|2021|0|0|0|0|0|0|0|0",
                    "戊局|2023|缺报" + NONE,
                    "戊局|2024|缺报" + NONE,
                    "甲局|2020|通过|2019|2|0|0|2|0|0||",
                    "甲局|2021|通过|2021|0|2|2|0|0|0|0|0",
                    "甲局|2022|通过|2021|0|0|0|0|0|0|0|0",
                    "甲局|2023|有错误|2021|0|1|1|0|0|0|0|0",
                    "甲局|2024|通过|2021|0|0|0|0|0|0|0|0");
            List<String> notes = rows(years, 0, 2, 16);
            assertThat(notes).contains("乙县应急管理局|2021|报表中的单位名称为乙县安全生产监督管理局",
                    "甲局|2020|表格格式 2019 没有“现行有效件数”", "丙局|2022|没有收到该年度的报表（历年中间缺报，见问题清单 M3）",
                    "戊局|2022|同一年度另有一份报表，历年核对用本份（见问题清单 D1）",
                    "丁局|2023|统一社会信用代码与此前不同（见问题清单 U2）");

            // 跨年核对: a row per agency per consecutive pair, the gap named, the break in rose.
            List<String> pairs = rows(wb.getSheet("跨年核对"), 0, 2, 3, 4, 28);
            assertThat(pairs).contains("甲局|2020|2021|统一社会信用代码|一致", "甲局|2022|2023|统一社会信用代码|2列不一致",
                    "乙县应急管理局|2021|2022|别名|一致", "丁局|2022|2023|单位名称|一致",
                    "丙局|2021|2023|单位名称|缺报2022年：2021→2023年不按相邻年度核对", "戊局||2022||只有2022年的报表，无法跨年核对");
            assertThat(pairs).hasSize(14 + 1 + 1);

            // 历年趋势: totals per year over the agencies that filed.
            List<String> trend = rows(wb.getSheet("历年趋势"), 0, 1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(trend.subList(0, 5)).containsExactly("2020|4|1|0|2|0|2|0|0", "2021|4|1|0|0|2|0|0|0", "2022|4|1|1|0|0|0|0|0",
                    "2023|4|1|1|0|1|0|0|0", "2024|4|1|0|0|0|0|0|0");

            // 汇总: every input, the one outside --years skipped with why.
            List<String> summary = rows(wb.getSheet("汇总"), 0, 5, 9);
            assertThat(summary).hasSize(23).contains(
                    "历年/2019/甲局-2019.xlsx|跳过|跳过：报表年度不在 --years 2020-2024 的范围内，未参与历年核对");
        }
        // One annotated copy per agency-year with something the agency can act on (C1, D1); M3, U2, Y2 are the supervisor's.
        try (var s = Files.list(dir.resolve("退回"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("戊局-2022-问题标注(2).xlsx", "戊局-2022-问题标注.xlsx", "甲局-2023-问题标注.xlsx");
        }
        String csv = Files.readString(dir.resolve("历年.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[3]).distinct().toList())
                .containsExactly("2020", "2021", "2022", "2023", "2024");
    }

    /**
     * A workbook of another layout whose title and name say no year: read by its labels, its year
     * cannot be told, so it is listed (无法读取) with the reason, and the chains go on without it.
     */
    @Test
    void aWorkbookWhoseYearCannotBeToldIsListedWithTheReason() throws IOException {
        filing("甲局", "", 2023, Map.of());
        filing("甲局", "", 2024, Map.of());
        Path foreign = dir.resolve("历年/某局报表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(TestSupport.fixtures().resolve("import/other-layout.xlsx")))) {
            // Every text naming a year said without it (each cell made anew: POI keeps an inline string beside a new value).
            for (Sheet sh : wb) {
                List<Cell> dated = new ArrayList<>();
                for (Row row : sh) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().matches("(?s).*(19|20)\\d{2}.*")) {
                            dated.add(c);
                        }
                    }
                }
                for (Cell c : dated) {
                    Row row = c.getRow();
                    int col = c.getColumnIndex();
                    row.removeCell(c);
                    row.createCell(col).setCellValue("某某县应急管理局政府信息公开工作年度报告统计表");
                }
            }
            TestSupport.save(wb, foreign);
        }
        Path out = dir.resolve("历年核对.xlsx");
        CliTest.Run r = CliTest.run("reconcile", dir.resolve("历年").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("文件 3 个 = 读取 2 + 无法读取 1 + 跳过 0；单位 1 个")
                .contains("无法读取：" + foreign + "（不是本工具发出的模板；按标签读取时无法确定报告年度（标题、统计期限、正文和文件名中都没有）")
                .contains("相邻年度核对 1 对");
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(rows(wb.getSheet("汇总"), 0, 5, 9)).contains(
                    "历年/某局报表.xlsx|无法读取|不是本工具发出的模板；按标签读取时无法确定报告年度（标题、统计期限、正文和文件名中都没有）：请在文件名中写明年度，或用 import --year 指定");
        }
    }

    @Test
    void theTwoWaysOfWritingReconcileAreNotMixedAndYearsAreChecked() throws IOException {
        Path in = filing("甲局", "", 2023, Map.of());
        for (String[] args : new String[][] {
            {"reconcile", in.toString(), "--previous", in.toString(), "--current", in.toString()},
            {"reconcile", in.toString(), "--year", "2024"},
            {"reconcile", "--previous", in.toString(), "--current", in.toString(), "--years", "2020-2024"},
            {"reconcile", in.toString(), "--years", "2024-2020"},
            {"reconcile", in.toString(), "--years", "20-24"},
            {"reconcile", in.toString(), "--years", "2000-2024"},
            {"reconcile"},
        }) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.out()).as("refused before anything is read").isEmpty();
            assertThat(r.err()).startsWith("错误：").contains("用法见：nianbao reconcile --help");
        }
        assertThat(CliTest.run("reconcile", in.toString(), "--year", "2024").err()).contains("--year 只用于两年核对");
        assertThat(CliTest.run("reconcile", in.toString(), "--years", "2024-2020").err()).contains("起始年度 2024 晚于结束年度 2020");
        assertThat(CliTest.run("reconcile", in.toString(), "--years", "2000-2024").err()).contains("2000 不是可用的报告年度");
        assertThat(CliTest.run("reconcile").err()).contains("缺少要核对的报表");
        assertThat(ReconcileCommand.span("2021-")).isEqualTo(new cn.nianbao.reconcile.YearChains.Span(2021, null));
        assertThat(ReconcileCommand.span("-2025")).isEqualTo(new cn.nianbao.reconcile.YearChains.Span(null, 2025));
        assertThat(ReconcileCommand.span("2019–2025")).isEqualTo(new cn.nianbao.reconcile.YearChains.Span(2019, 2025));
        assertThat(ReconcileCommand.span("2023")).isEqualTo(new cn.nianbao.reconcile.YearChains.Span(2023, 2023));
    }

    /** The output rule holds for every output of the run: the workbook, the CSV and the copies. */
    @Test
    void noOutputReplacesAnInputOrAFileThatIsNotOurs() throws IOException {
        Path in = filing("甲局", "", 2023, Map.of());
        filing("甲局", "", 2024, Map.of());
        Path folder = dir.resolve("历年");
        CliTest.Run inside = CliTest.run("reconcile", folder.toString(), "--csv", folder.resolve("历年.csv").toString());
        assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inside.err()).contains("CSV（--csv）");
        Path notes = Files.writeString(dir.resolve("笔记.csv"), "我的笔记\n");
        CliTest.Run foreign = CliTest.run("reconcile", folder.toString(), "--csv", notes.toString());
        assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(notes)).isEqualTo("我的笔记\n");
        CliTest.Run overInput = CliTest.run("reconcile", folder.toString(), "-o", in.toString());
        assertThat(overInput.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(overInput.err()).contains("在要读取的文件夹");
        assertThat(CliTest.run("reconcile", in.toString(), "-o", in.toString()).err()).contains("就是输入");
        // Our own outputs of the same kind are replaced on the next run.
        Path out = dir.resolve("历年核对.xlsx");
        Path csv = dir.resolve("历年.csv");
        assertThat(CliTest.run("reconcile", folder.toString(), "-o", out.toString(), "--csv", csv.toString()).code()).isZero();
        CliTest.Run again = CliTest.run("reconcile", folder.toString(), "-o", out.toString(), "--csv", csv.toString());
        assertThat(again.code()).as(again.err()).isZero();
    }

    /**
     * The long CSV over several years (both national formats, every year of every agency) is known
     * as ours by its content: a re-run replaces it; once a person has typed into it, it is theirs
     * and no re-run replaces it.
     */
    @Test
    void theCsvOverSeveralYearsIsReplacedByARerunButNotOnceEdited() throws IOException {
        filing("甲局", CODE_A, 2020, n("t3.received.natural", 2, "t3.carry_forward.natural", 2));
        filing("甲局", CODE_A, 2021, n("t3.carried_over.natural", 2, "t3.disclosed.natural", 2));
        filing("乙局", "", 2021, Map.of());
        Path folder = dir.resolve("历年");
        Path out = dir.resolve("历年核对.xlsx");
        Path csv = dir.resolve("历年.csv");
        CliTest.Run first = CliTest.run("reconcile", folder.toString(), "-o", out.toString(), "--csv", csv.toString());
        assertThat(first.code()).as(first.err()).isZero();
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(written.lines().skip(1).map(l -> l.split(",")[4]).distinct().toList()).containsExactly("2019", "2021");

        // A year more: the re-run replaces the CSV it wrote.
        filing("甲局", CODE_A, 2022, Map.of());
        CliTest.Run again = CliTest.run("reconcile", folder.toString(), "-o", out.toString(), "--csv", csv.toString());
        assertThat(again.code()).as(again.err()).isZero();
        String rewritten = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(rewritten).isNotEqualTo(written).contains(",2022,2021,");

        // A note typed after a value: the supervisor's file now, kept as it is.
        List<String> lines = new ArrayList<>(rewritten.lines().toList());
        lines.set(5, lines.get(5) + ",核实过");
        String edited = String.join("\r\n", lines) + "\r\n";
        Files.writeString(csv, edited, StandardCharsets.UTF_8);
        CliTest.Run refused = CliTest.run("reconcile", folder.toString(), "-o", out.toString(), "--csv", csv.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(csv.toString()).contains("又被人改动过的 CSV");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(edited);
    }

    private static List<String> sheetNames(Workbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    /** Rows 1.. of a list sheet, the given columns joined by |; file paths relative to the test folder. */
    private List<String> rows(Sheet s, int... cols) {
        return rowsFrom(s, 1, cols);
    }

    private List<String> rowsFrom(Sheet s, int first, int... cols) {
        DataFormatter fmt = new DataFormatter();
        List<String> out = new ArrayList<>();
        String base = dir.toString() + "/";
        for (int r = first; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) {
                break;
            }
            List<String> v = new ArrayList<>();
            for (int c : cols) {
                Cell cell = row.getCell(c);
                String t = cell == null ? "" : cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue() : fmt.formatCellValue(cell);
                v.add(t.replace(base, ""));
            }
            out.add(String.join("|", v));
        }
        return out;
    }
}
