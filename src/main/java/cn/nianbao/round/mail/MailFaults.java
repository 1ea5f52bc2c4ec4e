package cn.nianbao.round.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.StoreClosedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What went wrong with a mail server, in Chinese, the server named: unreachable, no answer in time,
 * the password refused, the certificate not verified, STARTTLS missing, the connection dropped. The
 * server's own words follow when they add something; the password never appears (it is not in what
 * the mail library reports, and is taken out should a server echo it).
 */
final class MailFaults {
    private MailFaults() {
    }

    /**
     * The message for {@code e} while talking to {@code account}; {@code timeoutSeconds} is the
     * limit that was in force, {@code password} is removed from anything quoted.
     */
    static String describe(Throwable e, MailAccount account, int timeoutSeconds, char[] password) {
        String server = account.protocol().shown() + " 服务器 " + account.server();
        String detail = detail(e, password);
        if (has(e, AuthenticationFailedException.class)) {
            return server + " 拒绝了用户名“" + account.user() + "”或密码" + quote(detail)
                    + "。请检查用户名和 NIANBAO_MAIL_PASSWORD（或输入的密码）；有的邮箱要用“客户端授权码”而不是网页登录密码";
        }
        if (has(e, UnknownHostException.class)) {
            return "找不到服务器 " + account.host() + "（域名无法解析）：请检查服务器地址和网络";
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            return "无法连接 " + server + "（" + (has(e, NoRouteToHostException.class) ? "网络不通" : "连接被拒绝") + "）："
                    + "请检查服务器地址、端口（imaps 993、pop3s 995、smtps 465）和网络，或服务器是否在运行";
        }
        if (has(e, SocketTimeoutException.class) || detail.toLowerCase(Locale.ROOT).contains("timed out")) {
            return server + " 在 " + timeoutSeconds + " 秒内没有响应（超时）：服务器太慢或网络不通。可以稍后再试，或用 --timeout 给更长的时间";
        }
        if (has(e, SSLHandshakeException.class) || has(e, java.security.cert.CertificateException.class)) {
            String low = detail.toLowerCase(Locale.ROOT);
            if (low.contains("subject alternative") || low.contains("no name matching") || low.contains("hostname")) {
                return server + " 的证书不是签发给 " + account.host() + " 的，无法确认对方就是这台服务器：请使用证书上写的服务器名称"
                        + quote(detail);
            }
            return server + " 的证书无法验证（不是受信任的机构签发的，或已过期）：如果这是单位自己签发的证书，"
                    + "请向管理员要一份证书文件，用 --trust-cert 文件 指定" + quote(detail);
        }
        if (detail.contains("STARTTLS")) {
            return server + " 不支持 STARTTLS 加密：请改用 " + account.protocol().name().toLowerCase(Locale.ROOT)
                    + "s://（加密端口），或确认网络安全后加 --insecure 以明文连接";
        }
        if (has(e, FolderNotFoundException.class)) {
            return server + " 上没有文件夹“" + account.folder() + "”：请检查 --imap 地址最后的文件夹名";
        }
        if (has(e, SSLException.class)) {
            return "与 " + server + " 的加密连接失败" + quote(detail);
        }
        if (has(e, FolderClosedException.class) || has(e, StoreClosedException.class) || has(e, EOFException.class)
                || has(e, SocketException.class) || detail.toLowerCase(Locale.ROOT).contains("connection")
                || detail.contains("[EOF]") // the SMTP client's word for a server that closed the connection mid-reply
                || has(e, org.eclipse.angus.mail.iap.ConnectionException.class)) {
            return "与 " + server + " 的连接中断" + quote(detail);
        }
        return server + " 出错" + quote(detail);
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()
                    && has(m.getNextException(), type)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message that says something, password removed, without Java class names. */
    static String detail(Throwable e, char[] password) {
        String best = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        String plain = cn.nianbao.util.IoErrors.plain(scrub(best, password));
        // The library's own wording ("* BYE Jakarta Mail Exception: …", "Exception reading response")
        // says nothing a user can act on beyond what the Chinese message says.
        return plain.contains("Exception") || plain.startsWith("* BYE") ? "" : plain;
    }

    /** {@code s} with every occurrence of the password taken out. */
    static String scrub(String s, char[] password) {
        if (password == null || password.length == 0 || s == null) {
            return s;
        }
        return s.replace(new String(password), "******");
    }

    private static String quote(String detail) {
        return detail.isBlank() ? "" : "（服务器或系统的说明：" + detail.strip() + "）";
    }
}
