package cn.nianbao.cli;

import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.spec.Severity;
import cn.nianbao.template.CarryOver;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"为一个单位生成某年度的锁定填报模板（.xlsx）。",
            "封面有单位自由填写的“填报说明”框；“校验”工作表的警告级别规则（C2）旁有“单位说明”一栏，读回时随问题一起报告。",
            "Writes the locked template one agency fills for one year."})
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, description = "报告年度，如 2024")
    int year;

    @Option(names = "--agency", required = true, description = "单位名称，如 衢州市应急管理局")
    String agency;

    @Option(names = "--code", description = "统一社会信用代码（18位，可选；会核对校验位）")
    String code;

    @Option(names = "--format", description = "表格格式，如 2021、2019（默认按年度：2021年以前用2019版）")
    String format;

    @Option(names = "--previous", paramLabel = "FILE", description = "上年已填报的工作簿：用其“四、结转下年度继续办理”预填并锁定本年“二、上年结转”")
    Path previous;

    @Option(names = "--password", description = "工作表保护密码（可选；不设则无密码保护，仍可防误改）")
    String password;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "输出文件（默认：单位名称-年度.xlsx）")
    Path output;

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = agency.strip();
        if (name.isEmpty()) {
            throw NianbaoException.usage("--agency 不能为空");
        }
        Guard.year(year, "--year");
        String credit = Guard.code(code, "--code");
        Formats formats = Formats.builtIn();
        FormatSpec fmt;
        try {
            fmt = format == null ? formats.forYear(year) : formats.get(format);
        } catch (IllegalArgumentException e) {
            throw NianbaoException.usage("--format " + format + "：没有这个表格格式，可选 " + String.join("、", formats.ids()));
        }
        if (!fmt.coversYear(year)) {
            err.println("注意：" + year + "年的报告通常不使用" + fmt.title() + "，已按 --format 生成。");
        }
        Path target = output != null ? output : Path.of(cn.nianbao.util.FileNames.agency(name) + "-" + year + ".xlsx");
        if (previous != null) {
            Guard.inputsExist(List.of(previous), "上年的报表（--previous）");
            Guard.notAnInput(target, "模板", List.of(previous));
        }
        Guard guard = new Guard(formats, force.force, previous == null ? List.of() : List.of(previous));
        guard.replaceable(OutputGuard.Kind.TEMPLATE, target);
        TemplateRequest req = TemplateRequest.of(fmt, year, name, credit);
        if (previous != null) {
            ReadResult prev = new WorkbookReader(formats).read(previous);
            if (!prev.readable()) {
                throw new NianbaoException(ExitCodes.FINDINGS, "上年文件 " + previous + " 无法读取：" + prev.reason());
            }
            for (Finding f : prev.findings()) {
                if (f.severity() == Severity.ERROR) {
                    err.println("注意：上年文件有问题：" + f.message());
                }
            }
            if (!prev.filing().agency().equals(name)) {
                err.println("注意：上年文件的单位是“" + prev.filing().agency() + "”，不是“" + name + "”。");
            }
            CarryOver.Result carry = CarryOver.from(prev.filing(), fmt, year);
            carry.warnings().forEach(w -> err.println("注意：" + w));
            req = req.withCarriedOver(carry.values(), carry.source());
        }
        new TemplateWriter(Protection.withPassword(password)).write(req, target);
        out.println("已生成模板：" + target);
        out.println("  " + name + (credit.isEmpty() ? "" : "（" + credit + "）") + " " + year + "年，" + fmt.title()
                + "；填写单元格 " + fmt.inputCells().size() + " 个，实时校验 " + fmt.ruleInstances().size() + " 条"
                + (req.carriedOver().isEmpty() ? "" : "；上年结转已预填 " + req.carriedOver().size() + " 格并锁定"));
        return ExitCodes.OK;
    }
}
