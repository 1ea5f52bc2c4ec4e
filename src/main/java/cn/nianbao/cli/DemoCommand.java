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
        description = {"用自带的示例数据演示：发出模板、读回四个真实单位的报表。",
            "Runs the main job on bundled data: issue templates, read filled workbooks back."})
final class DemoCommand implements Callable<Integer> {
    /** Filled workbooks carrying the numbers of four real published reports (fixtures/seeds). */
    static final List<String> FILLED = List.of(
            "焦作市应急管理局-2023.xlsx", "聊城市应急管理局-2023.xlsx", "尖山区应急管理局-2023.xlsx", "衢州市应急管理局-2024.xlsx");

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "nianbao-demo", paramLabel = "DIR",
            description = "输出文件夹（默认 nianbao-demo）")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path filled = dir.resolve("已填报");
        Path templates = dir.resolve("模板");
        for (String name : FILLED) {
            try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream("demo/" + name)) {
                if (in == null) {
                    throw new NianbaoException(ExitCodes.INTERNAL, "演示数据缺失：demo/" + name);
                }
                AtomicFiles.write(filled.resolve(name), in::transferTo);
            }
        }
        out.println("演示数据：四个单位已填报的报表（数字取自其公开发布的年度报告）已复制到 " + filled);
        out.println();
        int rc = step(out, "template", "--year", "2024", "--agency", "焦作市应急管理局",
                "--previous", filled.resolve("焦作市应急管理局-2023.xlsx").toString(),
                "-o", templates.resolve("焦作市应急管理局-2024.xlsx").toString());
        rc = Math.max(rc, step(out, "template", "--year", "2025", "--agency", "衢州市应急管理局",
                "--code", "11330800002618736G",
                "--previous", filled.resolve("衢州市应急管理局-2024.xlsx").toString(),
                "-o", templates.resolve("衢州市应急管理局-2025.xlsx").toString()));
        rc = Math.max(rc, step(out, "template", "--year", "2020", "--agency", "尖山区应急管理局",
                "-o", templates.resolve("尖山区应急管理局-2020（2019版格式）.xlsx").toString()));
        Path csv = dir.resolve("读回.csv");
        rc = Math.max(rc, step(out, "read", filled.toString(), "--csv", csv.toString()));
        out.println();
        out.println("先打开：" + templates.resolve("焦作市应急管理局-2024.xlsx")
                + " —— 只有白色单元格可以填写，“二、上年结转”已按上年报表预填并锁定，“校验”工作表实时显示勾稽关系。");
        out.println("再打开：" + csv + " —— 四份报表的每一个数字，一格一行。");
        out.flush();
        return rc;
    }

    private int step(PrintWriter out, String... args) {
        out.println("$ nianbao " + String.join(" ", args));
        out.flush();
        int rc = Main.commandLine().setOut(out).setErr(spec.commandLine().getErr()).execute(args);
        out.println();
        return rc;
    }
}
