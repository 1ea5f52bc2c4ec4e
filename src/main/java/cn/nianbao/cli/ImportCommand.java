package cn.nianbao.cli;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.report.CsvExport;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.spec.Formats;
import cn.nianbao.report.TextSummary;
import cn.nianbao.template.FilledTemplate;
import cn.nianbao.util.AtomicFiles;
import cn.nianbao.util.FileKind;
import cn.nianbao.util.FileNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"把已发布的年度报告（.txt/.html）或别人做的工作簿中的表二、三、四按标签读出来，写成填好的模板。",
            "Imports the national tables from a published report or any workbook into a filled template."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "报告文本（.txt/.html，UTF-8 或 GBK）或工作簿（.xlsx/.xls）")
    List<Path> files;

    @Option(names = "--agency", paramLabel = "NAME", description = "单位名称（不指定时取自报告标题或文件名）")
    String agency;

    @Option(names = "--year", paramLabel = "YYYY", description = "报告年度（不指定时取自标题、统计期限或文件名）")
    Integer year;

    @Option(names = "--code", paramLabel = "CODE", description = "统一社会信用代码（不指定时取自索引号）")
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
        formats = Formats.builtIn();
        Guard guard = new Guard(formats, force.force);
        if (year != null) {
            Guard.year(year, "--year");
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
        // With --csv and no -o only the CSV is written; without either, templates go into the current folder.
        boolean templates = output != null || csv == null;
        Path dir = oneFile ? null : output == null ? Path.of(".") : output;
        LabelReader.Hints hints = new LabelReader.Hints(agency, year, code);
        List<ReadResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(read(f, hints));
        }
        TextSummary.Counts counts = TextSummary.print(out, results, List.of(), Checker::all);
        Map<Filing, Path> targets = new LinkedHashMap<>();
        for (ReadResult r : results) {
            if (!r.readable()) {
                continue;
            }
            Filing f = r.filing();
            if (f.findings().stream().filter(x -> x.code() == cn.nianbao.spec.FindingCode.L1).count() == f.spec().tables().size()) {
                out.println("没有写出模板：" + r.file() + " 中没有找到任何一张统计表（表二、三、四），不会凭空生成数字。");
                continue;
            }
            targets.put(f, !templates ? null : oneFile ? output : unused(dir, FileNames.safe(f.agency() + "-" + f.year())));
        }
        if (templates) {
            guard.replaceable(OutputGuard.Kind.IMPORTED, targets.values());
        }
        List<Filing> written = new ArrayList<>();
        for (Map.Entry<Filing, Path> e : targets.entrySet()) {
            Filing f = e.getKey();
            if (templates) {
                try {
                    write(f, e.getValue());
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
        return counts.unreadable() > 0 || counts.errors() > 0 || written.size() < results.size() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** "单位-年度.xlsx", or with "-2", "-3"… when an earlier input of this run already wrote that name. */
    private final java.util.Set<Path> used = new java.util.HashSet<>();

    private Path unused(Path dir, String stem) {
        Path p = dir.resolve(stem + ".xlsx");
        for (int n = 2; used.contains(p); n++) {
            p = dir.resolve(stem + "-" + n + ".xlsx");
        }
        used.add(p);
        return p;
    }

    private Formats formats;

    /**
     * A workbook by its content, text by its content (an HTML table saved as .xls is text); what
     * is neither, or cannot be looked at, by its name.
     */
    private ReadResult read(Path f, LabelReader.Hints hints) {
        FileKind kind;
        try {
            kind = FileKind.of(f);
        } catch (IOException e) {
            kind = FileKind.OTHER; // the reader says why it cannot be opened
        }
        boolean workbook = kind.workbook() || !kind.text() && FileKind.workbookName(f.getFileName().toString());
        return workbook ? new WorkbookReader(formats).read(f, hints) : new LabelReader(formats).readText(f, hints);
    }

    /** The filing as our template: inputs filled, totals left to the template's formulas. */
    static void write(Filing f, Path target) throws IOException {
        try (XSSFWorkbook wb = FilledTemplate.of(f, cn.nianbao.model.Identity.IMPORTED)) {
            AtomicFiles.write(target, wb::write);
        }
    }
}
