package cn.nianbao.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every reading command shares. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-q", "--quiet"}, description = "不显示进度")
    boolean quiet;

    int threads = cn.nianbao.util.Parallel.defaultThreads();

    @Option(names = "--threads", paramLabel = "N", description = "并行读取的线程数（默认为处理器核数）")
    void threads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "选项 --threads 应为 1 或更大的整数，实为 " + n);
        }
        threads = n;
    }
}
