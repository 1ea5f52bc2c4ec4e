package cn.nianbao.cli;

import cn.nianbao.round.mail.MailAccount;
import cn.nianbao.round.mail.MailException;
import cn.nianbao.round.mail.MailSecurity;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What collect (--imap, --pop3) and send share about a mail server: TLS and certificates, the
 * time limit, and the password — from NIANBAO_MAIL_PASSWORD or asked on the console without
 * echo; never an option, so it never stands on a command line, in a shell's history or a log.
 */
final class MailOptions {
    /** The environment variable holding the mail password. */
    static final String PASSWORD_VARIABLE = "NIANBAO_MAIL_PASSWORD";

    /** Where variables are looked up: the process environment (tests put their own). */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--insecure", description = "允许以明文连接其他机器上的 imap://、pop3://、smtp://（服务器支持时仍用 STARTTLS 加密；默认要求加密，连本机时除外）")
    boolean insecure;

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "信任这个证书文件（PEM 或 DER）：单位自己签发证书的邮件服务器。证书始终要验证")
    Path trustCert;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "每次网络操作（连接、读、写）最多等多少秒（默认 ${DEFAULT-VALUE}）")
    int timeout = MailSecurity.TIMEOUT_SECONDS;

    /** The transport rules given; a bad timeout is a usage error. */
    MailSecurity security() {
        if (timeout < 1) {
            throw NianbaoException.usage("--timeout 应为 1 或更大的秒数，实为 " + timeout);
        }
        if (trustCert != null) {
            Guard.inputsExist(java.util.List.of(trustCert), "证书文件（--trust-cert）");
        }
        return new MailSecurity(insecure, trustCert, timeout);
    }

    /** {@code url} parsed as an account of {@code protocol}; a malformed one is a usage error. */
    static MailAccount account(String url, MailAccount.Protocol protocol, String option) {
        try {
            return MailAccount.parse(url, protocol, option);
        } catch (IllegalArgumentException e) {
            throw NianbaoException.usage(e.getMessage());
        }
    }

    /**
     * The password for {@code account}: the environment variable, else asked on the console without
     * echo; with neither, a usage error that says how to give it.
     */
    static char[] password(MailAccount account, PrintWriter err) {
        String env = environment.apply(PASSWORD_VARIABLE);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console c = System.console();
        if (c != null) {
            err.flush();
            char[] p = c.readPassword("请输入 %s 的密码（输入时不显示）：", account.user() + "@" + account.host());
            if (p != null && p.length > 0) {
                return p;
            }
        }
        throw NianbaoException.usage("没有邮箱密码：请设置环境变量 " + PASSWORD_VARIABLE + "，或在终端中运行以便输入密码"
                + "（密码不能写在命令行上）");
    }

    /** A mail server that could not be used: exit 2 with its Chinese message. */
    static NianbaoException failed(MailException e) {
        return NianbaoException.unavailable(e.getMessage());
    }
}
