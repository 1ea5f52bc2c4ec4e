package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.report.Decisions;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.spec.FormatSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor decides in the 问题清单 and the decisions survive re-runs: carried through a
 * LibreOffice re-save, to renamed and moved inputs, lapsed when a value changes, moved to 已处理
 * when the problem is gone, merged from several workbooks; the replaced list is kept as a backup;
 * the exit code follows the open findings.
 */
class DecisionsCliTest {
    @TempDir
    Path dir;

    static final FormatSpec SPEC = TestSupport.FORMATS.get("2021");
    static final int CHOICE = DiscrepancyWorkbook.FINDING_HEADER.indexOf(Decisions.CHOICE);
    static final int NOTE = DiscrepancyWorkbook.FINDING_HEADER.indexOf(Decisions.NOTE);

    /** 甲 breaks R1 (an error) with {@code received} received; 乙 leaves one cell blank (V7, a warning) unless {@code fixed}. */
    void filings(Path in, int received, boolean fixed) throws Exception {
        Map<String, BigDecimal> a = TestSupport.zeros(SPEC);
        a.put("t3.received.natural", BigDecimal.valueOf(received));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲市应急管理局", ""), a, in.resolve("甲.xlsx"));
        Map<String, BigDecimal> b = TestSupport.zeros(SPEC);
        if (!fixed) {
            b.remove("t2.art20_1.rules.issued");
        }
        TestSupport.filled(TestSupport.request("2021", 2024, "乙市应急管理局", ""), b, in.resolve("乙.xlsx"));
    }

