package cn.nianbao.cli;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.report.CsvExport;
import cn.nianbao.report.Imports;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.TextSummary;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"把已发布的年度报告（PDF、Word、网页、文字）或别人做的工作簿中的表二、三、四按标签读出来，写成填好的模板。",
            "Imports the national tables from a published report or any workbook into a filled template."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "年度报告：.pdf（有文字层）、.docx/.doc、网页 .html/.htm/.mhtml/.mht、文字 .txt（UTF-8、GBK 或 UTF-16）；或工作簿（.xlsx/.xls）")
    List<Path> files;

    @Option(names = "--agency", paramLabel = "NAME", description = "单位名称（不指定时取自报告标题或文件名）")
    String agency;

    @Option(names = "--year", paramLabel = "YYYY", description = "报告年度（不指定时取自标题、统计期限或文件名）")
    Integer year;

    @Option(names = "--code", paramLabel = "CODE", description = "统一社会信用代码（18位，会核对校验位；不指定时取自索引号）")
    String code;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "输出：一个文件时可为 .xlsx 文件名；否则为文件夹（每份写成“单位-年度.xlsx”）。默认当前文件夹")
    Path output;

    @Option(names = "--csv", paramLabel = "FILE", description = "另把每个单元格写成一行 CSV（与 read --csv 相同）")
    Path csv;

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Guard.inputsExist(files, "输入");
        Formats formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force, files);
        if (year != null) {
            Guard.year(year, "--year");
        }
        if (code != null && Guard.code(code, "--code").isEmpty()) {
            throw NianbaoException.usage("--code " + code + "：不能为空");
        }
        boolean named = output != null && output.getFileName() != null
                && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (named && files.size() > 1) {
            throw new NianbaoException(ExitCodes.USAGE, "导入多个文件时 -o 应为文件夹，不能是一个 .xlsx 文件名");
        }
        Guard.notAnInput(output, "输出（-o）", files);
        Guard.notAnInput(csv, "CSV（--csv）", files);
        guard.replaceable(OutputGuard.Kind.CSV, csv);
        boolean oneFile = named;
        if (oneFile) {
            guard.replaceable(OutputGuard.Kind.IMPORTED, List.of(output)); // before reading anything: a filled workbook there stays
        }
        // With --csv and no -o only the CSV is written; without either, templates go into the current folder.
        boolean templates = output != null || csv == null;
        Path dir = oneFile ? null : output == null ? Path.of(".") : output;
        LabelReader.Hints hints = new LabelReader.Hints(agency, year, code);
        Imports imports = new Imports(formats);
        List<ReadResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(imports.read(f, hints));
        }
        TextSummary.Counts counts = TextSummary.print(out, results, List.of(), Checker::all);
        Map<Filing, Path> targets = new LinkedHashMap<>();
        for (ReadResult r : results) {
            if (!r.readable()) {
                continue;
            }
            Filing f = r.filing();
            if (Imports.noTables(f)) {
                out.println("没有写出模板：" + r.file() + " 中没有找到任何一张统计表（表二、三、四），不会凭空生成数字。");
                continue;
            }
            targets.put(f, !templates ? null : oneFile ? output : imports.target(dir, f));
        }
        if (templates) {
            guard.replaceable(OutputGuard.Kind.IMPORTED, targets.values());
        }
        List<Filing> written = new ArrayList<>();
        for (Map.Entry<Filing, Path> e : targets.entrySet()) {
            Filing f = e.getKey();
            if (templates) {
                try {
                    Imports.write(f, e.getValue());
                } catch (IOException ex) {
                    throw NianbaoException.io(ex);
                }
                out.println("已写成填好的模板：" + e.getValue() + "（" + f.agency() + "，" + f.year() + "年，" + f.spec().title() + "）");
            }
            written.add(f);
        }
        if (csv != null) {
            try {
                AtomicFiles.write(csv, o -> CsvExport.write(written, o));
            } catch (IOException e) {
                throw NianbaoException.io(e);
            }
            out.println("CSV 已写入：" + csv + "（" + written.size() + " 份报表）");
        }
        out.flush();
        return counts.failed() || written.size() < results.size() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
