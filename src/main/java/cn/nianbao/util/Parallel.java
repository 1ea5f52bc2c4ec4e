package cn.nianbao.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Maps a list on several threads; results come back in input order, so output stays deterministic. */
public final class Parallel {
    private Parallel() {
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Applies {@code fn} to every item on {@code threads} threads; {@code done} is told how many
     * items have finished after each one (from any thread).
     */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> fn, IntConsumer done) {
        Object[] out = new Object[items.size()];
        AtomicInteger finished = new AtomicInteger();
        Runnable work = () -> IntStream.range(0, items.size()).parallel().forEach(i -> {
            out[i] = fn.apply(items.get(i));
            done.accept(finished.incrementAndGet());
        });
        if (threads <= 1) {
            for (int i = 0; i < items.size(); i++) {
                out[i] = fn.apply(items.get(i));
                done.accept(i + 1);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) new ArrayList<>(Arrays.asList(out));
        return list;
    }
}
