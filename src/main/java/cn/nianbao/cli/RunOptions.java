package cn.nianbao.cli;

import picocli.CommandLine.Option;

/** Options every reading command shares. */
final class RunOptions {
    @Option(names = {"-q", "--quiet"}, description = "不显示进度")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "并行读取的线程数（默认为处理器核数）")
    int threads = cn.nianbao.util.Parallel.defaultThreads();
}
