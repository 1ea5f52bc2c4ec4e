package cn.nianbao.cli;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.InputFiles;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.report.Batch;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.TextSummary;
import cn.nianbao.report.WordTables;
import cn.nianbao.spec.Formats;
import cn.nianbao.spec.Severity;
import cn.nianbao.util.FileNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"把报表的表二、三、四写成国家格式的 Word 表格（合并的表头、标签、所填的数字，空白仍是空白），可直接粘贴进年度报告。",
            "Writes each filing's three tables as a Word document in the national layout, ready to paste into the report."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = RunOptions.INPUTS)
    List<Path> paths;

    @Option(names = "--docx", required = true, paramLabel = "DIR",
            description = "输出文件夹：每份报表写成一个“单位-年度.docx”（没有时新建）")
    Path docx;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(paths, "输入");
        if (Files.exists(docx) && !Files.isDirectory(docx)) {
            throw NianbaoException.usage("--docx 应为文件夹，" + docx + " 是一个文件");
        }
        Guard.notAnInput(docx, "输出文件夹（--docx）", paths);
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, paths);
        InputFiles.Expanded files = Runs.expand(paths);
        CompilerHints.forBatch(files.inputs().size());
        List<ReadResult> results = Batch.read(new WorkbookReader(formats), files, run.threads,
                new Progress(spec.commandLine().getErr(), "读取", files.inputs().size(), run.quiet));
        TextSummary.Counts counts = TextSummary.print(out, results, files.skipped(), Checker::all);
        if (counts.noWorkbook() != null) {
            out.println(counts.noWorkbook());
            out.flush();
            return ExitCodes.FINDINGS;
        }
        Map<ReadResult, Path> targets = new LinkedHashMap<>();
        Set<Path> used = new HashSet<>();
        for (ReadResult r : results) {
            if (r.readable()) {
                String stem = FileNames.agency(r.filing().agency()) + "-" + r.filing().year();
                Path p = docx.resolve(stem + ".docx");
                for (int n = 2; used.contains(p); n++) {
                    p = docx.resolve(FileNames.numbered(stem, n, ".docx"));
                }
                used.add(p);
                targets.put(r, p);
            }
        }
        guard.replaceable(OutputGuard.Kind.WORD_TABLES, targets.values());
        try {
            Files.createDirectories(docx);
            for (Map.Entry<ReadResult, Path> e : targets.entrySet()) {
                Filing f = e.getKey().filing();
                WordTables.write(f, e.getValue());
                long errors = Checker.all(e.getKey()).stream().filter(x -> x.severity() == Severity.ERROR).count();
                out.println("已写出 Word 表格：" + e.getValue() + "（" + f.agency() + "，" + f.year() + "年，" + f.spec().title() + "）"
                        + (errors == 0 ? "" : "。注意：这份报表有 " + errors + " 条错误，数字按报表原样写出，发布之前请先改正"));
            }
        } catch (IOException e) {
            throw NianbaoException.io(e);
        }
        out.flush();
        return counts.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
