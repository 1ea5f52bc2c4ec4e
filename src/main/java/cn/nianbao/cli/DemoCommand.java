package cn.nianbao.cli;

import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"用自带的示例数据演示：发出模板、读回报表、检查勾稽关系、跨年核对。",
            "Runs the main jobs on bundled data: issue templates, read back, check, reconcile."})
final class DemoCommand implements Callable<Integer> {
    /** Filled workbooks carrying the numbers of real published reports (fixtures/seeds), by year. */
    static final List<String> REAL_2023 = List.of("焦作市应急管理局-2023.xlsx", "聊城市应急管理局-2023.xlsx",
            "尖山区应急管理局-2023.xlsx");
    static final List<String> REAL_2024 = List.of("衢州市应急管理局-2024.xlsx");
    /** Demonstration filings with planted problems (fixtures/demo): not real reports. */
    static final List<String> DEMO_2024 = List.of("焦作市应急管理局-2024.xlsx", "聊城市应急管理局-2024.xlsx");

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "nianbao-demo", paramLabel = "DIR",
            description = "输出文件夹（默认 nianbao-demo）")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
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
        out.println("演示数据已复制到 " + dir.resolve("报表") + "：");
        out.println("  2023/ 焦作、聊城、尖山区应急管理局，2024/ 衢州市应急管理局 —— 数字取自其公开发布的年度报告；");
        out.println("  2024/ 焦作、聊城市应急管理局 —— 演示用的虚构数据，故意留有问题。");
        out.println();
        int rc = step(out, "template", "--year", "2024", "--agency", "焦作市应急管理局",
                "--previous", y2023.resolve("焦作市应急管理局-2023.xlsx").toString(),
                "-o", templates.resolve("焦作市应急管理局-2024.xlsx").toString());
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
        out.println("先打开：" + templates.resolve("焦作市应急管理局-2024.xlsx")
                + " —— 只有白色单元格可以填写，“二、上年结转”已按上年报表预填并锁定，“校验”工作表实时显示勾稽关系。");
        out.println("再打开：" + reconciled + " —— 汇总、问题清单（点单元格地址可跳到原文件）、跨年核对。");
        out.println("然后看：" + returns + " —— 发回各单位的标注副本，问题单元格标红并有批注。");
        out.flush();
        return rc;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NianbaoException(ExitCodes.INTERNAL, "演示数据缺失：" + resource);
            }
            AtomicFiles.write(target, in::transferTo);
        }
    }

    private int step(PrintWriter out, String... args) {
        out.println("$ nianbao " + String.join(" ", args));
        out.flush();
        int rc = Main.commandLine().setOut(out).setErr(spec.commandLine().getErr()).execute(args);
        out.println();
        return rc;
    }
}
