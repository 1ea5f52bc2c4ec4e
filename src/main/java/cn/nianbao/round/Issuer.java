package cn.nianbao.round;

import cn.nianbao.model.Filing;
import cn.nianbao.model.MatchedBy;
import cn.nianbao.reconcile.AgencyIndex;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.template.CarryOver;
import cn.nianbao.template.Protection;
import cn.nianbao.template.TemplateBatch;
import cn.nianbao.template.TemplateRequest;
import cn.nianbao.util.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues a round: for every agency of a roster, a personalised template (identity filled in, last
 * year's carry-forward pre-filled and locked when its filing is found) and an unsent e-mail with
 * the template attached and the deadline in the message.
 */
public final class Issuer {
    /**
     * What was issued to one agency; {@code carriedFrom} is last year's file, or "" when none was
     * found; {@code matchedBy} how it was found (null when none was).
     */
    public record Issued(Agency agency, Path template, Path draft, String carriedFrom, MatchedBy matchedBy) {
    }

    public record Result(List<Issued> issued, List<String> warnings) {
    }

    private final FormatSpec spec;
    private final int year;
    private final LocalDate deadline;
    private final TemplateBatch batch;

    public Issuer(FormatSpec spec, int year, LocalDate deadline, Protection protection) {
        this.spec = spec;
        this.year = year;
        this.deadline = deadline;
        this.batch = new TemplateBatch(protection);
    }

    /** The deadline when none is given: 31 January of the following year (the national date for departments). */
    public static LocalDate defaultDeadline(int year) {
        return LocalDate.of(year + 1, 1, 31);
    }

    /**
     * Writes every agency's template and draft into {@code dir}. Nothing half-done: when a write
     * fails, the files this run added are removed again (those it replaced were blank templates
     * and drafts, which the caller let it replace) and the failure is thrown.
     */
    public Result issue(Roster roster, List<Filing> previous, Path dir) throws IOException {
        List<Path> fresh = new ArrayList<>();
        for (Agency a : roster.agencies()) {
            for (Path p : List.of(templatePath(a, dir), draftPath(a, dir))) {
                if (!Files.exists(p)) {
                    fresh.add(p);
                }
            }
        }
        try {
            return issueAll(roster, previous, dir);
        } catch (IOException e) {
            for (Path p : fresh) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // not there to remove (the folder itself could not be made)
                }
            }
            throw e;
        }
    }

    private Result issueAll(Roster roster, List<Filing> previous, Path dir) throws IOException {
        AgencyIndex<Filing> index = previousIndex(roster, previous);
        List<Issued> issued = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Agency a : roster.agencies()) {
            Issued t = template(a, index, !previous.isEmpty(), dir, warnings);
            Path draft = draftPath(a, dir);
            Drafts.write(draft, a.email(), subject(a), body(a, !t.carriedFrom().isEmpty()), t.template(),
                    t.template().getFileName().toString());
            if (a.email().isBlank()) {
                warnings.add(noAddress(a));
            }
            issued.add(new Issued(a, t.template(), draft, t.carriedFrom(), t.matchedBy()));
        }
        return new Result(issued, warnings);
    }

    /** Where {@link #template} writes an agency's template in {@code dir}: 单位-年度.xlsx (a long name shortened). */
    public Path templatePath(Agency a, Path dir) {
        return dir.resolve(FileNames.agency(a.name()) + "-" + year + ".xlsx");
    }

    /** Where {@link #issue} writes an agency's message in {@code dir}: 单位-年度.eml. */
    public Path draftPath(Agency a, Path dir) {
        return dir.resolve(FileNames.agency(a.name()) + "-" + year + ".eml");
    }

    /** Last year's filings of a roster, found by code, name or alias. */
    public AgencyIndex<Filing> previousIndex(Roster roster, List<Filing> previous) {
        return AgencyIndex.ofFilings(previous.stream().filter(f -> f.year() == year - 1).toList(), roster.aliases());
    }

    /**
     * Writes one agency's template into {@code dir} as 单位-年度.xlsx, carrying over last year's
     * 四 when {@code index} finds its filing; the draft of the result is null.
     */
    public Issued template(Agency a, AgencyIndex<Filing> index, boolean havePrevious, Path dir, List<String> warnings)
            throws IOException {
        TemplateRequest req = TemplateRequest.of(spec, year, a.name(), a.code());
        AgencyIndex.Hit<Filing> hit = index.find(a.code(), a.name());
        if (hit != null && hit.codeDisagrees()) {
            hit = null; // found by name, but its code is another agency's
        }
        Filing last = hit == null ? null : hit.entry();
        if (last != null) {
            CarryOver.Result carry = CarryOver.from(last, spec, year);
            carry.warnings().forEach(w -> warnings.add(a.name() + "：" + w));
            req = req.withCarriedOver(carry.values(), carry.source());
        } else if (havePrevious) {
            warnings.add(a.name() + "：没有找到" + (year - 1) + "年的报表，上年结转未预填，由单位自行填写");
        }
        Path template = templatePath(a, dir);
        batch.write(req, template);
        return new Issued(a, template, null, last == null ? "" : last.file(), hit == null ? null : hit.by());
    }

    /** The warning for an agency the roster gives no address: its drafts go to no one until the supervisor fills one in. */
    static String noAddress(Agency a) {
        return a.name() + "：名册中没有联系邮箱，邮件草稿的收件人需要手工填写";
    }

    /** Filling instructions shared by the first message and reminders. */
    String instructions(boolean carried) {
        return "填写说明：\n"
                + "1. 只在白色单元格中填写数字；没有发生的事项请填 0，空白不等于 0。\n"
                + (carried ? "2. 表三“二、上年结转”已按贵单位" + (year - 1) + "年报表预填并锁定；如有异议请联系我们，不要自行改动。\n"
                        : "2. 表三“二、上年结转”请按贵单位" + (year - 1) + "年报告中的“四、结转下年度继续办理”填写。\n")
                + "3. “校验”工作表随填写实时显示勾稽关系，报送前请改正所有“不通过”。\n"
                + "4. 请不要改动表格结构和标签；可另存为 .xlsx 或 .xls。\n";
    }

    private String subject(Agency a) {
        return "请填报" + year + "年政府信息公开工作年度报告统计表（" + a.name() + "，" + date(deadline) + "前报送）";
    }

    private String body(Agency a, boolean carried) {
        return a.name() + "：\n\n"
                + "请填写附件《" + a.name() + year + "年政府信息公开工作年度报告统计表》，于" + date(deadline)
                + "前直接回复本邮件，把填好的文件作为附件发回。\n\n"
                + instructions(carried) + "\n"
                + "谢谢！\n";
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
