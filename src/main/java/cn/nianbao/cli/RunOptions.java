package cn.nianbao.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every reading command shares. */
final class RunOptions {
    /** What the reading commands (read, check, export) take as FILE_OR_DIR, said once for their --help. */
    static final String INPUTS = "工作簿（.xlsx/.xls/.et）或年度报告（PDF、Word、网页；文字 .txt 只在直接指定时读取），文件或文件夹（递归查找）";

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
