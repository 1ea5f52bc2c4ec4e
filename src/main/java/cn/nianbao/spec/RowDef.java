package cn.nianbao.spec;

import java.util.List;

/** A data row: stable key and national label path (outer merged labels first). */
public record RowDef(String key, List<String> path, boolean total, List<String> aliases) {
    public RowDef {
        path = List.copyOf(path);
        aliases = List.copyOf(aliases);
    }

    public String label() {
        return path.get(path.size() - 1);
    }
}
