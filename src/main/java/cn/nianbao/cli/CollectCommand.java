package cn.nianbao.cli;

import cn.nianbao.model.Filing;
import cn.nianbao.report.Batch;
import cn.nianbao.report.FileReport;
import cn.nianbao.report.OutputGuard;
import cn.nianbao.report.ReturnCopies;
import cn.nianbao.round.CollectionWorkbook;
import cn.nianbao.round.Collector;
import cn.nianbao.round.Inbox;
import cn.nianbao.round.Issuer;
import cn.nianbao.round.ReturnDrafts;
import cn.nianbao.round.Roster;
import cn.nianbao.round.RoundFiles;
import cn.nianbao.round.RoundSummary;
import cn.nianbao.round.RoundTotal;
import cn.nianbao.round.mail.MailAccount;
import cn.nianbao.round.mail.MailException;
import cn.nianbao.round.mail.MailSecurity;
import cn.nianbao.round.mail.MailStore;
import cn.nianbao.round.mail.MailboxFetch;
import cn.nianbao.spec.FormatSpec;
import cn.nianbao.spec.Formats;
import cn.nianbao.template.Protection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"收集一轮报送：读取收件箱（工作簿、.zip、.eml、.mbox），按名册认定单位，检查、跨年核对、统计谁交了谁没交，并把本轮加总。",
            "Collects a round: reads an inbox, matches roster agencies, checks, tracks who is missing, adds the round up."})
