package cn.nianbao.round;

import cn.nianbao.reconcile.AgencyIndex;
import cn.nianbao.reconcile.Aliases;
import cn.nianbao.util.CreditCode;
import cn.nianbao.util.Decoding;
import cn.nianbao.util.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The agencies a supervisor collects from: a CSV (UTF-8 or GBK, as Excel on Windows saves it) or
 * an .xlsx with the columns 单位名称, 统一社会信用代码, 联系邮箱, 上级单位 (optional) and 别名
 * (optional, {@code |}-separated); English headers name, code, email, parent, aliases also work.
 * Rows that cannot be used (no name, a bad or duplicate code, a duplicate name) are reported with
 * their line numbers and left out.
 */
public final class Roster {
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "name", List.of("单位名称", "name"),
            "code", List.of("统一社会信用代码", "code"),
            "email", List.of("联系邮箱", "email"),
            "parent", List.of("上级单位", "parent"),
            "aliases", List.of("别名", "aliases"));

    /** A row left out, with its line number (the header is line 1) and why. */
    /** A problem of one row: {@code skipped}, the row is left out; otherwise it is used without what is wrong. */
    public record Problem(int line, String message, boolean skipped) {
        Problem(int line, String message) {
            this(line, message, true);
        }
    }

    private final List<Agency> agencies;
    private final List<Problem> problems;

    private Roster(List<Agency> agencies, List<Problem> problems) {
        this.agencies = List.copyOf(agencies);
        this.problems = List.copyOf(problems);
    }

    public List<Agency> agencies() {
        return agencies;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The roster's agencies found by code, name, alias, sender address or a name in a file's name
     * (an agency sends from every address of its 联系邮箱).
     */
    public AgencyIndex<Agency> index() {
        return new AgencyIndex<>(agencies, aliases(),
                a -> new AgencyIndex.Keys(a.code(), a.name(), a.aliases(), a.emails()));
    }

    /** The names each agency has gone by, for matching filings across renamings. */
    public Aliases aliases() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        agencies.forEach(a -> groups.put(a.name(), a.aliases()));
        return Aliases.of(groups);
    }

    public static Roster load(Path file) throws IOException {
        List<Map<String, String>> rows = FileKind.opensAsWorkbook(file) ? fromWorkbook(file) : fromCsv(file);
        return of(rows);
    }

    private static List<Map<String, String>> fromCsv(Path file) throws IOException {
        String text = Decoding.decode(Files.readAllBytes(file));
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(true).get())) {
            Map<String, String> header = header(p.getHeaderNames());
            for (CSVRecord r : p) {
                Map<String, String> row = new HashMap<>();
                header.forEach((key, col) -> row.put(key, r.isMapped(col) && r.isSet(col) ? r.get(col) : ""));
                row.put("#line", Long.toString(r.getRecordNumber() + 1));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> fromWorkbook(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            Row first = s.getRow(s.getFirstRowNum());
            List<String> names = new ArrayList<>();
            for (int c = 0; first != null && c < first.getLastCellNum(); c++) {
                names.add(first.getCell(c) == null ? "" : f.formatCellValue(first.getCell(c)));
            }
            Map<String, String> header = header(names);
            for (int r = s.getFirstRowNum() + 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                Map<String, String> m = new HashMap<>();
                for (Map.Entry<String, String> h : header.entrySet()) {
                    int c = names.indexOf(h.getValue());
                    m.put(h.getKey(), row == null || row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)).strip());
                }
                m.put("#line", Integer.toString(r + 1));
                rows.add(m);
            }
        }
        return rows;
    }

    /** Our key to the file's column name; 单位名称 is required. */
    private static Map<String, String> header(List<String> names) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            String n = name.replace("\ufeff", "").strip();
            COLUMNS.forEach((key, accepted) -> {
                if (accepted.stream().anyMatch(a -> a.equalsIgnoreCase(n))) {
                    out.putIfAbsent(key, name);
                }
            });
        }
        if (!out.containsKey("name")) {
            throw new IOException("名册缺少“单位名称”列（或 name 列）；现有的列：" + names);
        }
        return out;
    }

    static Roster of(List<Map<String, String>> rows) {
        List<Agency> agencies = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        AgencyIndex<Agency> seen = new AgencyIndex<>(Aliases.none(), a -> AgencyIndex.Keys.of(a.code(), a.name()));
        for (Map<String, String> r : rows) {
            int line = Integer.parseInt(r.get("#line"));
            String name = r.getOrDefault("name", "").strip();
            String code = CreditCode.normalize(r.getOrDefault("code", ""));
            if (name.isEmpty() && code.isEmpty() && r.getOrDefault("email", "").isBlank()) {
                continue; // an empty line
            }
            if (name.isEmpty()) {
                problems.add(new Problem(line, "第" + line + "行没有单位名称"));
                continue;
            }
            if (!code.isEmpty() && CreditCode.problem(code) != null) {
                problems.add(new Problem(line, "第" + line + "行（" + name + "）：" + CreditCode.problem(code)));
                continue;
            }
            Agency sameCode = seen.withCode(code);
            if (sameCode != null) {
                problems.add(new Problem(line, "第" + line + "行（" + name + "）：统一社会信用代码与第" + sameCode.line() + "行重复"));
                continue;
            }
            Agency sameName = seen.withName(name);
            if (sameName != null) {
                problems.add(new Problem(line, "第" + line + "行（" + name + "）：单位名称与第" + sameName.line() + "行重复"));
                continue;
            }
            List<String> aliases = Arrays.stream(r.getOrDefault("aliases", "").split("\\|")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            Agency a = new Agency(name, code, r.getOrDefault("email", "").strip(), r.getOrDefault("parent", "").strip(),
                    aliases, line);
            List<String> bad = Agency.notAddresses(a.email());
            if (!bad.isEmpty()) {
                problems.add(new Problem(line, "第" + line + "行（" + name + "）：联系邮箱中 " + String.join("、", bad)
                        + " 不是有效的邮箱地址，已忽略" + (a.emails().isEmpty() ? "（这个单位没有可用的邮箱地址）" : ""), false));
            }
            seen.add(a);
            agencies.add(a);
        }
        return new Roster(agencies, problems);
    }
}
