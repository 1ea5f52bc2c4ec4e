package cn.nianbao.cli;

import cn.nianbao.report.OutputGuard;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The outputs and agency aliases that check and reconcile share. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "问题清单工作簿（.xlsx）：汇总、问题清单，跨年核对时还有跨年核对；"
            + "原有清单里的处理意见和备注带到同一问题上（问题已没有的移到“已处理”），原清单另存为备份")
    Path output;

    @Option(names = "--returns", paramLabel = "DIR", description = "为（本年）每个有问题的单位写一份标注副本：坏单元格标红并批注")
    Path returns;

    @Option(names = "--aliases", paramLabel = "FILE", description = "单位别名 CSV（单位名称,别名；别名用 | 分隔），用于识别更名的同一单位")
    Path aliases;

    @Option(names = "--decisions", arity = "1..*", paramLabel = "FILE",
            description = "另外读取这些问题清单（.xlsx/.xls）里的处理意见和备注，带入本次清单（按给出的顺序，后面的优先；-o 原有的最先读）")
    List<Path> decisionFiles = new java.util.ArrayList<>();

    /** The decisions this run carries (read in {@link #checkBeforeReading}). */
    Carry.Loaded decisions = Carry.Loaded.NONE;

    /**
     * Before anything is read: the aliases file exists, neither output is an input or inside an
     * input folder, and the workbook -o names may be replaced (an earlier 问题清单, or nothing); the
     * decisions in it and in --decisions are read.
     */
    void checkBeforeReading(List<Path> inputs, Guard guard) {
        if (aliases != null) {
            Guard.inputsExist(List.of(aliases), "别名文件");
        }
        Guard.notAnInput(output, "问题清单（-o）", inputs);
        Guard.notAnInput(returns, "退回文件夹（--returns）", inputs);
        guard.replaceableCarryingDecisions(OutputGuard.Kind.DISCREPANCY, output);
        decisions = Carry.load(output, OutputGuard.Kind.DISCREPANCY, decisionFiles, guard);
    }
}
