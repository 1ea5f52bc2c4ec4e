package cn.nianbao.round.mail;

/**
 * A mail server could not be used: unreachable, the password refused, the connection dropped, no
 * answer in time, a certificate that cannot be verified. The message is Chinese, names the server
 * and says what happened to what was already done; it never holds the password.
 */
public final class MailException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailException(String message) {
        super(message);
    }
}
