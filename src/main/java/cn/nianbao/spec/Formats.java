package cn.nianbao.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family of compiled national formats that belong together: the built-in ones (2019 and 2021,
 * from {@code templates/*.spec}) and any a user adds. Loading validates every spec and resolves
 * the maps between them; the family is then passed to whatever reads, writes or checks, so a
 * third national format is one more spec file and no code change. Immutable.
 */
public final class Formats {
    /** The list of the spec files built into nianbao (templates/index.txt), oldest first. */
    static final String INDEX = "templates/index.txt";

    private final Map<String, FormatSpec> byId;
    /** What tells the formats apart; worked out when a report is first read by its labels. */
    private final Once<Map<FormatSpec, Set<String>>> distinctive;

    private Formats(Map<String, FormatSpec> byId) {
        this.byId = byId;
        this.distinctive = new Once<>(() -> {
            Map<FormatSpec, Set<String>> d = new LinkedHashMap<>();
            for (FormatSpec f : byId.values()) {
                Set<String> own = new HashSet<>();
                for (String p : f.labelTargets().phrases()) {
                    boolean elsewhere = byId.values().stream().anyMatch(o -> o != f && o.labelTargets().phrases().contains(p));
                    if (!elsewhere && p.length() >= 3) {
                        own.add(p);
                    }
                }
                d.put(f, Set.copyOf(own));
            }
            return Map.copyOf(d);
        });
    }

    /** The national formats built into nianbao (2019 and 2021), loaded and validated. */
    public static Formats builtIn() {
        List<FormatSpec> specs = new ArrayList<>();
        for (String line : resource(INDEX).split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                specs.add(SpecLoader.parse("templates/" + name, resource("templates/" + name)));
            }
        }
        return of(specs);
    }

    /** The built-in formats and those of the given spec files (a format of one's own, a new national one). */
    public static Formats builtInAnd(Collection<Path> specFiles) {
        List<FormatSpec> specs = new ArrayList<>(builtIn().all());
        for (Path p : specFiles) {
            try {
                specs.add(SpecLoader.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SpecException(p.toString(), 0, "cannot be read: " + e.getMessage());
            }
        }
        return of(specs);
    }

    /**
     * A family of the given formats ({@link SpecLoader#parse}): ids must differ, and every
     * {@code map} line must name a format of the family; each format's maps are resolved here.
     */
    public static Formats of(Collection<FormatSpec> specs) {
        Map<String, FormatSpec> raw = new LinkedHashMap<>();
        for (FormatSpec s : specs) {
            if (raw.put(s.id(), s) != null) {
                throw new SpecException(s.source(), 0, "format " + s.id() + " is loaded twice");
            }
        }
        Map<String, FormatSpec> resolved = new LinkedHashMap<>();
        for (FormatSpec s : raw.values()) {
            resolved.put(s.id(), SpecLoader.resolveMaps(s, raw));
        }
        return new Formats(java.util.Collections.unmodifiableMap(resolved));
    }

    private static String resource(String name) {
        try (InputStream in = Formats.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SpecException(name, 0, "not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Every format of the family, in the order loaded. */
    public List<FormatSpec> all() {
        return List.copyOf(byId.values());
    }

    /** The ids of the family's formats, in the order loaded. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The format with this id; a Chinese message naming the ids there are when there is none. */
    public FormatSpec get(String id) {
        FormatSpec s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("未知的表格格式 unknown format: " + id + "（可选 " + String.join("、", ids()) + "）");
        }
        return s;
    }

    /**
     * The format a report on {@code year} uses by default (2019 up to 2020, 2021 from then on, for
     * the built-in ones): of the formats whose years cover it, the one that starts latest, so a new
     * national format with its own first year takes over without the older spec being edited.
     */
    public FormatSpec forYear(int year) {
        return byId.values().stream().filter(s -> s.coversYear(year)).max(Comparator.comparingInt(Formats::firstYear))
                .orElseThrow(() -> new IllegalArgumentException("no format covers year " + year));
    }

    /**
     * The phrases of {@code spec}'s tables that no other format of the family uses (at least three
     * characters): what tells a published table of one version from another.
     */
    public Set<String> distinctivePhrases(FormatSpec spec) {
        Set<String> s = distinctive.get().get(spec);
        if (s == null) {
            throw new IllegalArgumentException(spec + " is not of this family");
        }
        return s;
    }

    /** The formats ordered by the first year they cover (open start first). */
    public List<FormatSpec> byFirstYear() {
        return byId.values().stream().sorted(Comparator.comparingInt(Formats::firstYear)).toList();
    }

    private static int firstYear(FormatSpec s) {
        return s.firstYear() == null ? Integer.MIN_VALUE : s.firstYear();
    }
}
