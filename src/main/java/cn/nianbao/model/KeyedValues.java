package cn.nianbao.model;

import cn.nianbao.spec.Keys;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map over shared {@link Keys}: one array of values per filing instead of a hash map
 * with an entry object per cell, so a province's filings fit in memory. Iterates in key order;
 * keys without a value are absent.
 */
public final class KeyedValues<V> extends AbstractMap<String, V> {
    private final Keys keys;
    private final Object[] values;
    private final int size;

    private KeyedValues(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        int n = 0;
        for (Object v : values) {
            n += v == null ? 0 : 1;
        }
        this.size = n;
    }

    /** Copies {@code map} (every key must be one of {@code keys}); returns it as is when it already is one over them. */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> of(Keys keys, Map<String, ? extends V> map) {
        if (map instanceof KeyedValues<?> kv && kv.keys == keys) {
            return (Map<String, V>) map;
        }
        Object[] values = new Object[keys.size()];
        map.forEach((k, v) -> {
            int i = keys.indexOf(k);
            if (i < 0) {
                throw new IllegalArgumentException("unknown key " + k);
            }
            values[i] = v;
        });
        return new KeyedValues<>(keys, values);
    }

    /**
     * A map over {@code keys} holding {@code values} by position (null = absent). The array is
     * taken, not copied: the caller must not change it afterwards.
     */
    static <V> KeyedValues<V> wrap(Keys keys, Object[] values) {
        if (values.length != keys.size()) {
            throw new IllegalArgumentException(values.length + " values for " + keys.size() + " keys");
        }
        return new KeyedValues<>(keys, values);
    }

    /** The value at position {@code i} of the keys, or null. */
    @SuppressWarnings("unchecked")
    public V at(int i) {
        return (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < values.length && values[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> e = new SimpleImmutableEntry<>(keys.key(next), (V) values[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }
        };
    }
}
