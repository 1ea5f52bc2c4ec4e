package cn.nianbao.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in national formats, loaded from {@code templates/*.spec} on the classpath and
 * validated once, on first use.
 */
public final class Specs {
    /** Format versions, oldest first. */
    public static final List<String> IDS = List.of("2019", "2021");

    private Specs() {
    }

    private static final class Holder {
        static final Map<String, FormatSpec> ALL = loadAll();
    }

    private static Map<String, FormatSpec> loadAll() {
        Map<String, FormatSpec> all = new LinkedHashMap<>();
        for (String id : IDS) {
            String name = "templates/" + id + ".spec";
            FormatSpec spec = SpecLoader.parse(name, resource(name));
            if (!spec.id().equals(id)) {
                throw new SpecException(name, 0, "declares format " + spec.id() + ", expected " + id);
            }
            all.put(id, spec);
        }
        all.values().forEach(s -> SpecLoader.resolveMaps(s, all));
        return Map.copyOf(all);
    }

    private static String resource(String name) {
        try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SpecException(name, 0, "not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** The format with this id ("2021" or "2019"). */
    public static FormatSpec get(String id) {
        FormatSpec s = Holder.ALL.get(id);
        if (s == null) {
            throw new IllegalArgumentException("未知的表格格式 unknown format: " + id + "（可选 2019、2021）");
        }
        return s;
    }

    /** The format a report on {@code year} uses by default: 2019 before 2021, 2021 from then on. */
    public static FormatSpec forYear(int year) {
        return IDS.stream().map(Specs::get).filter(s -> s.coversYear(year)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no format covers year " + year));
    }
}
