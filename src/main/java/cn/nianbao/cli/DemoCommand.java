package cn.nianbao.cli;

import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"用自带的示例数据演示：按名册发出模板、收集一轮报送（邮件、压缩包）、读回报表、检查勾稽关系、跨年核对。",
            "Runs the main jobs on bundled data: a collection round, read back, check, reconcile."})
final class DemoCommand implements Callable<Integer> {
    /** Filled workbooks carrying the numbers of real published reports (fixtures/seeds), by year. */
    static final List<String> REAL_2023 = List.of("焦作市应急管理局-2023.xlsx", "聊城市应急管理局-2023.xlsx",
            "尖山区应急管理局-2023.xlsx");
    static final List<String> REAL_2024 = List.of("衢州市应急管理局-2024.xlsx");
    /** Demonstration filings with planted problems (fixtures/demo): not real reports. */
    static final List<String> DEMO_2024 = List.of("焦作市应急管理局-2024.xlsx", "聊城市应急管理局-2024.xlsx");
    /**
     * Demonstration filings of three agencies over 2020–2024 (fixtures/history), for reconcile over
     * several years: 2020 in the 2019 format, 演示县应急管理局 renamed in 2022 (别名.csv), 演示县水利局
     * without 2022, 演示县财政局's carry-over broken in 2023.
     */
    static final List<String> HISTORY = List.of(
            "演示县财政局-2020.xlsx", "演示县财政局-2021.xlsx", "演示县财政局-2022.xlsx", "演示县财政局-2023.xlsx",
            "演示县财政局-2024.xlsx", "演示县安全生产监督管理局-2020.xlsx", "演示县安全生产监督管理局-2021.xlsx",
            "演示县应急管理局-2022.xlsx", "演示县应急管理局-2023.xlsx", "演示县应急管理局-2024.xlsx",
            "演示县水利局-2020.xlsx", "演示县水利局-2021.xlsx", "演示县水利局-2023.xlsx", "演示县水利局-2024.xlsx");

