package cn.nianbao.spec;

import java.util.List;

/** A data column: stable key, national label path (merged headers first), kind. */
public record ColumnDef(String key, List<String> path, Kind kind, boolean total, List<String> aliases) {
    public ColumnDef {
        path = List.copyOf(path);
        aliases = List.copyOf(aliases);
    }

    /** The national label of the column itself (the last level of its header). */
    public String label() {
        return path.get(path.size() - 1);
    }
}
