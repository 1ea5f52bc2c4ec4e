package cn.nianbao.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fixed, ordered set of cell keys with their positions: shared by every filing of a format. */
public final class Keys {
    private final String[] keys;
    private final Map<String, Integer> index;

    public Keys(List<String> keys) {
        this.keys = keys.toArray(String[]::new);
        this.index = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < this.keys.length; i++) {
            if (index.put(this.keys[i], i) != null) {
                throw new IllegalArgumentException("duplicate key " + this.keys[i]);
            }
        }
    }

    public int size() {
        return keys.length;
    }

    /** The key at position {@code i}. */
    public String key(int i) {
        return keys[i];
    }

    /** Position of {@code key}, or -1. */
    public int indexOf(Object key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }
}
