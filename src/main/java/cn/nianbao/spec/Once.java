package cn.nianbao.spec;

import java.util.function.Supplier;

/**
 * A part of a compiled format worked out the first time it is asked for and then kept, so that
 * what a run never needs (the label targets of a template read by position) costs nothing. Safe to
 * share between threads: the value is made once.
 */
final class Once<T> {
    private Supplier<T> make;
    private volatile T value;

    Once(Supplier<T> make) {
        this.make = make;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = java.util.Objects.requireNonNull(make.get(), "a part of a compiled format cannot be null");
                    value = v;
                    make = null;
                }
            }
        }
        return v;
    }
}
