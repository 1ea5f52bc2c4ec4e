package cn.nianbao.bench;

import cn.nianbao.cli.Main;
import java.util.Map;

/**
 * Entry point of target/nianbao-bench.jar: nianbao's own command line with {@code bench} added.
 * The benchmark is a developer's tool, so it lives in src/bench and is not in the production jar
 * (nianbao.jar, which this jar's manifest puts on its class path: the bench runs the real thing).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, null, null, Map.of("bench", new BenchCommand())));
    }
}