    /**
     * The collection round (fixtures/round): its inbox, each file with the time it arrived when
     * it carries none itself (a saved workbook; messages have their Date, zip entries their time).
     */
    static final java.util.Map<String, java.time.LocalDateTime> INBOX = new java.util.TreeMap<>(java.util.Map.of(
            "衢州市应急管理局-2024.xlsx", java.time.LocalDateTime.of(2025, 1, 15, 10, 0),
            "焦作-第一次报送.eml", java.time.LocalDateTime.of(2025, 1, 10, 9, 30),
            "焦作-更正.eml", java.time.LocalDateTime.of(2025, 1, 20, 16, 5),
            "聊城回复.eml", java.time.LocalDateTime.of(2025, 2, 3, 11, 20),
            "尖山区应急管理局.zip", java.time.LocalDateTime.of(2025, 1, 25, 14, 30)));

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "nianbao-demo", paramLabel = "DIR",
            description = "输出文件夹（默认 nianbao-demo）")
    Path dir;

    /** Written into the demo folder: a folder carrying it holds only demo data, which a new run may replace. */
    static final String MARKER = ".nianbao-demo";

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isRegularFile(dir)) {
            throw NianbaoException.usage("演示的输出位置 " + dir + " 是一个文件，请用 -o 指定一个文件夹");
        }
        if (!force.force && Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER)) && !empty(dir)) {
            throw NianbaoException.usage("文件夹 " + dir + " 已存在且不是演示建立的：演示会在里面写入和替换文件。"
                    + "请用 -o 指定另一个文件夹，或移走它；确定要写入时加 --force");
        }
        AtomicFiles.write(dir.resolve(MARKER), o -> o.write("nianbao demo 的输出文件夹：再次运行 demo 会替换其中的演示数据和结果。\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path y2023 = dir.resolve("报表/2023");
        Path y2024 = dir.resolve("报表/2024");
        Path templates = dir.resolve("模板");
        for (String n : REAL_2023) {
            copy("demo/seeds/" + n, y2023.resolve(n));
        }
        for (String n : REAL_2024) {
            copy("demo/seeds/" + n, y2024.resolve(n));
        }
        for (String n : DEMO_2024) {
            copy("demo/extra/" + n, y2024.resolve(n));
        }
        Path round = dir.resolve("收集轮次");
        Path inbox = round.resolve("收件");
        copy("demo/round/名册.csv", round.resolve("名册.csv"));
        for (java.util.Map.Entry<String, java.time.LocalDateTime> e : INBOX.entrySet()) {
            Path f = inbox.resolve(e.getKey());
            copy("demo/round/收件/" + e.getKey(), f);
            java.nio.file.Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                    e.getValue().atZone(cn.nianbao.round.Collector.ZONE).toInstant()));
        }
        out.println("演示数据已复制到 " + dir + "：");
        out.println("  报表/2023/ 焦作、聊城、尖山区应急管理局，报表/2024/ 衢州市应急管理局 —— 数字取自其公开发布的年度报告；");
        out.println("  报表/2024/ 焦作、聊城市应急管理局 —— 演示用的虚构数据，故意留有问题；");
        Path history = dir.resolve("历年");
        for (String n : HISTORY) {
            copy("demo/history/" + n, history.resolve("报表").resolve(n.substring(n.length() - 9, n.length() - 5)).resolve(n));
        }
        copy("demo/history/别名.csv", history.resolve("别名.csv"));
        out.println("  历年/报表/ 三个演示县单位 2020–2024 年的报表（2020 年为 2019 版格式；应急管理局 2022 年更名，见 历年/别名.csv；"
                + "水利局缺 2022 年；财政局 2023 年的上年结转与 2022 年不符）—— 演示用的虚构数据；");
        out.println("  收集轮次/ 名册（5 个单位）和收件箱：衢州的工作簿、焦作的两封邮件（第一次报送和更正）、聊城逾期的 GBK 邮件、");
        out.println("           尖山区的 .zip（GBK 文件名），应急管理部没有报送 —— 除衢州外的 2024 年数字都是演示用的虚构数据。");
        out.println();
        // A whole collection round first: issue the templates, then collect what came back.
        int rc = step(out, "issue", "--roster", round.resolve("名册.csv").toString(), "--year", "2024",
                "--previous", y2023.toString(), "-o", round.resolve("发出").toString());
        Path collected = round.resolve("2024-收集情况.xlsx");
        step(out, "collect", "--roster", round.resolve("名册.csv").toString(), "--year", "2024",
                "--inbox", inbox.toString(), "--previous", y2023.toString(),
                "-o", collected.toString(), "--returns", round.resolve("退回").toString());
        out.println("（collect 退出码为 1：聊城有错误，应急管理部未提交——演示数据本来如此。）");
        out.println();
        rc = Math.max(rc, step(out, "template", "--year", "2025", "--agency", "衢州市应急管理局",
                "--code", "11330800002618736G",
                "--previous", y2024.resolve("衢州市应急管理局-2024.xlsx").toString(),
                "-o", templates.resolve("衢州市应急管理局-2025.xlsx").toString()));
        rc = Math.max(rc, step(out, "template", "--year", "2020", "--agency", "尖山区应急管理局",
                "-o", templates.resolve("尖山区应急管理局-2020（2019版格式）.xlsx").toString()));
        Path csv = dir.resolve("2023-读回.csv");
        rc = Math.max(rc, step(out, "read", y2023.toString(), "--csv", csv.toString()));
        // The 2024 demonstration filings carry planted problems, so check and reconcile exit 1 here.
        Path returns = dir.resolve("退回");
        Path checked = dir.resolve("2024-问题清单.xlsx");
        step(out, "check", y2024.toString(), "-o", checked.toString(), "--returns", returns.toString());
        Path reconciled = dir.resolve("2023-2024-对账.xlsx");
        step(out, "reconcile", "--previous", y2023.toString(), "--current", y2024.toString(),
                "-o", reconciled.toString(), "--returns", returns.toString());
        out.println("（check 和 reconcile 发现问题时退出码为 1：2024 年的演示数据故意留有问题。）");
        out.println();
        // Every year of every agency in one run: the chains of 历年/报表/.
        Path years = dir.resolve("历年核对.xlsx");
        step(out, "reconcile", history.resolve("报表").toString(), "--aliases", history.resolve("别名.csv").toString(),
                "-o", years.toString(), "--csv", dir.resolve("历年.csv").toString());
        out.println("（历年核对退出码为 1：财政局 2023 年的上年结转与 2022 年的结转下年度不符（C1），水利局缺 2022 年（M3）；"
                + "应急管理局更名前后按别名连成一串。）");
        out.println();
        // Published reports as text: one whose tables survived, one whose tables were images.
        Path published = dir.resolve("公开报告");
        copy("demo/seeds/000_a201d3f6644c5ea6.txt", published.resolve("焦作市应急管理局2023年报告.txt"));
        copy("demo/seeds/002_ad8c1196866d992c.txt", published.resolve("应急管理部2023年报告（表格为图片）.txt"));
        step(out, "import", published.resolve("焦作市应急管理局2023年报告.txt").toString(),
                published.resolve("应急管理部2023年报告（表格为图片）.txt").toString(), "-o", published.resolve("导入").toString());
        out.println("（import 退出码为 1：应急管理部的报告中表格是图片，没有找到表二、三、四，也就不写出模板。"
                + "焦作的导入结果与 报表/2023/ 中按原文转录的报表数字相同。）");
        out.println();
        out.println("先打开：" + collected + " —— 谁交了、谁没交、谁逾期、谁要改什么（第一个工作表有进度图），"
                + "同一文件夹里的 …-汇总.xlsx 是本轮加总，" + round.resolve("退回") + " 里是退回和催报的邮件草稿。");
        out.println("再打开：" + round.resolve("发出/焦作市应急管理局-2024.xlsx")
                + " —— 只有白色单元格可以填写，“二、上年结转”已按上年报表预填并锁定，“校验”工作表实时显示勾稽关系。");
        out.println("然后看：" + reconciled + " —— 汇总、问题清单（点单元格地址可跳到原文件）、跨年核对；"
                + returns + " 里是发回各单位的标注副本，问题单元格标红并有批注。");
        out.println("历年核对看：" + years + " —— 历年趋势（各年合计和折线图）、历年（每个单位每年一行，筛选“缺报”“有错误”）、"
                + "跨年核对（相邻两年逐对）、问题清单（C1、M3）。");
        out.flush();
        return rc;
    }

    private static boolean empty(Path d) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NianbaoException(ExitCodes.INTERNAL, "演示数据缺失：" + resource);
            }
            AtomicFiles.write(target, in::transferTo);
        }
    }

    private int step(PrintWriter out, String... given) {
        String[] args = given;
        if (force.force) {
            args = java.util.Arrays.copyOf(given, given.length + 1);
            args[given.length] = "--force";
        }
        out.println("$ nianbao " + String.join(" ", args));
        out.flush();
        int rc = Main.commandLine().setOut(out).setErr(spec.commandLine().getErr()).execute(args);
        out.println();
        return rc;
    }
}
