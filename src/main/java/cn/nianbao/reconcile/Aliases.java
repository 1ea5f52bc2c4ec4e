package cn.nianbao.reconcile;

import cn.nianbao.util.Decoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Names an agency has gone by (agencies get renamed). Read from a CSV with the columns
 * 单位名称 and 别名 ({@code |}-separated), or name and aliases; UTF-8 or GBK. Every name of a
 * group resolves to the group's 单位名称.
 */
public final class Aliases {
    private final Map<String, String> canonical;

    private Aliases(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
    }

    public static Aliases none() {
        return new Aliases(Map.of());
    }

    public static Aliases of(Map<String, java.util.List<String>> groups) {
        Map<String, String> m = new HashMap<>();
        groups.forEach((name, aliases) -> {
            String key = AgencyIndex.normalize(name);
            m.put(key, key);
            aliases.forEach(a -> m.putIfAbsent(AgencyIndex.normalize(a), key));
        });
        return new Aliases(m);
    }

    public static Aliases load(Path csv) throws IOException {
        String text = Decoding.decode(Files.readAllBytes(csv));
        Map<String, java.util.List<String>> groups = new java.util.LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get())) {
            String nameCol = column(p, "单位名称", "name");
            String aliasCol = column(p, "别名", "aliases");
            if (nameCol == null || aliasCol == null) {
                throw new IOException(csv + " 需要“单位名称”和“别名”两列（或 name 和 aliases）");
            }
            for (CSVRecord r : p) {
                String name = r.isMapped(nameCol) ? r.get(nameCol) : "";
                if (!name.isBlank()) {
                    groups.computeIfAbsent(name, k -> new java.util.ArrayList<>())
                            .addAll(java.util.Arrays.stream(r.get(aliasCol).split("\\|")).map(String::strip)
                                    .filter(s -> !s.isEmpty()).toList());
                }
            }
        }
        return of(groups);
    }

    private static String column(CSVParser p, String zh, String en) {
        for (String h : p.getHeaderNames()) {
            String n = h.replace("\ufeff", "").strip();
            if (n.equals(zh) || n.equalsIgnoreCase(en)) {
                return h;
            }
        }
        return null;
    }

    /** The matching key of a name: normalized, and resolved to its group's name when it is an alias. */
    public String key(String name) {
        return keyOfNormalized(AgencyIndex.normalize(name));
    }

    /** As {@link #key} of a name already normalized. */
    String keyOfNormalized(String normalized) {
        return canonical.getOrDefault(normalized, normalized);
    }
}
