package cn.nianbao.round.mail;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mail account as the user names it on the command line: {@code imaps://user@host[:port]/文件夹},
 * {@code pop3s://user@host[:port]}, {@code smtps://user@host[:port]}. The user may itself be an
 * address (the last {@code @} separates the host). A password is never part of it: one written into
 * the address is refused, so it cannot end up in a shell's history, a log or a message.
 *
 * <p>The schemes ending in {@code s} speak TLS from the first byte; the plain ones ({@code imap},
 * {@code pop3}, {@code smtp}) must switch to TLS with STARTTLS before the password is sent, unless the
 * server is on this machine (a loopback address) or the user says {@code --insecure}.
 */
public record MailAccount(Protocol protocol, boolean implicitTls, String user, String host, int port, String folder) {
    /** The three mail protocols this tool speaks. */
    public enum Protocol {
        IMAP("imap", 143, 993, "IMAP"),
        POP3("pop3", 110, 995, "POP3"),
        SMTP("smtp", 587, 465, "SMTP");

        private final String scheme;
        private final int plainPort;
        private final int tlsPort;
        private final String shown;

        Protocol(String scheme, int plainPort, int tlsPort, String shown) {
            this.scheme = scheme;
            this.plainPort = plainPort;
            this.tlsPort = tlsPort;
            this.shown = shown;
        }

        public String shown() {
            return shown;
        }
    }

    /** The folder read when an IMAP address names none. */
    public static final String INBOX = "INBOX";

    /**
     * Parses {@code url} for {@code protocol}; {@code option} names the option in messages. Throws
     * {@link IllegalArgumentException} with a Chinese message saying what is wrong and how it should look.
     */
    public static MailAccount parse(String url, Protocol protocol, String option) {
        String example = switch (protocol) {
            case IMAP -> "imaps://用户名@服务器[:端口]/文件夹，如 imaps://gkb@mail.example.gov.cn/INBOX";
            case POP3 -> "pop3s://用户名@服务器[:端口]，如 pop3s://gkb@mail.example.gov.cn";
            case SMTP -> "smtps://用户名@服务器[:端口]，如 smtps://gkb@mail.example.gov.cn";
        };
        String shown = redacted(url);
        String bad = option + " 的值“" + shown + "”";
        int colon = url.indexOf("://");
        if (colon < 0) {
            throw new IllegalArgumentException(bad + "不是邮箱地址：应写成 " + example);
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean tls;
        if (scheme.equals(protocol.scheme + "s")) {
            tls = true;
        } else if (scheme.equals(protocol.scheme)) {
            tls = false;
        } else {
            throw new IllegalArgumentException(bad + "：" + option + " 只能用 " + protocol.scheme + "s://（加密）或 "
                    + protocol.scheme + "://（STARTTLS）开头，应写成 " + example);
        }
        String rest = url.substring(colon + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        if (at <= 0 && rest.indexOf('@') > 0 && authority.contains(":")
                && !authority.substring(authority.lastIndexOf(':') + 1).matches("\\d*")) {
            // user:pass/word@host: the password's "/" ended the authority early — still a password
            throw passwordGiven(option);
        }
        if (at <= 0) {
            throw new IllegalArgumentException(bad + "缺少用户名（写在服务器前面，用 @ 隔开）：应写成 " + example);
        }
        String userInfo = authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        if (userInfo.contains(":")) {
            // user:password@host — refuse before anything is done with it, and do not repeat it.
            throw passwordGiven(option);
        }
        String user = decode(userInfo);
        String host;
        int port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(bad + "的服务器地址不完整：应写成 " + example);
            }
            host = hostPort.substring(1, close);
            port = port(hostPort.substring(close + 1), tls ? protocol.tlsPort : protocol.plainPort, bad);
        } else {
            int c = hostPort.lastIndexOf(':');
            host = c < 0 ? hostPort : hostPort.substring(0, c);
            port = port(c < 0 ? "" : hostPort.substring(c), tls ? protocol.tlsPort : protocol.plainPort, bad);
        }
        if (host.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException(bad + "缺少" + (host.isBlank() ? "服务器" : "用户名") + "：应写成 " + example);
        }
        String folder = "";
        if (protocol == Protocol.IMAP) {
            folder = decode(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            if (folder.isEmpty()) {
                folder = INBOX;
            }
        } else if (!path.isEmpty()) {
            throw new IllegalArgumentException(bad + "：" + protocol.shown + " 地址后面不能有文件夹（" + (protocol == Protocol.POP3
                    ? "POP3 只有收件箱；要读某个文件夹请用 --imap" : "发信不需要文件夹") + "），应写成 " + example);
        }
        return new MailAccount(protocol, tls, user, host.toLowerCase(Locale.ROOT), port, folder);
    }

    private static IllegalArgumentException passwordGiven(String option) {
        return new IllegalArgumentException(option + " 的地址中含有密码（用户名后面的“:…”）：密码不能写在命令行上，"
                + "命令行会留在终端历史和进程列表里。请去掉它，用环境变量 NIANBAO_MAIL_PASSWORD 给出密码，或运行时在提示下输入");
    }

    /**
     * {@code url} as a message may repeat it: whatever could be a password taken out. A password is
     * what follows the first ":" after the scheme up to the last "@" (a password may hold "/" or "@"),
     * or, with no "@" at all, everything after a ":" that is no port; it is shown as ***.
     */
    static String redacted(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        String rest = url.substring(start);
        int at = rest.lastIndexOf('@');
        int c = rest.indexOf(':');
        if (at >= 0) {
            return c >= 0 && c < at ? url.substring(0, start + c + 1) + "***" + rest.substring(at) : url;
        }
        if (c >= 0) {
            int end = rest.indexOf('/', c);
            String after = end < 0 ? rest.substring(c + 1) : rest.substring(c + 1, end);
            if (!after.matches("\\d*")) {
                return url.substring(0, start + c + 1) + "***"; // a password may hold "/": nothing after it is shown
            }
        }
        return url;
    }

    private static int port(String s, int dflt, String bad) {
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            int p = Integer.parseInt(s.substring(1));
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad + "的端口“" + s.substring(1) + "”不是 1 到 65535 之间的数");
        }
    }

    /** Percent-decoding as in a URL (%40 for @ in a user name, a folder's Chinese name); the rest as written. */
    private static String decode(String s) {
        if (!s.contains("%")) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The Angus Mail protocol name: imap / imaps, pop3 / pop3s, smtp / smtps. */
    public String angusProtocol() {
        return protocol.scheme + (implicitTls ? "s" : "");
    }

    /** The server as messages name it: host:port. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The account as the user wrote it, without password: imaps://user@host:port/folder. */
    @Override
    public String toString() {
        return angusProtocol() + "://" + user + "@" + server() + (protocol == Protocol.IMAP ? "/" + folder : "");
    }

    /** Whether the server is this machine: plain text never leaves it. */
    public boolean loopback() {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // Only a literal address is looked at: a name is not resolved here.
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return InetAddress.getByName(host).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