    /** Types a decision on the row of {@code agency}'s finding {@code rule}. */
    static void decide(Path list, String agency, String rule, String choice, String note) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(list)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            Sheet s = wb.getSheet(DiscrepancyWorkbook.FINDINGS);
            boolean found = false;
            for (Row r : s) {
                if (r.getRowNum() > 0 && text(r, 0).equals(agency) && text(r, 7).equals(rule)) {
                    r.createCell(CHOICE).setCellValue(choice);
                    r.createCell(NOTE).setCellValue(note);
                    found = true;
                }
            }
            assertThat(found).as(agency + " " + rule).isTrue();
            try (OutputStream out = Files.newOutputStream(list)) {
                wb.write(out);
            }
        }
    }

    /** The rows of a sheet: agency, rule, 处理意见, 备注. */
    static List<List<String>> rows(Path list, String sheet) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(list.toFile(), null, true)) {
            Sheet s = wb.getSheet(sheet);
            if (s == null) {
                return out;
            }
            for (Row r : s) {
                if (r.getRowNum() > 0) {
                    out.add(List.of(text(r, 0), text(r, 7), text(r, CHOICE), text(r, NOTE)));
                }
            }
        }
        return out;
    }

    static String text(Row r, int c) {
        return r.getCell(c) == null ? "" : r.getCell(c).getStringCellValue();
    }

    @Test
    void decisionsSurviveReRuns() throws Exception {
        Path in = Files.createDirectories(dir.resolve("收件"));
        filings(in, 1, false);
        Path list = dir.resolve("输出/问题清单.xlsx");
        Files.createDirectories(list.getParent());
        CliTest.Run first = CliTest.run("check", in.toString(), "-o", list.toString());
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(first.out()).contains("警告");

        decide(list, "甲市应急管理局", "R1", "已核实无误", "电话核实：系统导出口径");
        decide(list, "乙市应急管理局", "V7", "接受说明", "确无此项");
        // A LibreOffice re-save of the list keeps the decisions (and the list stays ours).
        Path saved = cn.nianbao.Rendering.convert(list, "xlsx:Calc MS Excel 2007 XML", dir.resolve("lo"));
        Files.copy(saved, list, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // Inputs renamed and moved: the decisions follow the findings, not the paths.
        Path moved = Files.createDirectories(dir.resolve("收件2/子"));
        Files.move(in.resolve("甲.xlsx"), moved.resolve("甲市-第二次.xlsx"));
        Files.move(in.resolve("乙.xlsx"), moved.resolve("乙市.xlsx"));
        CliTest.Run second = CliTest.run("check", dir.resolve("收件2").toString(), "-o", list.toString());
        assertThat(second.code()).as("an error let stand and a warning decided fail nothing: " + second.out() + second.err())
                .isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("已确认 2").contains("已核实 1").contains("带入本次清单 3 条").contains("另存为");
        assertThat(rows(list, DiscrepancyWorkbook.FINDINGS)).contains(
                List.of("甲市应急管理局", "R1", "已核实无误", "电话核实：系统导出口径"),
                List.of("乙市应急管理局", "V7", "接受说明", "确无此项"));
        try (Workbook wb = WorkbookFactory.create(list.toFile(), null, true)) {
            // An error let stand stays visible (有警告, never 通过); a warning let stand is no longer one.
            for (Row r : wb.getSheet(DiscrepancyWorkbook.SUMMARY)) {
                if (r.getRowNum() > 0) {
                    assertThat(text(r, 5)).as(text(r, 1)).isEqualTo(text(r, 1).startsWith("甲") ? "有警告" : "通过");
                }
            }
        }
        try (Stream<Path> files = Files.list(list.getParent())) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith("问题清单-备份-")).toList();
            assertThat(backups).hasSize(1);
            assertThat(rows(backups.get(0), DiscrepancyWorkbook.FINDINGS)).contains(
                    List.of("甲市应急管理局", "R1", "已核实无误", "电话核实：系统导出口径"));
        }

        // 甲 changes the value (the decision lapses, kept in 备注); 乙 fills the blank (its decision moves to 已处理).
        Path third = Files.createDirectories(dir.resolve("收件3"));
        filings(third, 2, true);
        CliTest.Run again = CliTest.run("check", third.toString(), "-o", list.toString());
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCodes.FINDINGS);
        List<String> r1 = rows(list, DiscrepancyWorkbook.FINDINGS).stream()
                .filter(r -> r.get(1).equals("R1")).findFirst().orElseThrow();
        assertThat(r1.get(2)).isEmpty();
        assertThat(r1.get(3)).startsWith("已变化").contains("已核实无误").contains("电话核实：系统导出口径");
        assertThat(rows(list, Decisions.SETTLED)).containsExactly(List.of("乙市应急管理局", "V7", "接受说明", "确无此项"));
    }

    @Test
    void reconcileOverSeveralYearsCarriesDecisionsToo() throws Exception {
        // Before the merge of 历年核对 and decisions, a re-run over several years wrote its list without them.
        Path list = dir.resolve("历年核对.xlsx");
        String history = TestSupport.fixtures().resolve("history").toString();
        String aliases = TestSupport.fixtures().resolve("history/别名.csv").toString();
        CliTest.Run first = CliTest.run("reconcile", history, "--aliases", aliases, "-o", list.toString());
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCodes.FINDINGS);
        List<String> c1 = rows(list, DiscrepancyWorkbook.FINDINGS).stream().filter(r -> r.get(1).equals("C1")).findFirst().orElseThrow();
        decide(list, c1.get(0), "C1", "接受说明", "2023年机构改革，结转口径调整");
        CliTest.Run again = CliTest.run("reconcile", history, "--aliases", aliases, "-o", list.toString());
        assertThat(again.out()).contains("另存为");
        assertThat(rows(list, DiscrepancyWorkbook.FINDINGS)).contains(List.of(c1.get(0), "C1", "接受说明", "2023年机构改革，结转口径调整"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("历年核对-备份-"))).hasSize(1);
        }
    }

    @Test
    void aListWithDecisionsReplacedWithForceIsKeptAsABackupFirst() throws Exception {
        // A list that lost our mark (saved by another program, sheets copied into a new workbook) is not ours: refused,
        // and with --force replaced — before, without a backup, so the supervisor's decisions were gone.
        Path in = Files.createDirectories(dir.resolve("收件"));
        filings(in, 1, false);
        Path list = dir.resolve("问题清单.xlsx");
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).isEqualTo(ExitCodes.FINDINGS);
        decide(list, "甲市应急管理局", "R1", "已核实无误", "电话核实");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(list))) {
            var custom = wb.getProperties().getCustomProperties().getUnderlyingProperties();
            for (int i = custom.sizeOfPropertyArray() - 1; i >= 0; i--) {
                custom.removeProperty(i);
            }
            try (OutputStream o = Files.newOutputStream(list.resolveSibling("tmp.xlsx"))) {
                wb.write(o);
            }
        }
        Files.move(list.resolveSibling("tmp.xlsx"), list, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Run forced = CliTest.run("check", in.toString(), "-o", list.toString(), "--force");
        assertThat(forced.out()).contains("已另存为").contains("本次未带入");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith("问题清单-备份-")).toList();
            assertThat(backups).hasSize(1);
            assertThat(rows(backups.get(0), DiscrepancyWorkbook.FINDINGS)).contains(List.of("甲市应急管理局", "R1", "已核实无误", "电话核实"));
        }
    }

    @Test
    void aTitleRowAboveTheHeaderKeepsTheDecisionsAndAFileThatIsNoListIsSaid() throws Exception {
        // Before: the header had to be the first row — a title inserted above it for printing made every decision unread,
        // and the list was replaced without a backup; a --decisions file that was no list was read as holding none.
        Path in = Files.createDirectories(dir.resolve("收件"));
        filings(in, 1, false);
        Path list = dir.resolve("问题清单.xlsx");
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).isEqualTo(ExitCodes.FINDINGS);
        decide(list, "甲市应急管理局", "R1", "已核实无误", "电话核实");
        Workbook wb;
        try (InputStream i = Files.newInputStream(list)) {
            wb = WorkbookFactory.create(i);
        }
        try (wb) {
            Sheet s = wb.getSheet(DiscrepancyWorkbook.FINDINGS);
            s.shiftRows(0, s.getLastRowNum(), 2);
            s.createRow(0).createCell(0).setCellValue("2024年度问题清单（打印用）");
            try (OutputStream o = Files.newOutputStream(list)) {
                wb.write(o);
            }
        }
        CliTest.Run again = CliTest.run("check", in.toString(), "-o", list.toString());
        assertThat(again.out()).as(again.out() + again.err()).contains("带入本次清单").doesNotContain("带入本次清单 0 条").contains("另存为");
        assertThat(rows(list, DiscrepancyWorkbook.FINDINGS)).contains(List.of("甲市应急管理局", "R1", "已核实无误", "电话核实"));

        // A 处理意见 typed past the dropdown is kept in sight, not taken as a decision.
        decide(list, "乙市应急管理局", "V7", "同意", "");
        CliTest.Run typed = CliTest.run("check", in.toString(), "-o", list.toString());
        assertThat(typed.out()).as("the warning stays open: 同意 is no choice").contains("警告 1 条");
        assertThat(rows(list, DiscrepancyWorkbook.FINDINGS)).anyMatch(r -> r.get(0).equals("乙市应急管理局") && r.get(1).equals("V7")
                && r.get(2).isEmpty() && r.get(3).contains("处理意见“同意”不是下拉选项"));

        Path notes = dir.resolve("笔记.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook other = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             OutputStream o = Files.newOutputStream(notes)) {
            other.createSheet("笔记").createRow(0).createCell(0).setCellValue("周五前催报");
            other.write(o);
        }
        CliTest.Run wrong = CliTest.run("check", in.toString(), "-o", dir.resolve("新清单.xlsx").toString(), "--decisions", notes.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains(notes.toString()).contains("不是问题清单");
    }

    @Test
    void decisionsFromSeveralWorkbooksMergeTheLaterWinning() throws Exception {
        Path in = Files.createDirectories(dir.resolve("收件"));
        filings(in, 1, false);
        Path mine = dir.resolve("我的.xlsx");
        Path colleague = dir.resolve("同事的.xlsx");
        assertThat(CliTest.run("check", in.toString(), "-o", mine.toString()).code()).isEqualTo(ExitCodes.FINDINGS);
        Files.copy(mine, colleague);
        decide(mine, "甲市应急管理局", "R1", "需退回修改", "请单位更正");
        decide(colleague, "甲市应急管理局", "R1", "已核实无误", "同事核实过");
        // The colleague saved it as .xls in LibreOffice.
        Path xls = cn.nianbao.Rendering.convert(colleague, "xls:MS Excel 97", dir.resolve("lo"));
        Files.delete(colleague);
        colleague = Files.move(xls, dir.resolve("同事的.xls"));
        Path merged = dir.resolve("合并.xlsx");
        CliTest.Run run = CliTest.run("check", in.toString(), "-o", merged.toString(), "--decisions", mine.toString(),
                colleague.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        List<String> r1 = rows(merged, DiscrepancyWorkbook.FINDINGS).stream()
                .filter(r -> r.get(1).equals("R1")).findFirst().orElseThrow();
        assertThat(r1.get(2)).isEqualTo("已核实无误");
        assertThat(r1.get(3)).startsWith("同事核实过").contains("另有“我的.xlsx”中的处理意见“需退回修改”，备注“请单位更正”");
        assertThat(run.out()).contains("读到 4 条");

        // The values change: the decision lapses, and both decisions are quoted in 备注 (before: only the last one).
        Path changedIn = Files.createDirectories(dir.resolve("收件-改"));
        filings(changedIn, 2, false);
        CliTest.Run changed = CliTest.run("check", changedIn.toString(), "-o", dir.resolve("改后.xlsx").toString(), "--decisions",
                mine.toString(), colleague.toString());
        assertThat(changed.out()).as(changed.out() + changed.err()).contains("数值已变化");
        List<String> lapsed = rows(dir.resolve("改后.xlsx"), DiscrepancyWorkbook.FINDINGS).stream()
                .filter(r -> r.get(1).equals("R1")).findFirst().orElseThrow();
        assertThat(lapsed.get(2)).isEmpty();
        assertThat(lapsed.get(3)).startsWith("已变化").contains("同事核实过").contains("请单位更正");

        // 需退回修改 keeps the error open.
        CliTest.Run back = CliTest.run("check", in.toString(), "-o", dir.resolve("退回.xlsx").toString(), "--decisions",
                colleague.toString(), mine.toString());
        assertThat(back.code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aListWithDecisionsIsReplacedOnlyByCarryingThem() throws Exception {
        Path in = Files.createDirectories(dir.resolve("收件"));
        filings(in, 1, false);
        Path list = dir.resolve("问题清单.xlsx");
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).isEqualTo(ExitCodes.FINDINGS);
        cn.nianbao.report.OutputGuard guard = new cn.nianbao.report.OutputGuard(TestSupport.FORMATS);
        var kind = cn.nianbao.report.OutputGuard.Kind.DISCREPANCY;
        assertThat(guard.refusal(list, kind)).as("nothing typed yet").isNull();
        decide(list, "甲市应急管理局", "R1", "已核实无误", "");
        assertThat(guard.refusal(list, kind)).contains("处理意见");
        assertThat(guard.refusal(list, kind, true)).as("carried over and backed up").isNull();

        // collect carries decisions too: 需退回修改 on a warning writes a 退回 draft, and the replaced 收集情况 is kept.
        Path round = Files.createDirectories(dir.resolve("round/收件"));
        filings(round, 1, false);
        Files.writeString(round.resolveSibling("名册.csv"), "单位名称,联系邮箱\n甲市应急管理局,a@example.cn\n乙市应急管理局,b@example.cn\n");
        Path collected = dir.resolve("收集情况.xlsx");
        Path returns = dir.resolve("退回");
        String[] collect = {"collect", "--roster", round.resolveSibling("名册.csv").toString(), "--year", "2024", "--inbox",
            round.toString(), "-o", collected.toString(), "--returns", returns.toString(), "--quiet"};
        CliTest.Run first = CliTest.run(collect);
        assertThat(first.code()).as(first.err()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
        String warned = null;
        try (Workbook wb = WorkbookFactory.create(collected.toFile(), null, true)) {
            for (Row r : wb.getSheet(DiscrepancyWorkbook.FINDINGS)) {
                if (r.getRowNum() > 0 && text(r, 8).equals("警告") && warned == null
                        && !draftOf(returns, text(r, 0))) {
                    warned = text(r, 0) + "\t" + text(r, 7);
                }
            }
        }
        assertThat(warned).as("an agency with a warning and no 退回 draft").isNotNull();
        String agency = warned.split("\t")[0];
        decide(collected, agency, warned.split("\t")[1], "需退回修改", "请补充说明");
        CliTest.Run again = CliTest.run(collect);
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(again.out()).contains("带入本次清单").contains("另存为");
        assertThat(draftOf(returns, agency)).as("需退回修改 sends a warning back").isTrue();
        assertThat(rows(collected, DiscrepancyWorkbook.FINDINGS)).anyMatch(r -> r.get(0).equals(agency)
                && r.get(2).equals("需退回修改") && r.get(3).equals("请补充说明"));
        try (Stream<Path> files = Files.list(dir)) {
            Path backup = files.filter(p -> p.getFileName().toString().startsWith("收集情况-备份-")).findFirst().orElseThrow();
            assertThat(rows(backup, DiscrepancyWorkbook.FINDINGS)).anyMatch(r -> r.get(2).equals("需退回修改"));
        }
    }

    /** Whether the returns folder holds a 退回 draft for {@code agency}. */
    static boolean draftOf(Path returns, String agency) throws java.io.IOException {
        if (!Files.isDirectory(returns)) {
            return false;
        }
        try (Stream<Path> files = Files.list(returns)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(cn.nianbao.util.FileNames.agency(agency))
                    && p.getFileName().toString().endsWith("-退回.eml"));
        }
    }
}
