package cn.nianbao.bench;

import cn.nianbao.check.Checker;
import cn.nianbao.model.Finding;
import cn.nianbao.model.ReadResult;
import cn.nianbao.read.WorkbookReader;
import cn.nianbao.report.DiscrepancyWorkbook;
import cn.nianbao.report.FileReport;
import cn.nianbao.spec.FindingCode;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateBatch;
import cn.nianbao.template.TemplateRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code nianbao bench} (target/nianbao-bench.jar): generates last year's and this year's filings
 * (seeded, valid, with planted errors), runs the real {@code reconcile} command on them, checks
 * that it finds exactly the planted errors, and times reading alone, an openpyxl reader of the
 * same files, a batch of templates and a large discrepancy workbook.
 */
public final class Bench {
    /** Runs a nianbao command line with its output going to {@code out}; returns the exit code. */
    @FunctionalInterface
    public interface Runner {
        int run(String[] args, PrintWriter out);
    }

    public record Result(long planted, long found) {
        public boolean countsMatch() {
            return planted == found;
        }
    }

    private static final Pattern COUNTS = Pattern.compile("问题：错误 (\\d+) 条，警告 (\\d+) 条");

    private final Path dir;
    private final int n;
    private final long seed;
    private final int threads;
    private final PrintWriter out;
    private final Formats formats = Formats.builtIn();

    public Bench(Path dir, int n, long seed, int threads, PrintWriter out) {
        this.dir = dir;
        this.n = n;
        this.seed = seed;
        this.threads = threads;
        this.out = out;
    }

    public Result run(Runner runner, int templates, int findings, boolean openpyxl) throws IOException {
        FormatSpec spec = formats.forYear(2024);
        Path prev = Files.createDirectories(dir.resolve("2023"));
        Path cur = Files.createDirectories(dir.resolve("2024"));
        long t0 = System.nanoTime();
        Map<String, Long> planted = generate(spec, prev, cur);
        long plantedTotal = planted.values().stream().mapToLong(Long::longValue).sum();
        out.printf("生成 %d + %d 份已填报工作簿（种子 %d）：%.1f 秒；埋入错误 %s，应发现问题 %d 条%n", n, n, seed,
                secs(t0), planted.keySet().stream().map(k -> k).toList(), plantedTotal);

        System.gc();
        resetHeapPeak();
        StringWriter captured = new StringWriter();
        long t1 = System.nanoTime();
        runner.run(new String[] {"reconcile", "--previous", prev.toString(), "--current", cur.toString(),
                "-o", dir.resolve("对账.xlsx").toString(), "--quiet", "--threads", Integer.toString(threads)},
                new PrintWriter(captured));
        double wall = secs(t1);
        long heap = heapPeakMiB();
        Matcher m = COUNTS.matcher(captured.toString());
        long found = m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) : -1;
        out.printf("reconcile（%d 线程，读取 + 检查 + 跨年核对 %d 份，写出问题清单）：%.2f 秒，%.0f 份/秒，%.3f 毫秒/份；"
                        + "堆内存峰值约 %d MiB%n", threads, 2 * n, wall, 2 * n / wall, wall * 1000 / (2 * n), heap);
        out.printf("发现问题 %d 条，埋入 %d 条：%s%n", found, plantedTotal, found == plantedTotal ? "一致" : "不一致！");

