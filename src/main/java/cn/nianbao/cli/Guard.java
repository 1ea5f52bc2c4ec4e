package cn.nianbao.cli;

import cn.nianbao.report.OutputGuard;
import cn.nianbao.spec.Formats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What every command checks before it reads or writes anything, as usage errors (exit 2): inputs
 * exist, a year is a reporting year, no output is an input or inside an input folder, and no
 * existing file is replaced unless {@link OutputGuard} says it may be (or --force).
 */
final class Guard {
    /** The first reporting year: the 政府信息公开条例 took effect on 1 May 2008. */
    static final int FIRST_YEAR = 2008;

    private final OutputGuard outputs;
    private final boolean force;
    private final List<Path> inputs;

    /**
     * The output rule for a run over {@code formats} that reads {@code inputs} (files or folders);
     * {@code force} lets it replace anything but an input.
     */
    Guard(Formats formats, boolean force, Collection<Path> inputs) {
        this.outputs = new OutputGuard(formats);
        this.force = force;
        this.inputs = List.copyOf(inputs);
    }

    /** What recognises this tool's outputs by their content. */
    OutputGuard outputs() {
        return outputs;
    }

    /** Every named input must exist. */
    static void inputsExist(Collection<Path> inputs, String what) {
        List<String> missing = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw NianbaoException.usage(what + "不存在：" + String.join("、", missing) + "（请检查路径）");
        }
    }

    /** A reporting year between 2008 and next year. */
    static int year(int year, String option) {
        int last = LocalDate.now(cn.nianbao.round.Collector.ZONE).getYear() + 1;
        if (year < FIRST_YEAR || year > last) {
            throw NianbaoException.usage(option + " " + year + " 不是可用的报告年度：应在 " + FIRST_YEAR + " 到 " + last
                    + " 之间（政府信息公开条例自2008年施行）");
        }
        return year;
    }

    /** A 统一社会信用代码 given as {@code option}, normalized: empty when none is given; 18 characters and its check digit otherwise. */
    static String code(String code, String option) {
        String credit = cn.nianbao.util.CreditCode.normalize(code);
        if (!credit.isEmpty() && cn.nianbao.util.CreditCode.problem(credit) != null) {
            throw NianbaoException.usage(option + " " + code + "：" + cn.nianbao.util.CreditCode.problem(credit));
        }
        return credit;
    }

    /** No output may be an input or lie inside an input folder; {@code what} names the output (e.g. "问题清单（-o）"). */
    static void notAnInput(Path output, String what, Collection<Path> inputs) {
        if (output == null) {
            return;
        }
        String problem = OutputGuard.overlap(output, what, List.copyOf(inputs));
        if (problem != null) {
            throw NianbaoException.usage(problem);
        }
    }

    /**
     * No target may be one of this run's inputs or lie inside an input folder, --force or not; an
     * existing target may be replaced only when it is our own output of {@code kind} (or --force);
     * a send log never.
     */
    void replaceable(OutputGuard.Kind kind, Collection<Path> targets) {
        for (Path target : targets) {
            notAnInput(target, "输出文件", inputs);
            String kept = OutputGuard.neverReplaced(target);
            if (kept != null) {
                throw NianbaoException.usage(kept);
            }
        }
        if (force) {
            return;
        }
        List<String> refused = outputs.refusals(List.copyOf(targets), kind);
        if (!refused.isEmpty()) {
            throw NianbaoException.usage(refused.size() == 1 ? refused.get(0)
                    : "以下 " + refused.size() + " 个文件已存在，为免丢失不会替换（确定要替换时加 --force）：\n  "
                    + String.join("\n  ", refused));
        }
    }

    /**
     * As {@link #replaceable(OutputGuard.Kind, Path)}, for a list workbook the command rewrites with
     * the decisions it holds carried over (and the old file kept as a backup): those decisions do
     * not stop it.
     */
    void replaceableCarryingDecisions(OutputGuard.Kind kind, Path target) {
        if (target == null) {
            return;
        }
        notAnInput(target, "输出文件", inputs);
        String refused = force ? null : outputs.refusal(target, kind, true);
        if (refused != null) {
            throw NianbaoException.usage(refused);
        }
    }

    void replaceable(OutputGuard.Kind kind, Path target) {
        if (target != null) {
            replaceable(kind, List.of(target));
        }
    }
}
