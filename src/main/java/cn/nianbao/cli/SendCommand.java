package cn.nianbao.cli;

import cn.nianbao.report.OutputGuard;
import cn.nianbao.round.mail.DraftSender;
import cn.nianbao.round.mail.MailAccount;
import cn.nianbao.round.mail.MailException;
import cn.nianbao.round.mail.SendLog;
import cn.nianbao.spec.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"通过 SMTP 发出 issue 和 collect --returns 写的邮件草稿，每份只发一次（旁边的“发送记录.csv”记下发了什么）。",
            "Sends the drafts issue and collect --returns wrote over SMTP, each exactly once."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "草稿所在的文件夹（只看其中的 .eml，不看子文件夹），或草稿文件")
    List<Path> inputs;

    @Option(names = "--smtp", paramLabel = "URL", description = "发信服务器：smtps://用户名@服务器[:端口]（或 smtp://，要求 STARTTLS）")
    String smtp;

    @Option(names = "--from", paramLabel = "ADDR", description = "发件人地址（默认为 --smtp 中的用户名，它是邮箱地址时）")
    String from;

    @Option(names = "--dry-run", description = "只列出会发送哪些草稿，不联网、不发送")
    boolean dryRun;

    @Option(names = "--per-minute", paramLabel = "N", description = "每分钟最多发几封（默认 ${DEFAULT-VALUE}：政府邮件服务器常有限速）")
    int perMinute = DraftSender.PER_MINUTE;

    @picocli.CommandLine.Mixin
    MailOptions mail = new MailOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Guard.inputsExist(inputs, "草稿文件夹");
        if (perMinute < 1) {
            throw NianbaoException.usage("--per-minute 应为 1 或更大的整数，实为 " + perMinute);
        }
        if (smtp == null && !dryRun) {
            throw NianbaoException.usage("缺少 --smtp：请给出发信服务器，如 --smtp smtps://gkb@mail.example.gov.cn（只想看会发什么时加 --dry-run）");
        }
        MailAccount account = smtp == null ? null : MailOptions.account(smtp, MailAccount.Protocol.SMTP, "--smtp");
        String sender = from != null ? from.strip() : account != null && account.user().contains("@") ? account.user() : null;
        if (!dryRun && (sender == null || !sender.matches("[^@\\s]+@[^@\\s]+"))) {
            throw NianbaoException.usage(sender == null ? "请用 --from 给出发件人邮箱地址（--smtp 中的用户名不是邮箱地址）"
                    : "--from " + sender + " 不是邮箱地址");
        }
        List<DraftSender.Draft> drafts = DraftSender.find(inputs);
        if (drafts.isEmpty()) {
            out.println("没有找到邮件草稿（本工具 issue、collect --returns 写出的 .eml）：" + String.join("、",
                    inputs.stream().map(Path::toString).toList()));
            out.flush();
            return ExitCodes.FINDINGS;
        }
        List<DraftSender.Report> reports;
        if (dryRun) {
            reports = DraftSender.dryRun(drafts);
            reports.forEach(r -> out.println(line(r)));
        } else {
            // The logs beside the drafts are only ever added to: ours, or nothing is sent.
            OutputGuard guard = new OutputGuard(Formats.builtIn());
            for (Path folder : DraftSender.logFolders(drafts)) {
                String refused = guard.sendLogRefusal(folder.resolve(SendLog.FILE));
                if (refused != null) {
                    throw NianbaoException.usage(refused);
                }
            }
            // A log that cannot be written now (open in Excel): stop before the password is asked and anything is sent.
            DraftSender.checkLogs(drafts);
            boolean anyToSend = DraftSender.dryRun(drafts).stream().anyMatch(r -> r.outcome() == DraftSender.Outcome.WOULD_SEND);
            char[] password = anyToSend ? MailOptions.password(account, err) : new char[0];
            try {
                reports = DraftSender.send(account, new DraftSender.Options(password, mail.security(), sender, perMinute), drafts, r -> {
                    out.println(line(r));
                    out.flush();
                });
            } catch (MailException e) {
                throw MailOptions.failed(e);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        long sent = count(reports, DraftSender.Outcome.SENT);
        long would = count(reports, DraftSender.Outcome.WOULD_SEND);
        long before = count(reports, DraftSender.Outcome.ALREADY_SENT);
        long deferred = count(reports, DraftSender.Outcome.DEFERRED);
        long problems = reports.size() - sent - would - before - deferred;
        out.println((dryRun ? "草稿 " + reports.size() + " 份：将发送 " + would : "草稿 " + reports.size() + " 份：已发送 " + sent)
                + "，以前已发送 " + before + (deferred == 0 ? "" : "，服务器暂时拒绝 " + deferred + "（下次运行会再发）")
                + "，未发送（没有收件人、被拒绝等）" + problems
                + (dryRun ? "（--dry-run：没有发送任何邮件）" : "；发送记录在各草稿文件夹的 " + SendLog.FILE));
        out.flush();
        return problems + deferred == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static long count(List<DraftSender.Report> reports, DraftSender.Outcome o) {
        return reports.stream().filter(r -> r.outcome() == o).count();
    }

    private static String line(DraftSender.Report r) {
        return r.outcome().chinese() + "：" + r.file() + (r.detail().isEmpty() ? "" : "　" + r.detail());
    }
}
