package cn.nianbao.round.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How this tool talks to a mail server: TLS unless the server is on this machine or the user said
 * {@code --insecure}, the server's certificate always verified (against Java's trusted authorities,
 * and the certificate of {@code --trust-cert} for a server with its own), and a time limit on every
 * connect, read and write, so a server that stops answering ends the run with a message instead of
 * hanging it.
 *
 * @param insecure  plain imap/pop3/smtp to another machine allowed (STARTTLS still used when offered)
 * @param trustCert a certificate file (PEM or DER, one or more certificates) trusted besides Java's; null for none
 * @param timeoutSeconds the limit on every network call
 */
public record MailSecurity(boolean insecure, Path trustCert, int timeoutSeconds) {
    /** Default time limit on a network call. */
    public static final int TIMEOUT_SECONDS = 60;

    public MailSecurity {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout 应为 1 或更大的秒数，实为 " + timeoutSeconds);
        }
    }

    /**
     * Whether {@code account} must switch to TLS with STARTTLS before anything else: a plain protocol
     * to another machine without --insecure. Plain text is never the silent fallback there.
     */
    public boolean startTlsRequired(MailAccount account) {
        return !account.implicitTls() && !account.loopback() && !insecure;
    }

    /** The session properties for {@code account}; the certificate file is read here (an unreadable one is a MailException). */
    public Properties properties(MailAccount account) throws MailException {
        Properties p = new Properties();
        String proto = account.angusProtocol();
        String ms = String.valueOf(timeoutSeconds * 1000L);
        String k = "mail." + proto + ".";
        p.setProperty(k + "connectiontimeout", ms);
        p.setProperty(k + "timeout", ms);
        p.setProperty(k + "writetimeout", ms);
        p.setProperty(k + "ssl.checkserveridentity", "true");
        if (!account.implicitTls()) {
            p.setProperty(k + "starttls.enable", "true");
            p.setProperty(k + "starttls.required", String.valueOf(startTlsRequired(account)));
        }
        if (trustCert != null) {
            p.put(k + "ssl.socketFactory", socketFactory(trustCert));
        }
        switch (account.protocol()) {
            case IMAP -> {
                p.setProperty(k + "peek", "true");           // reading never sets \Seen
                p.setProperty(k + "partialfetch", "false");  // one FETCH per message, not 16 KB pieces
            }
            case POP3 -> p.setProperty(k + "rsetbeforequit", "true"); // nothing is ever deleted on QUIT
            case SMTP -> {
                p.setProperty(k + "auth", "true");
                p.setProperty(k + "sendpartial", "false"); // one recipient refused: the draft is not sent at all
            }
        }
        return p;
    }

    /** Java's trusted authorities and the certificates of {@code file}. */
    static SSLSocketFactory socketFactory(Path file) throws MailException {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            TrustManagerFactory dflt = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            dflt.init((KeyStore) null);
            int n = 0;
            for (var tm : dflt.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("java-" + n++, c);
                    }
                }
            }
            Collection<? extends Certificate> own;
            try (InputStream in = Files.newInputStream(file)) {
                own = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (own.isEmpty()) {
                throw new MailException("--trust-cert " + file + " 中没有证书（应为 PEM 或 DER 格式的 X.509 证书）");
            }
            int m = 0;
            for (Certificate c : own) {
                ks.setCertificateEntry("trusted-" + m++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException e) {
            throw new MailException("--trust-cert " + file + " 无法读取：" + cn.nianbao.util.IoErrors.reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new MailException("--trust-cert " + file + " 不是可用的证书文件（应为 PEM 或 DER 格式的 X.509 证书）", e);
        }
    }
}
