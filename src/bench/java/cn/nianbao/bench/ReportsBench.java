package cn.nianbao.bench;

import cn.nianbao.model.CellValue;
import cn.nianbao.model.Filing;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.label.LabelReader;
import cn.nianbao.report.Imports;
import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.Formats;
import cn.nianbao.util.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --reports N}: published reports as they arrive — a folder of N files made of the
 * corpus (fixtures/corpus, carried in the bench jar: every form of the four seed reports, Word,
 * PDF, web pages and texts, repeated in turn) — imported on the given threads as import reads each
 * file, then by the real {@code import} command (one process, as a user runs it on the folder's
 * files), and a 10-page PDF on one core after warm-up. What each file gives back is checked
 * against the corpus measure (expected.tsv): a fast wrong answer is no answer.
 */
final class ReportsBench {
    /** One fixture of the corpus as the bench jar carries it, with its measure from expected.tsv. */
    record Fixture(String name, String folder, String form, String state, int exact, byte[] bytes) {
        String agency() {
            return folder.substring(0, folder.lastIndexOf('-'));
        }

        int year() {
            return Integer.parseInt(folder.substring(folder.lastIndexOf('-') + 1));
        }
    }

    record Result(int files, int mismatches) {
    }

    private static final Pattern IMPORT_COUNTS = Pattern.compile("合计：找到文件 (\\d+) 个 = 读取 (\\d+) \\+ 无法读取 (\\d+)");

    private final Path dir;
    private final int n;
    private final int threads;
    private final PrintWriter out;
    private final Formats formats = Formats.builtIn();

    ReportsBench(Path dir, int n, int threads, PrintWriter out) {
        this.dir = dir;
        this.n = n;
        this.threads = threads;
        this.out = out;
    }

    /** The corpus carried in the bench jar (or in {@code folder}, laid out as fixtures/corpus), in expected.tsv's order. */
    static List<Fixture> corpus(Path folder) throws IOException {
        List<Fixture> list = new ArrayList<>();
        for (String line : new String(open(folder, "expected.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\t");
            String name = w[0];
            int slash = name.indexOf('/');
            list.add(new Fixture(name, name.substring(0, slash), name.substring(slash + 1), w[1], Integer.parseInt(w[2]),
                    open(folder, name)));
        }
        return list;
    }

    private static byte[] open(Path folder, String name) throws IOException {
        if (folder != null) {
            return Files.readAllBytes(folder.resolve(name));
        }
        try (InputStream in = ReportsBench.class.getResourceAsStream("corpus/" + name)) {
            if (in == null) {
                throw new IOException("the bench jar carries no corpus/" + name + "; give --corpus fixtures/corpus");
            }
            return in.readAllBytes();
        }
    }

    Result run(Bench.Runner runner, Path corpusFolder) throws IOException {
        List<Fixture> corpus = corpus(corpusFolder);
        Path folder = Files.createDirectories(dir.resolve("报告"));
        List<Path> files = new ArrayList<>();
        List<Fixture> of = new ArrayList<>();
        Map<String, Integer> forms = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Fixture f = corpus.get(i % corpus.size());
            // Named as a supervisor saves them: a number, the agency and year, the form (import reads agency and year from it).
            Path p = folder.resolve(String.format("%04d_%s_%s", i + 1, f.folder(), f.form()));
            Files.write(p, f.bytes());
            files.add(p);
            of.add(f);
            forms.merge(f.form().substring(f.form().lastIndexOf('.') + 1), 1, Integer::sum);
        }
        long notYet = of.stream().filter(f -> f.state().equals("not_yet")).count();
        out.printf("导入基准：%d 份报告（语料 %d 种文件轮流复制：%s），其中 %d 份是本版还不能直接读取的 Word/PDF%n", n, corpus.size(),
                forms, notYet);

        Imports imports = new Imports(formats);
        // Warm-up: every distinct fixture read once on this thread.
        for (int i = 0; i < Math.min(corpus.size(), files.size()); i++) {
            imports.read(files.get(i), hints(of.get(i)));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        long t = System.nanoTime();
        List<ReadResult> results = Parallel.map(files, threads, p -> {
            long c = mx.getCurrentThreadCpuTime();
            ReadResult r = imports.read(p, LabelReader.Hints.NONE);
            cpu.addAndGet(mx.getCurrentThreadCpuTime() - c);
            return r;
        }, k -> { });
        double parallel = secs(t);
        double cpuMs = cpu.get() / 1e6 / n;
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String why = check(of.get(i), results.get(i));
            if (why != null) {
                mismatches++;
                if (examples.size() < 5) {
                    examples.add(files.get(i).getFileName() + "：" + why);
                }
            }
        }
        out.printf("导入的读取（%d 线程，每份按 import 的方法读取，不写模板）：%d 份 %.2f 秒，%.1f 毫秒/份；CPU %.1f 毫秒/份，"
                        + "两个核都给它时 1000 份约 %.0f 秒（机器上的其他负载不计在内）%n",
                threads, n, parallel, parallel * 1000 / n, cpuMs, cpuMs * 1000 / 1000 / Math.min(2, threads));
        out.printf("读出的数字与语料测量（expected.tsv）%s%n", mismatches == 0 ? "一致" : "不一致！" + mismatches + " 份：" + examples);

        List<String> args = new ArrayList<>(List.of("import"));
        files.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--csv", dir.resolve("导入.csv").toString()));
        StringWriter captured = new StringWriter();
        t = System.nanoTime();
        int code = runner.run(args.toArray(String[]::new), new PrintWriter(captured));
        double command = secs(t);
        Matcher m = IMPORT_COUNTS.matcher(captured.toString());
        out.printf("import 命令（一个进程，逐份读取，写 CSV）：%d 份 %.2f 秒，%.1f 毫秒/份；退出码 %d；%s%n", n, command, command * 1000 / n, code,
                m.find() ? "读取 " + m.group(2) + "，无法读取 " + m.group(3) : "没有找到合计行");

        perForm(corpus);
        tenPagePdf(corpus);
        return new Result(n, mismatches);
    }

