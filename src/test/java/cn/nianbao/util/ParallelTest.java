package cn.nianbao.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeBackInInputOrderWhateverTheThreads() {
        List<Integer> in = IntStream.range(0, 2000).boxed().toList();
        for (int threads : new int[] {1, 2, 4}) {
            AtomicInteger calls = new AtomicInteger();
            java.util.Set<String> names = ConcurrentHashMap.newKeySet();
            List<Integer> out = Parallel.map(in, threads, i -> {
                names.add(Thread.currentThread().getName());
                return i * 2;
            }, d -> calls.incrementAndGet());
            assertThat(out).containsExactlyElementsOf(in.stream().map(i -> i * 2).toList());
            assertThat(calls).hasValue(2000);
            if (threads == 1) {
                assertThat(names).hasSize(1);
            }
        }
    }
}