final class CollectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    RoundOptions options = new RoundOptions();

    @Option(names = "--inbox", paramLabel = "DIR", description = "收件文件夹（或一个文件）：.xlsx/.xls、.zip、.eml、.mbox，任意混合")
    Path inbox;

    @Option(names = "--imap", paramLabel = "URL", description = "从 IMAP 邮箱取回复：imaps://用户名@服务器[:端口]/文件夹（默认 INBOX）。"
            + "只取以前没取过的，原样存进 -o 旁边的“…-邮件/”，以后不联网也能处理")
    String imap;

    @Option(names = "--pop3", paramLabel = "URL", description = "从 POP3 邮箱取回复：pop3s://用户名@服务器[:端口]")
    String pop3;

    @Option(names = "--mark-seen", description = "把已取到的邮件在服务器上标为已读（默认不动）")
    boolean markSeen;

    @Option(names = "--move-to", paramLabel = "FOLDER", description = "把已取到的邮件在服务器上移到这个文件夹（没有时新建；默认不动）")
    String moveTo;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "只取这一天（北京时间）及以后服务器收到的邮件")
    String since;

    @picocli.CommandLine.Mixin
    MailOptions mail = new MailOptions();

    @Option(names = "--previous", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "上年的报表：跨年核对（C1、C2），并为催报邮件的模板预填上年结转")
    List<Path> previous;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "收集情况工作簿（.xlsx）。原有的收集情况里有人填写的处理意见和备注带到同一问题上（问题已没有的移到“已处理”），原文件另存为备份")
    Path output;

    @Option(names = "--returns", paramLabel = "DIR", description = "退回文件夹：标注副本，以及退回、重新报送、催报的邮件草稿")
    Path returns;

    @Option(names = "--total", paramLabel = "FILE", description = "本轮加总的工作簿（默认在收集情况旁：…-汇总.xlsx，另有同名 .csv）")
    Path total;

    @Option(names = "--total-name", paramLabel = "NAME", description = "加总表的单位名称（默认“名册合计”）")
    String totalName = "名册合计";

    @Option(names = "--include-errors", description = "加总时也计入有错误的报表（默认只计入没有错误的）")
    boolean includeErrors;

    @Option(names = "--password", description = "催报模板的工作表保护密码（可选）")
    String password;

    @Option(names = "--resubmit-days", paramLabel = "N", description = "退回、重新报送和逾期催报的草稿要求在运行当天起几天内发回（默认 ${DEFAULT-VALUE}；不早于报送截止日期）")
    int resubmitDays = ReturnDrafts.RESUBMIT_DAYS;

    @Option(names = "--decisions", arity = "1..*", paramLabel = "FILE",
            description = "另外读取这些问题清单或收集情况（.xlsx/.xls）里的处理意见和备注（按给出的顺序，后面的优先；-o 原有的最先读）")
    List<Path> decisionFiles = new ArrayList<>();

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Mixin
    ForceOption force = new ForceOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int year = options.year();
        Formats formats = Formats.builtIn();
        FormatSpec fmt = formats.forYear(year);
        LocalDate due = options.due();
        if (resubmitDays < 0) {
            throw NianbaoException.usage("--resubmit-days 不能是负数：" + resubmitDays);
        }
        if (inbox != null) {
            Guard.inputsExist(List.of(inbox), "收件文件夹（--inbox）");
        }
        if (previous != null) {
            Guard.inputsExist(previous, "上年的报表（--previous）");
        }
        RoundFiles files = RoundFiles.of(output, total);
        Path extract = files.extract();
        Path totalXlsx = files.totalXlsx();
        Path totalCsv = files.totalCsv();
        List<MailAccount> accounts = accounts();
        LocalDate sinceDate = sinceDate();
        MailSecurity security = accounts.isEmpty() ? null : mail.security();
        if (inbox == null && accounts.isEmpty() && !MailStore.exists(files.mail())) {
            throw NianbaoException.usage("没有收件来源：请用 --inbox 给出收件文件夹，或用 --imap / --pop3 给出邮箱");
        }
        List<Path> inputs = new ArrayList<>(List.of(options.roster));
        if (inbox != null) {
            inputs.add(inbox);
        }
        if (previous != null) {
            inputs.addAll(previous);
        }
        if (inbox != null && Files.exists(files.mail()) && Files.isSameFile(inbox, files.mail())) {
            throw NianbaoException.usage("--inbox " + inbox + " 就是本轮的邮件库：邮件库中的邮件每次都会自动读取，不用再用 --inbox 指定");
        }
        Guard.notAnInput(files.mail(), "邮件库", inputs);
        if (!accounts.isEmpty() && MailStore.refusal(files.mail()) != null) {
            throw NianbaoException.usage(MailStore.refusal(files.mail()));
        }
        if (MailStore.exists(files.mail())) {
            inputs.add(files.mail()); // read on every run: no output may land in it
        }
        Guard guard = new Guard(formats, force.force, inputs);
        Guard.notAnInput(output, "收集情况（-o）", inputs);
        Guard.notAnInput(totalXlsx, "本轮加总（--total）", inputs);
        Guard.notAnInput(totalCsv, "本轮加总的 CSV", inputs);
        Guard.notAnInput(extract, "附件提取文件夹", inputs);
        Guard.notAnInput(returns, "退回文件夹（--returns）", inputs);
        guard.replaceableCarryingDecisions(OutputGuard.Kind.COLLECTION, output);
        Carry.Loaded decisions = Carry.load(output, OutputGuard.Kind.COLLECTION, decisionFiles, guard);
        guard.replaceable(OutputGuard.Kind.ROUND_TOTAL, totalXlsx);
        guard.replaceable(OutputGuard.Kind.CSV, totalCsv);
        if (files.extractRefusal() != null) {
            throw NianbaoException.usage(files.extractRefusal());
        }
        Roster r = options.roster(out);
        if (r.agencies().isEmpty()) {
            throw NianbaoException.usage("名册 " + options.roster + " 中没有可用的单位");
        }

        List<FileReport> prevReports = previous == null ? List.of() : Runs.readAll(formats, previous, run, err, "读取上年");
        List<Filing> last = previous == null ? null : Batch.filings(prevReports);
        for (MailAccount a : accounts) {
            fetch(a, security, sinceDate, files.mail(), out, err);
        }
        files.resetExtract();
        List<Inbox.Item> items = Inbox.open(inbox, MailStore.exists(files.mail()) ? files.mail() : null, extract);
        CompilerHints.forBatch(items.size());
        Collector collector = new Collector(formats, r, year, fmt, due);
        Collector.Round round = collector.collect(items, last, run.threads,
                new Progress(err, "读取收件", items.size(), run.quiet), decisions.decisions());

        RoundSummary.lines(round, prevReports).forEach(out::println);
        Map<String, Path> copies = returns == null ? Map.of() : ReturnCopies.plan(returns, round.currentReports());
        Issuer issuer = new Issuer(fmt, year, due, Protection.withPassword(password));
        if (returns != null) {
            // Every file of the returns folder is checked before the first output is written.
            guard.replaceable(OutputGuard.Kind.RETURN_COPY, copies.values());
            guard.replaceable(OutputGuard.Kind.DRAFT, ReturnDrafts.drafts(returns, round));
            guard.replaceable(OutputGuard.Kind.TEMPLATE, ReturnDrafts.templates(returns, round, issuer));
        }
        Path backup = Carry.backupBeforeWriting(output, decisions);
        CollectionWorkbook.write(output, round);
        out.println("收集情况：" + output + "（收件中的附件和压缩包内容解到 " + extract + "）");
        Carry.report(out, decisions, round.decided(), backup);
        Carry.reportBackup(out, decisions, backup);
        RoundTotal.Result sum = RoundTotal.of(round, includeErrors, totalName);
        RoundTotal.write(sum, totalXlsx, totalCsv);
        out.println(RoundSummary.total(files, sum, includeErrors));
        if (returns != null) {
            ReturnCopies.write(copies, round.currentReports());
            List<String> warnings = new ArrayList<>();
            List<ReturnDrafts.Written> drafts = ReturnDrafts.write(returns, round, copies, issuer,
                    issuer.previousIndex(r, last == null ? List.of() : last), last != null, LocalDate.now(Collector.ZONE), resubmitDays,
                    warnings);
            warnings.forEach(w -> out.println("注意：" + w));
            List<Path> written = new ArrayList<>(copies.values());
            drafts.forEach(d -> {
                written.add(d.draft());
                written.add(d.attachment());
            });
            Outputs.stale(out, returns, written, guard);
            out.println(RoundSummary.returns(copies, drafts, returns));
        }
        out.flush();
        return RoundSummary.complete(round) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The mailboxes given (--imap, --pop3), checked before anything is read. */
    private List<MailAccount> accounts() {
        List<MailAccount> list = new ArrayList<>();
        if (imap != null) {
            list.add(MailOptions.account(imap, MailAccount.Protocol.IMAP, "--imap"));
        }
        if (pop3 != null) {
            list.add(MailOptions.account(pop3, MailAccount.Protocol.POP3, "--pop3"));
        }
        if ((markSeen || moveTo != null) && imap == null) {
            throw NianbaoException.usage((markSeen ? "--mark-seen" : "--move-to") + " 只用于 --imap：POP3 邮箱没有已读标记和文件夹"
                    + (pop3 == null ? "，而且没有给出邮箱" : ""));
        }
        if (since != null && list.isEmpty()) {
            throw NianbaoException.usage("--since 只用于 --imap 或 --pop3（限定从邮箱取哪些邮件）");
        }
        if (moveTo != null && moveTo.isBlank()) {
            throw NianbaoException.usage("--move-to 的文件夹名不能是空的");
        }
        return list;
    }

    private LocalDate sinceDate() {
        try {
            return since == null ? null : LocalDate.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw NianbaoException.usage("--since " + since + "：日期格式应为 YYYY-MM-DD");
        }
    }

    /** Fetches {@code a}'s new messages into the mail store and lists each. */
    private void fetch(MailAccount a, MailSecurity security, LocalDate sinceDate, Path storeDir, PrintWriter out, PrintWriter err)
            throws IOException {
        char[] password = MailOptions.password(a, err);
        MailStore store = MailStore.open(storeDir);
        out.println("从 " + a + " 取邮件（存入 " + storeDir + "）……");
        out.flush();
        MailboxFetch.Result r;
        try {
            r = MailboxFetch.fetch(a, new MailboxFetch.Options(password, security, sinceDate, markSeen, moveTo), store, f -> {
                out.println("  " + (f.duplicate() ? "已有" : "新邮件") + "：" + f.file().getFileName() + "　发件人 " + (f.from().isEmpty()
                        ? "（无）" : f.from()) + "　主题：" + (f.subject().isEmpty() ? "（没有主题）" : f.subject())
                        + (f.received() == null ? "" : "　" + CollectionWorkbook.time(f.received(), Inbox.TimeSource.SERVER_RECEIVED))
                        + (f.duplicate() ? "（与邮件库中已有的同一封邮件相同，未重复保存）" : "")
                        + (f.omittedBytes() > 0 ? "（邮件太大，只保存了邮件头）" : ""));
                out.flush();
            });
        } catch (MailException e) {
            throw MailOptions.failed(e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        out.println("邮箱 " + a + "：" + r.onServer() + " 封" + (sinceDate == null ? "" : "（" + sinceDate + " 及以后）") + "，以前已取 "
                + r.alreadyStored() + " 封，本次新取 " + (r.fetched().size() - r.duplicates()) + " 封"
                + (r.duplicates() == 0 ? "" : "，另有 " + r.duplicates() + " 封与邮件库中已有的相同（未重复保存）")
                + (r.marked() == 0 ? "" : "；已标为已读 " + r.marked() + " 封")
                + (r.moved() == 0 ? "" : "；已移到文件夹“" + r.movedTo() + "” " + r.moved() + " 封")
                + (r.leftHeadersOnly() == 0 ? "" : "；" + r.leftHeadersOnly() + " 封太大、只存了邮件头，留在服务器原处，没有标记或移动"));
    }
}
