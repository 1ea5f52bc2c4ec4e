package cn.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.nianbao.TestSupport;
import cn.nianbao.read.WorkbookReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a person could not get back is replaced, and every failure to write says where and why
 * in Chinese (issue: trust at the edges). Each test names the situation a user met.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path filled(String agency, int year, Path file) throws IOException {
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        v.put("t3.received.natural", BigDecimal.valueOf(4));
        v.put("t3.disclosed.natural", BigDecimal.valueOf(4));
        return TestSupport.filled(TestSupport.request("2021", year, agency, ""), v, file);
    }

    private static List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    // ---- An output is never an input, nor inside a folder being read ----

    @Test
    void checkRefusesToWriteOverItsInput() throws IOException {
        Path in = filled("常山县教育局", 2023, dir.resolve("in.xlsx"));
        byte[] before = Files.readAllBytes(in);
        CliTest.Run r = CliTest.run("check", in.toString(), "-o", in.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("就是输入").contains(in.toString());
        assertThat(r.out()).as("refused before anything is read").doesNotContain("文件 1 个");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);

        // The same file by another spelling: "..", and a symbolic link.
        Path viaDots = dir.resolve("sub/../in.xlsx");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(CliTest.run("check", in.toString(), "-o", viaDots.toString()).code()).isEqualTo(ExitCodes.USAGE);
        Path link = dir.resolve("链接.xlsx");
        Files.createSymbolicLink(link, in);
        CliTest.Run viaLink = CliTest.run("check", link.toString(), "-o", in.toString());
        assertThat(viaLink.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(viaLink.err()).contains(link.toString()).contains(in.toString());
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void outputsInsideAFolderBeingReadAreRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("2024"));
        filled("甲局", 2024, folder.resolve("甲局.xlsx"));
        for (String[] args : List.of(
                new String[] {"check", folder.toString(), "-o", folder.resolve("问题清单.xlsx").toString()},
                new String[] {"check", folder.toString(), "--returns", folder.resolve("退回").toString()},
                new String[] {"read", folder.toString(), "--csv", folder.resolve("sub/读回.csv").toString()},
                new String[] {"reconcile", "--previous", folder.toString(), "--current", dir.resolve("x.xlsx").toString(),
                    "-o", folder.resolve("对账.xlsx").toString()})) {
            if (args[0].equals("reconcile")) {
                filled("甲局", 2025 - 1, dir.resolve("x.xlsx"));
            }
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("在要读取的文件夹").contains(folder.toString());
        }
        assertThat(files(folder)).containsExactly(folder.resolve("甲局.xlsx"));
    }

    /**
     * --force lets a run replace files that are not ours, never one of its inputs: the return copy
     * of a filing in the --returns folder would land on another input of the run.
     */
    @Test
    void forceNeverReplacesAnInput() throws IOException {
        Path returns = Files.createDirectories(dir.resolve("退回"));
        Map<String, BigDecimal> v = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        v.put("t3.received.natural", BigDecimal.valueOf(5)); // R1: five received, none handled
        Path broken = TestSupport.filled(TestSupport.request("2021", 2023, "常山县教育局", ""), v, dir.resolve("常山县教育局.xlsx"));
        Path other = filled("常山县教育局", 2023, returns.resolve("常山县教育局-2023-问题标注.xlsx"));
        byte[] before = Files.readAllBytes(other);
        CliTest.Run r = CliTest.run("check", broken.toString(), other.toString(), "--returns", returns.toString(), "--force");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("就是输入").contains(other.toString());
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
    }

    // ---- An existing file is replaced only when it is our own output of that kind, untouched ----

    @Test
    void aTemplateNeverReplacesAFilledWorkbook() throws IOException {
        Path target = filled("常山县教育局", 2023, dir.resolve("常山县教育局-2023.xlsx"));
        byte[] before = Files.readAllBytes(target);
        CliTest.Run r = CliTest.run("template", "--agency", "常山县教育局", "--year", "2023", "-o", target.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(target.toString()).contains("已填写的报表").contains("--force");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);

        // A blank template we issued is ours and holds nothing typed: issuing again replaces it.
        Path blank = dir.resolve("空白.xlsx");
        assertThat(CliTest.run("template", "--agency", "乙局", "--year", "2023", "-o", blank.toString()).code()).isZero();
        assertThat(CliTest.run("template", "--agency", "乙局", "--year", "2023", "-o", blank.toString()).code()).isZero();

        // --force replaces even a filled one, when the user says so.
        assertThat(CliTest.run("template", "--agency", "常山县教育局", "--year", "2023", "-o", target.toString(), "--force")
                .code()).isZero();
        assertThat(new WorkbookReader(TestSupport.FORMATS).read(target).filing().value("t3.received.natural").isBlank()).isTrue();
    }

    @Test
    void issueChecksEveryFileBeforeWritingAny() throws IOException {
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, "单位名称,统一社会信用代码,联系邮箱\n常山县教育局,,a@example.cn\n常山县财政局,,b@example.cn\n",
                StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("发出"));
        Path filledOne = filled("常山县财政局", 2023, out.resolve("常山县财政局-2023.xlsx"));
        byte[] before = Files.readAllBytes(filledOne);
        CliTest.Run r = CliTest.run("issue", "--roster", roster.toString(), "--year", "2023", "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("常山县财政局-2023.xlsx").contains("已填写");
        assertThat(files(out)).as("nothing written when one file is refused").containsExactly(filledOne);
        assertThat(Files.readAllBytes(filledOne)).isEqualTo(before);

        Files.delete(filledOne);
        assertThat(CliTest.run("issue", "--roster", roster.toString(), "--year", "2023", "-o", out.toString()).code()).isZero();
        // Issued again: every file is our own blank template or draft, so it is replaced.
        assertThat(CliTest.run("issue", "--roster", roster.toString(), "--year", "2023", "-o", out.toString()).code()).isZero();
        assertThat(files(out)).hasSize(4);

        // A draft the supervisor edited (a line added to its text, our header kept) is theirs now.
        Path draft = out.resolve("常山县财政局-2023.eml");
        String edited = Files.readString(draft, StandardCharsets.ISO_8859_1).replace("X-Unsent: 1", "X-Unsent: 1\r\nCc: boss@example.cn");
        Files.writeString(draft, edited, StandardCharsets.ISO_8859_1);
        CliTest.Run mine = CliTest.run("issue", "--roster", roster.toString(), "--year", "2023", "-o", out.toString());
        assertThat(mine.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mine.err()).contains("常山县财政局-2023.eml").contains("又被人改动过的邮件草稿");
        assertThat(Files.readString(draft, StandardCharsets.ISO_8859_1)).isEqualTo(edited);
        Files.delete(draft);

        // A foreign file under a draft's name is refused.
        Files.writeString(out.resolve("常山县教育局-2023.eml"), "我自己写的信\n", StandardCharsets.UTF_8);
        CliTest.Run foreign = CliTest.run("issue", "--roster", roster.toString(), "--year", "2023", "-o", out.toString());
        assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("常山县教育局-2023.eml").contains("不是本工具写出的文件");
        assertThat(Files.readString(out.resolve("常山县教育局-2023.eml"))).isEqualTo("我自己写的信\n");
    }

    @Test
    void listsAndCsvReplaceOnlyTheirOwnKind() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        filled("甲局", 2024, in.resolve("甲局.xlsx"));
        Path list = dir.resolve("问题清单.xlsx");
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).isZero();
        assertThat(CliTest.run("check", in.toString(), "-o", list.toString()).code()).as("an earlier 问题清单").isZero();

        Path someonesWorkbook = filled("乙局", 2024, dir.resolve("乙局的报表.xlsx"));
        CliTest.Run r = CliTest.run("check", in.toString(), "-o", someonesWorkbook.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("乙局的报表.xlsx").contains("已填写");

        Path csv = dir.resolve("读回.csv");
        assertThat(CliTest.run("read", in.toString(), "--csv", csv.toString()).code()).isZero();
        assertThat(CliTest.run("read", in.toString(), "--csv", csv.toString()).code()).as("our own export").isZero();
        // Our export with a note typed into a spare column is the supervisor's now.
        String annotated = Files.readString(csv).replaceFirst("(\r\n[^\r\n]*)", "$1,电话已催");
        Files.writeString(csv, annotated);
        CliTest.Run typed = CliTest.run("read", in.toString(), "--csv", csv.toString());
        assertThat(typed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typed.err()).contains("又被人改动过的 CSV");
        assertThat(Files.readString(csv)).isEqualTo(annotated);
        Path notes = dir.resolve("笔记.csv");
        Files.writeString(notes, "单位,备注\n甲局,电话已催\n", StandardCharsets.UTF_8);
        CliTest.Run n = CliTest.run("read", in.toString(), "--csv", notes.toString());
        assertThat(n.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(notes)).contains("电话已催");
        // Our own output of another kind is not replaced either: a 问题清单 is no CSV.
        CliTest.Run other = CliTest.run("read", in.toString(), "--csv", list.toString());
        assertThat(other.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("问题清单工作簿").contains("不是CSV");
    }

    @Test
    void anImportedReportIsReplacedOnlyWhileNobodyChangedIt() throws IOException {
        Path report = TestSupport.fixtures().resolve("seeds").resolve(
                Files.list(TestSupport.fixtures().resolve("seeds")).map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("000_") && n.endsWith(".txt")).findFirst().orElseThrow());
        Path out = dir.resolve("导入.xlsx");
        assertThat(CliTest.run("import", report.toString(), "-o", out.toString()).code()).isLessThanOrEqualTo(1);
        assertThat(out).exists();
        assertThat(CliTest.run("import", report.toString(), "-o", out.toString()).code()).isLessThanOrEqualTo(1);

        // Someone corrects a number in the imported workbook: it now holds typed content.
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(out.toFile())) {
            var pos = cn.nianbao.TestSupport.FORMATS.get("2021").layout().pos("t3.received.natural");
            wb.getSheet(pos.sheet()).getRow(pos.row()).getCell(pos.col()).setCellValue(999);
            Path changed = dir.resolve("改过.xlsx");
            try (var o = Files.newOutputStream(changed)) {
                wb.write(o);
            }
            CliTest.Run r = CliTest.run("import", report.toString(), "-o", changed.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("改动");
            // Refused before any input is read: nothing of the report is printed first.
            assertThat(r.out()).doesNotContain("[1/1]");
        }
    }

    // ---- Annotated copies this tool wrote are no filings ----

    @Test
    void annotatedCopiesLyingInACheckedFolderAreSkippedNotReadAsDuplicates() throws IOException {
        Path in = Files.createDirectories(dir.resolve("2024"));
        Map<String, BigDecimal> bad = TestSupport.zeros(TestSupport.FORMATS.get("2021"));
        bad.put("t3.received.natural", BigDecimal.valueOf(5));
        TestSupport.filled(TestSupport.request("2021", 2024, "甲局", ""), bad, in.resolve("甲局.xlsx"));
        Path returns = dir.resolve("退回");
        assertThat(CliTest.run("check", in.toString(), "--returns", returns.toString()).code()).isEqualTo(1);
        assertThat(files(returns)).hasSize(1);
        // The supervisor later moves the copies into the checked folder.
        Files.move(returns, in.resolve("退回"));
        CliTest.Run again = CliTest.run("check", in.toString());
        assertThat(again.out()).contains("文件 2 个 = 读取 1 + 无法读取 0 + 跳过 1").doesNotContain("D1");
        Path list = dir.resolve("问题清单.xlsx");
        CliTest.run("check", in.toString(), "-o", list.toString());
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(list.toFile(), null, true)) {
            var summary = wb.getSheet("汇总");
            boolean found = false;
            for (int r = 1; r <= summary.getLastRowNum(); r++) {
                if (summary.getRow(r).getCell(0).getStringCellValue().contains("问题标注")) {
                    assertThat(summary.getRow(r).getCell(5).getStringCellValue()).isEqualTo("跳过");
                    assertThat(summary.getRow(r).getCell(9).getStringCellValue()).contains("退回标注副本");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    // ---- Clear errors when a file cannot be written ----

    @Test
    void anUnwritableOutputNamesThePathAndTheReasonAndLeavesNothing() throws IOException {
        Path notAFolder = dir.resolve("其实是文件");
        Files.writeString(notAFolder, "x");
        Path target = notAFolder.resolve("模板.xlsx");
        CliTest.Run t = CliTest.run("template", "--agency", "甲局", "--year", "2024", "-o", target.toString());
        assertThat(t.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(t.err()).contains("无法写入 " + target).contains("路径中的某一级是文件而不是文件夹")
                .doesNotContain("内部错误").doesNotContain("Exception").doesNotContain(".tmp");

        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, "单位名称\n甲局\n", StandardCharsets.UTF_8);
        CliTest.Run i = CliTest.run("issue", "--roster", roster.toString(), "--year", "2024", "-o", notAFolder.resolve("发出").toString());
        assertThat(i.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(i.err()).contains("无法写入").doesNotContain("内部错误").doesNotContain("Exception");

        Path in = filled("甲局", 2024, dir.resolve("in.xlsx"));
        CliTest.Run c = CliTest.run("read", in.toString(), "--csv", notAFolder.resolve("x.csv").toString());
        assertThat(c.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(c.err()).contains("无法写入 " + notAFolder.resolve("x.csv")).doesNotContain(".tmp");
        assertThat(files(dir)).as("no temporary file left").allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aFolderWithoutWritePermissionSaysSo() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("只读"));
        // An ordinary user loses write permission with chmod; root (as in CI) only with the immutable attribute.
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Process p = new ProcessBuilder("chattr", "+i", locked.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(p.waitFor() == 0, "root, and chattr +i is not available here");
        } else {
            Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        }
        try {
            CliTest.Run t = CliTest.run("template", "--agency", "甲局", "--year", "2024", "-o", locked.resolve("t.xlsx").toString());
            assertThat(t.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(t.err()).contains("权限不足").contains(locked.resolve("t.xlsx").toString()).doesNotContain("内部错误");
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
            } else {
                Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
            }
        }
    }

    @Test
    void outputsFollowTheUmaskNotTheModeOfATemporaryFile() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path t = dir.resolve("t.xlsx");
        assertThat(CliTest.run("template", "--agency", "甲局", "--year", "2024", "-o", t.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(t)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aVeryLongAgencyNameIsIssuedUnderAShortUniqueFileName() throws IOException {
        String base = "中共某某省某某市某某县委员会机构编制委员会办公室暨某某县人民政府办公室政务公开科".repeat(4);
        String a = base + "甲";
        String b = base + "乙";
        assertThat(a.length()).isGreaterThan(140);
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, "单位名称\n" + a + "\n" + b + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("发出");
        CliTest.Run r = CliTest.run("issue", "--roster", roster.toString(), "--year", "2024", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> written = files(out);
        assertThat(written).hasSize(4);
        for (Path p : written) {
            assertThat(p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
            assertThat(p.getFileName().toString().length()).isLessThanOrEqualTo(80);
        }
        assertThat(written.stream().map(p -> p.getFileName().toString()).distinct()).hasSize(4);
        List<String> agencies = written.stream().filter(p -> p.toString().endsWith(".xlsx"))
                .map(p -> new WorkbookReader(TestSupport.FORMATS).read(p).filing().agency()).sorted().toList();
        assertThat(agencies).as("the full names stay inside the files").containsExactlyInAnyOrder(a, b);
    }

    // ---- Inputs, years and empty runs ----

    @Test
    void missingInputsEmptyFoldersAndImpossibleYearsAreSaidPlainly() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Run e = CliTest.run("check", empty.toString());
        assertThat(e.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(e.out()).contains("没有找到任何工作簿");
        CliTest.Run readEmpty = CliTest.run("read", empty.toString());
        assertThat(readEmpty.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(readEmpty.out()).contains("没有找到任何工作簿");

        CliTest.Run nope = CliTest.run("reconcile", "--previous", dir.resolve("nope").toString(), "--current",
                dir.resolve("nope2").toString());
        assertThat(nope.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(nope.err()).contains("不存在").contains("nope").doesNotContain("-1年");
        assertThat(CliTest.run("check", dir.resolve("nope").toString()).code()).isEqualTo(ExitCodes.USAGE);

        int next = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
        for (String y : List.of("2099", "2007", Integer.toString(next + 1))) {
            CliTest.Run t = CliTest.run("template", "--agency", "甲局", "--year", y, "-o", dir.resolve("t" + y + ".xlsx").toString());
            assertThat(t.code()).as(y).isEqualTo(ExitCodes.USAGE);
            assertThat(t.err()).contains("不是可用的报告年度").contains("2008");
        }
        assertThat(CliTest.run("template", "--agency", "甲局", "--year", Integer.toString(next), "-o",
                dir.resolve("next.xlsx").toString()).code()).isZero();
        Path roster = dir.resolve("名册.csv");
        Files.writeString(roster, "单位名称\n甲局\n", StandardCharsets.UTF_8);
        assertThat(CliTest.run("issue", "--roster", roster.toString(), "--year", "2099", "-o", dir.resolve("o").toString()).code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("collect", "--roster", roster.toString(), "--year", "2099", "--inbox", empty.toString(), "-o",
                dir.resolve("c.xlsx").toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("import", roster.toString(), "--year", "2099").code()).isEqualTo(ExitCodes.USAGE);
        CliTest.Run threads = CliTest.run("check", empty.toString(), "--threads", "0");
        assertThat(threads.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(threads.err()).contains("--threads 应为 1 或更大的整数，实为 0");
    }

    @Test
    void importWithOnlyCsvWritesOnlyTheCsv() throws IOException {
        Path report = Files.list(TestSupport.fixtures().resolve("seeds"))
                .filter(p -> p.getFileName().toString().startsWith("000_")).findFirst().orElseThrow();
        Path here = Path.of(".").toAbsolutePath().normalize();
        List<Path> before = xlsxIn(here);
        Path csv = dir.resolve("导入.csv");
        CliTest.Run r = CliTest.run("import", report.toString(), "--csv", csv.toString());
        List<Path> after = xlsxIn(here);
        try {
            assertThat(r.code()).isLessThanOrEqualTo(1);
            assertThat(csv).exists();
            assertThat(after).as("no template written into the current folder").isEqualTo(before);
            assertThat(r.out()).doesNotContain("已写成填好的模板");
        } finally {
            for (Path p : after) {
                if (!before.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<Path> xlsxIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }
}
