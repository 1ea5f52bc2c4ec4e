package cn.nianbao;

import cn.nianbao.spec.CellDef;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.template.TemplateWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Shared helpers: where the repo's fixtures are, issuing and filling templates as a clerk would. */
public final class TestSupport {
    public static final String FIXED_ID = "00000000-0000-0000-0000-000000000000";
    public static final String FIXED_AT = "2026-01-01T00:00:00Z";
    /** The built-in national formats, loaded once for the tests. */
    public static final Formats FORMATS = Formats.builtIn();

    private TestSupport() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("nianbao.repo", "."));
    }

    public static Path fixtures() {
        return repo().resolve("fixtures");
    }

    /** The files of a fixtures folder whose names end with {@code suffix}, sorted: the cases of a parameterised test. */
    public static java.util.stream.Stream<Path> fixtureFiles(String folder, String suffix) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(fixtures().resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    /** Fuzzing: up to 16 random bytes overwritten, and one time in five the input cut short. */
    /** A zip of these parts, in the map's order (for mutated workbooks and Word documents). */
    public static byte[] zip(java.util.Map<String, byte[]> parts) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static byte[] mutateBytes(byte[] in, java.util.Random rnd) {
        byte[] b = in.clone();
        int n = 1 + rnd.nextInt(16);
        for (int i = 0; i < n && b.length > 0; i++) {
            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        return rnd.nextInt(5) == 0 ? java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1)) : b;
    }

    /** Copies a folder with everything in it. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static TemplateRequest request(String format, int year, String agency, String code) {
        return TemplateRequest.of(TestSupport.FORMATS.get(format), year, agency, code).withFixedId(FIXED_ID, FIXED_AT);
    }

    /** Types values into the input cells and recalculates, as Excel does before it saves. */
    public static void fill(XSSFWorkbook wb, FormatSpec spec, Map<String, BigDecimal> values) {
        cn.nianbao.template.FilledTemplate.fill(wb, spec, values);
    }

    public static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        return row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
    }

    public static void save(XSSFWorkbook wb, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    /** Issues a template, fills it and saves it: a filing as a clerk returns it. */
    public static Path filled(TemplateRequest req, Map<String, BigDecimal> values, Path file) throws IOException {
        try (XSSFWorkbook wb = new TemplateWriter().build(req)) {
            fill(wb, req.spec(), values);
            save(wb, file);
        }
        return file;
    }

    /** 0 in every input cell, in a map the caller may change. */
    public static Map<String, BigDecimal> zeros(FormatSpec spec) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        spec.inputCells().forEach(c -> m.put(c.key(), BigDecimal.ZERO));
        return m;
    }

    /** A distinct value for every input cell: 1, 2, 3 … (money gets six decimals). */
    public static Map<String, BigDecimal> distinctValues(FormatSpec spec) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        int i = 1;
        for (CellDef c : spec.inputCells()) {
            m.put(c.key(), switch (c.kind()) {
                case MONEY -> new BigDecimal(i + ".123456");
                case SIGNED -> BigDecimal.valueOf(i % 2 == 0 ? -i : i);
                case COUNT -> BigDecimal.valueOf(i * 1000L + i);
            });
            i++;
        }
        return m;
    }

    /** Every number a seed report prints in its tables 二, 三 and 四, in order (as SeedFixtureTest reads them). */
    public static java.util.List<String> seedTableNumbers(Path seedText) throws IOException {
        return SeedFixtureTest.tableNumbers(seedText);
    }

    /** A values file: seed transcriptions and demo filings (inputs not listed are 0; {@code blank KEY} leaves one blank). */
    public record SeedValues(String seed, String agency, String code, int year, String format,
                             Map<String, BigDecimal> inputs) {
        public FormatSpec spec() {
            return TestSupport.FORMATS.get(format);
        }
    }

    public static SeedValues seedValues(Path file) throws IOException {
        Map<String, String> head = new LinkedHashMap<>();
        Map<String, BigDecimal> listed = new LinkedHashMap<>();
        java.util.Set<String> blank = new java.util.HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] w = l.split("\\s+", 2);
            if (w[0].equals("blank")) {
                blank.add(w[1].strip());
            } else if (w[0].startsWith("t") && w[0].contains(".")) {
                listed.put(w[0], new BigDecimal(w[1]));
            } else {
                head.put(w[0], w.length > 1 ? w[1] : "");
            }
        }
        FormatSpec spec = TestSupport.FORMATS.get(head.get("format"));
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        for (CellDef c : spec.inputCells()) {
            if (!blank.contains(c.key())) {
                inputs.put(c.key(), listed.getOrDefault(c.key(), BigDecimal.ZERO));
            }
        }
        for (String k : listed.keySet()) {
            if (!inputs.containsKey(k)) {
                throw new IllegalArgumentException(file + ": " + k + " is not an input cell");
            }
        }
        return new SeedValues(head.getOrDefault("seed", ""), head.get("agency"), head.getOrDefault("code", ""),
                Integer.parseInt(head.get("year")), head.get("format"), inputs);
    }
}
