package cn.nianbao.cli;

import cn.nianbao.round.Issuer;
import cn.nianbao.round.Roster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** What issue and collect share: the roster, the reporting year and the deadline of a round. */
final class RoundOptions {
    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "名册：CSV（UTF-8 或 GBK）或 .xlsx，列为 单位名称,统一社会信用代码,联系邮箱[,上级单位][,别名]")
    Path roster;

    @Option(names = "--year", required = true, description = "报告年度")
    int year;

    @Option(names = "--deadline", paramLabel = "YYYY-MM-DD", description = "报送截止日期（默认次年 1 月 31 日，北京时间当日 24 时前）")
    String deadline;

    /** The reporting year, checked (2008 to next year). */
    int year() {
        return Guard.year(year, "--year");
    }

    /** The deadline given, or the default one; a malformed date is a usage error. */
    LocalDate due() {
        try {
            return deadline == null ? Issuer.defaultDeadline(year) : LocalDate.parse(deadline);
        } catch (DateTimeParseException e) {
            throw NianbaoException.usage("--deadline " + deadline + "：日期格式应为 YYYY-MM-DD");
        }
    }

    /** The roster, with the rows left out printed; an unreadable roster is a usage error. */
    Roster roster(PrintWriter out) {
        Guard.inputsExist(java.util.List.of(roster), "名册（--roster）");
        Roster r;
        try {
            r = Roster.load(roster);
        } catch (IOException e) {
            throw NianbaoException.usage("名册 " + roster + " 无法读取：" + e.getMessage());
        }
        r.problems().forEach(p -> out.println((p.skipped() ? "名册问题（已跳过）：" : "名册问题：") + p.message()));
        return r;
    }
}
