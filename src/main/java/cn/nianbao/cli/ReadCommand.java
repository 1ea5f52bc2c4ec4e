package cn.nianbao.cli;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.report.Batch;
import cn.nianbao.report.CsvExport;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.TextSummary;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"读回已填报的工作簿（.xlsx/.xls）或已发布的年度报告（按标签读取），文件或文件夹，输出每个数字。",
            "单位的填报说明和单位说明一并显示；单位说明过的警告标为“已说明”，不算未处理（错误仍是错误）。",
            "Reads filled workbooks back, every number exactly."})
final class ReadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = RunOptions.INPUTS)
    List<Path> paths;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "把每个单元格写成一行 CSV：file,agency,code,year,format,table,row,column,value（UTF-8 带 BOM）")
    Path csv;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(paths, "输入");
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, paths);
        Guard.notAnInput(csv, "CSV（--csv）", paths);
        guard.replaceable(OutputGuard.Kind.CSV, csv);
        InputFiles.Expanded files = Runs.expand(paths);
        CompilerHints.forBatch(files.inputs().size());
        WorkbookReader reader = new WorkbookReader(formats);
        List<ReadResult> results = Batch.read(reader, files, run.threads,
                new Progress(spec.commandLine().getErr(), "读取", files.inputs().size(), run.quiet));
        TextSummary.Counts counts = TextSummary.print(out, results, files.skipped(), Checker::all);
        if (counts.noWorkbook() != null) {
            out.println(counts.noWorkbook());
            out.flush();
            return ExitCodes.FINDINGS;
        }
        if (csv != null) {
            List<Filing> filings = results.stream().filter(ReadResult::readable).map(ReadResult::filing).toList();
            try {
                AtomicFiles.write(csv, o -> CsvExport.write(filings, o));
            } catch (IOException e) {
                throw NianbaoException.io(e);
            }
            out.println("CSV 已写入：" + csv + "（" + filings.size() + " 份报表）");
        }
        out.flush();
        return counts.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