        double ourMs = readOneCore(cur);
        if (openpyxl) {
            compareOpenpyxl(cur, ourMs);
        }
        if (templates > 0) {
            templates(spec, templates);
        }
        if (findings > 0) {
            findingsWorkbook(findings);
        }
        return new Result(plantedTotal, found);
    }

    /** The last year of a chain of years; the first is {@code LAST_YEAR - years + 1} (2015 for ten years: 2015–2020 in the 2019 format). */
    static final int LAST_YEAR = 2024;
    private static final Pattern GAPS = Pattern.compile("中间缺报 (\\d+) 处");

    /**
     * Reconciliation over several years: {@code years} years of {@code n} agencies' filings (both
     * national formats when the years cross 2020→2021), chained carry-overs, about 3% of the
     * agencies missing one year inside their chain (M3), 1% renamed midway (the aliases file keeps
     * their chain), about 30% of the filings with one planted error (R1, C1 where there is a last
     * year, V2, R4, V7); the real {@code reconcile} command over the one folder must find exactly
     * the planted findings.
     */
    public Result runYears(Runner runner, int years) throws IOException {
        int first = LAST_YEAR - years + 1;
        Path root = dir.resolve("历年");
        Map<Integer, FilledWorkbooks> books = new HashMap<>();
        Map<Integer, BenchData> data = new HashMap<>();
        for (int y = first; y <= LAST_YEAR; y++) {
            FormatSpec spec = formats.forYear(y);
            books.put(y, new FilledWorkbooks(spec, y));
            data.put(y, new BenchData(spec));
            Files.createDirectories(root.resolve(Integer.toString(y)));
        }
        long t0 = System.nanoTime();
        Random rnd = new Random(seed);
        Map<String, Long> planted = new LinkedHashMap<>();
        long gaps = 0;
        long files = 0;
        StringBuilder aliases = new StringBuilder("单位名称,别名\n");
        for (int i = 1; i <= n; i++) {
            String agency = String.format("基准测试单位%05d", i);
            String renamed = years > 2 && rnd.nextInt(100) == 0 ? String.format("基准测试新单位%05d", i) : null;
            int renameAt = renamed == null ? 0 : first + 1 + rnd.nextInt(years - 1);
            int gapYear = years > 2 && rnd.nextInt(100) < 3 ? first + 1 + rnd.nextInt(years - 2) : 0;
            if (renamed != null) {
                aliases.append(renamed).append(',').append(agency).append('\n');
            }
            Map<String, Integer> carried = new HashMap<>();
            Map<String, Integer> inForce = new HashMap<>();
            for (int y = first; y <= LAST_YEAR; y++) {
                Map<String, BigDecimal> v = data.get(y).valid(rnd, carried, inForce);
                carried = new HashMap<>();
                for (String c : BenchData.APPLICANTS) {
                    carried.put(c, v.get("t3.carry_forward." + c).intValue());
                }
                inForce = new HashMap<>();
                for (String row : List.of("rules", "normative_docs")) {
                    BigDecimal x = v.get("t2.art20_1." + row + ".in_force");
                    if (x != null) {
                        inForce.put(row, x.intValue());
                    }
                }
                if (y == gapYear) {
                    gaps++; // never received: the next year is not reconciled with the one before (M3)
                    continue;
                }
                Map<String, BigDecimal> stored = new HashMap<>();
                if (rnd.nextInt(10) < 3) {
                    BenchData.Planted p = BenchData.plantInChain(rnd, v, stored, y > first && y - 1 != gapYear);
                    planted.merge(p.kind(), (long) p.findings(), Long::sum);
                }
                String name = renamed != null && y >= renameAt ? renamed : agency;
                books.get(y).write(root.resolve(Integer.toString(y)).resolve(name + "-" + y + ".xlsx"), name, "y" + y + "-" + i, v, stored);
                files++;
            }
        }
        planted.put("M3", gaps);
        Path aliasFile = dir.resolve("别名.csv");
        Files.writeString(aliasFile, aliases, StandardCharsets.UTF_8);
        long plantedTotal = planted.values().stream().mapToLong(Long::longValue).sum();
        out.printf("生成 %d 年 × %d 个单位的已填报工作簿 %d 份（%d–%d 年，种子 %d）：%.1f 秒；埋入 %s，应发现问题 %d 条%n", years, n, files,
                first, LAST_YEAR, seed, secs(t0), planted, plantedTotal);

        System.gc();
        resetHeapPeak();
        StringWriter captured = new StringWriter();
        long t1 = System.nanoTime();
        runner.run(new String[] {"reconcile", root.toString(), "--aliases", aliasFile.toString(),
                "-o", dir.resolve("历年核对.xlsx").toString(), "--quiet", "--threads", Integer.toString(threads)},
                new PrintWriter(captured));
        double wall = secs(t1);
        long heap = heapPeakMiB();
        Matcher m = COUNTS.matcher(captured.toString());
        long found = m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) : -1;
        Matcher g = GAPS.matcher(captured.toString());
        long gapsFound = g.find() ? Long.parseLong(g.group(1)) : -1;
        out.printf("reconcile 历年核对（%d 线程，读取 + 检查 + 历年核对 %d 份，写出历年核对工作簿）：%.2f 秒，%.0f 份/秒，%.3f 毫秒/份；"
                + "堆内存峰值约 %d MiB%n", threads, files, wall, files / wall, wall * 1000 / files, heap);
        out.printf("发现问题 %d 条，埋入 %d 条：%s；中间缺报 %d 处，埋入 %d 处%n", found, plantedTotal,
                found == plantedTotal ? "一致" : "不一致！", gapsFound, gaps);
        return new Result(plantedTotal + gaps, found + (gapsFound == gaps ? gaps : -1));
    }

    private Map<String, Long> generate(FormatSpec spec, Path prevDir, Path curDir) throws IOException {
        Random rnd = new Random(seed);
        BenchData data = new BenchData(spec);
        FilledWorkbooks last = new FilledWorkbooks(spec, 2023);
        FilledWorkbooks now = new FilledWorkbooks(spec, 2024);
        Map<String, Long> planted = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            String agency = String.format("基准测试单位%05d", i);
            Map<String, BigDecimal> a = data.valid(rnd, Map.of(), Map.of("rules", rnd.nextInt(5), "normative_docs", rnd.nextInt(30)));
            last.write(prevDir.resolve(agency + "-2023.xlsx"), agency, "prev-" + i, a, Map.of());
            Map<String, Integer> carried = new HashMap<>();
            BenchData.APPLICANTS.forEach(c -> carried.put(c, a.get("t3.carry_forward." + c).intValue()));
            Map<String, Integer> inForce = Map.of("rules", a.get("t2.art20_1.rules.in_force").intValue(),
                    "normative_docs", a.get("t2.art20_1.normative_docs.in_force").intValue());
            Map<String, BigDecimal> b = data.valid(rnd, carried, inForce);
            Map<String, BigDecimal> stored = new HashMap<>();
            if (rnd.nextInt(10) < 3) {
                BenchData.Planted p = BenchData.plant(rnd, b, stored);
                planted.merge(p.kind(), (long) p.findings(), Long::sum);
            }
            now.write(curDir.resolve(agency + "-2024.xlsx"), agency, "cur-" + i, b, stored);
        }
        return planted;
    }

    /** Read + check on one core, warm: the per-filing cost. */
    private double readOneCore(Path cur) throws IOException {
        List<Path> files = files(cur);
        WorkbookReader reader = new WorkbookReader(formats);
        for (int i = 0; i < Math.min(200, files.size()); i++) {
            Checker.all(reader.read(files.get(i)));
        }
        long t = System.nanoTime();
        for (Path p : files) {
            Checker.all(reader.read(p));
        }
        double ms = secs(t) * 1000 / files.size();
        out.printf("单线程读取 + 检查：%.3f 毫秒/份（%d 份，预热后）%n", ms, files.size());
        return ms;
    }

    private void compareOpenpyxl(Path cur, double ourMs) throws IOException {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Path script = dir.resolve("openpyxl_read.py");
        try (InputStream in = Bench.class.getResourceAsStream("openpyxl_read.py")) {
            if (in == null) {
                out.println("openpyxl 对比：缺少脚本 openpyxl_read.py，跳过");
                return;
            }
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Process p = new ProcessBuilder(python, script.toString(), cur.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                out.println("openpyxl 对比：无法运行（需要 Debian 的 python3-openpyxl）：" + lastLine(text));
                return;
            }
            String[] w = lastLine(text).split(" ");
            double ms = Double.parseDouble(w[1]) * 1000 / Integer.parseInt(w[0]);
            out.printf("openpyxl（只读模式）读取同样的 %s 份：%.3f 毫秒/份；nianbao 单线程读取 + 检查快 %.1f 倍%n", w[0], ms, ms / ourMs);
        } catch (IOException | RuntimeException e) {
            out.println("openpyxl 对比：无法运行：" + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    private void templates(FormatSpec spec, int count) throws IOException {
        Path tdir = Files.createDirectories(dir.resolve("模板"));
        long t = System.nanoTime();
        TemplateBatch batch = new TemplateBatch(Protection.withPassword("bench"));
        Random rnd = new Random(seed);
        for (int i = 1; i <= count; i++) {
            String agency = String.format("基准测试单位%05d", i);
            Map<String, BigDecimal> carried = new LinkedHashMap<>();
            BenchData.APPLICANTS.forEach(c -> carried.put("t3.carried_over." + c, BigDecimal.valueOf(rnd.nextInt(3))));
            batch.write(TemplateRequest.of(spec, 2025, agency, "").withCarriedOver(carried, agency + " 2024年报表"),
                    tdir.resolve(agency + "-2025.xlsx"));
        }
        double s = secs(t);
        out.printf("发出个性化模板 %d 份（带密码保护和上年结转预填）：%.2f 秒，%.1f 毫秒/份；按此速度 3000 份约 %.0f 秒%n", count, s,
                s * 1000 / count, s / count * 3000);
    }

    private void findingsWorkbook(int count) throws IOException {
        List<FileReport> reports = new ArrayList<>();
        int perFile = 20;
        for (int f = 0; f * perFile < count; f++) {
            String file = dir.resolve("虚拟文件" + f + ".xlsx").toString();
            List<Finding> list = new ArrayList<>();
            for (int i = 0; i < perFile && f * perFile + i < count; i++) {
                list.add(Finding.atCell(FindingCode.R1, file, formats.forYear(2024).cell("t3.carry_forward.natural"), "表三_依申请公开",
                        "D" + (6 + i), "表三“自然人”列：一 + 二 应等于 三（七）总计 + 四").withSides(BigDecimal.valueOf(i + 1), BigDecimal.ZERO));
            }
            reports.add(new FileReport(ReadResult.unreadable(file, "基准测试"), list));
        }
        System.gc();
        resetHeapPeak();
        long t = System.nanoTime();
        DiscrepancyWorkbook.write(dir.resolve("问题清单-基准.xlsx"), reports, null);
        out.printf("写出 %d 行问题清单：%.2f 秒；堆内存峰值约 %d MiB%n", count, secs(t), heapPeakMiB());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetHeapPeak() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound on the heap in use at any moment. */
    private static long heapPeakMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