    /** Rounds of {@link #perForm}: the median of them is quoted. */
    private static final int ROUNDS = 7;

    /**
     * Milliseconds per report for each kind of file (文字, 网页, PDF, Word): every distinct fixture
     * of the kind read once per round on this thread, after warm-up; the median of the rounds.
     */
    private void perForm(List<Fixture> corpus) throws IOException {
        Map<String, List<Fixture>> kinds = new LinkedHashMap<>();
        for (String k : List.of("文字", "网页", "PDF", "Word（.docx）", "Word（.doc）")) {
            kinds.put(k, new ArrayList<>());
        }
        for (Fixture f : corpus) {
            kinds.computeIfAbsent(kind(f), k -> new ArrayList<>()).add(f);
        }
        kinds.values().removeIf(List::isEmpty);
        Path folder = Files.createDirectories(dir.resolve("按形式"));
        Imports imports = new Imports(formats);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Fixture>> e : kinds.entrySet()) {
            List<Path> files = new ArrayList<>();
            for (Fixture f : e.getValue()) {
                Path p = folder.resolve(f.folder() + "_" + f.form());
                Files.write(p, f.bytes());
                files.add(p);
            }
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < files.size(); i++) {
                    imports.read(files.get(i), hints(e.getValue().get(i)));
                }
            }
            double[] ms = new double[ROUNDS];
            double[] cpu = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long c = mx.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                for (int i = 0; i < files.size(); i++) {
                    imports.read(files.get(i), hints(e.getValue().get(i)));
                }
                ms[round] = (System.nanoTime() - t) / 1e6 / files.size();
                cpu[round] = (mx.getCurrentThreadCpuTime() - c) / 1e6 / files.size();
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            long notYet = e.getValue().stream().filter(f -> f.state().equals("not_yet")).count();
            parts.add(String.format("%s %.1f 毫秒/份，CPU %.1f（%d 种%s）", e.getKey(), ms[ROUNDS / 2], cpu[ROUNDS / 2], files.size(),
                    notYet == 0 ? "" : "，其中 " + notYet + " 种本版还不能直接读取"));
        }
        out.printf("按形式（单线程、预热后，每种文件各读一遍为一轮，%d 轮的中位数）：%s%n", ROUNDS, String.join("；", parts));
    }

    /** The kind of file a fixture is, by its extension: 文字, 网页, PDF, Word (.docx), Word (.doc). */
    static String kind(Fixture f) {
        String ext = f.form().substring(f.form().lastIndexOf('.') + 1);
        return switch (ext) {
            case "txt" -> "文字";
            case "html", "htm", "mhtml" -> "网页";
            case "pdf" -> "PDF";
            case "docx" -> "Word（.docx）";
            case "doc" -> "Word（.doc）";
            default -> ext;
        };
    }

    /** A 10-page PDF (report-long.pdf) imported on one core after warm-up: the median of 15 runs. */
    private void tenPagePdf(List<Fixture> corpus) throws IOException {
        Fixture pdf = corpus.stream().filter(f -> f.form().equals("report-long.pdf")).findFirst().orElse(null);
        if (pdf == null) {
            out.println("10 页 PDF：语料中没有 report-long.pdf，跳过");
            return;
        }
        Path p = dir.resolve("10页报告.pdf");
        Files.write(p, pdf.bytes());
        Imports imports = new Imports(formats);
        LabelReader.Hints hints = hints(pdf);
        ReadResult r = null;
        for (int i = 0; i < 10; i++) {
            r = imports.read(p, hints);
        }
        double[] ms = new double[15];
        double[] cpu = new double[15];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ms.length; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            r = imports.read(p, hints);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        boolean tables = r.readable() && !Imports.noTables(r.filing());
        out.printf("10 页 PDF（%s，%d 字节）单线程、预热后：%.1f 毫秒，CPU %.1f 毫秒（15 次的中位数）；%s%n", pdf.name(), pdf.bytes().length,
                ms[ms.length / 2], cpu[cpu.length / 2],
                tables ? "读出了表格" : "本版不能直接读取 PDF，没有找到表格：所测只是判断它读不出来的时间");
    }

    private static LabelReader.Hints hints(Fixture f) {
        return new LabelReader.Hints(f.agency(), f.year(), null);
    }

    /**
     * Why what was read from a copy of {@code f} is not what the corpus measure says (null when it
     * is): as many numbers as the measure found exact (0 are wrong: CorpusTest), none from a
     * fixture this version cannot read.
     */
    private static String check(Fixture f, ReadResult r) {
        if (f.state().equals("not_yet")) {
            return !r.readable() || Imports.noTables(r.filing()) ? null : "本应读不出表格，却读出了";
        }
        if (!r.readable()) {
            return "无法读取：" + r.reason();
        }
        Filing filing = r.filing();
        int numbers = 0;
        for (CellDef c : filing.spec().cells()) {
            CellValue v = c.isTotal() ? filing.storedTotals().get(c.key()) : filing.value(c.key());
            numbers += v instanceof CellValue.Num ? 1 : 0;
        }
        return numbers == f.exact() ? null : "读出 " + numbers + " 个数字，语料测量为 " + f.exact() + " 个";
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
