package cn.nianbao.round.mail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A real mail server for the tests: GreenMail's SMTP, IMAP and POP3 (and their TLS versions) on
 * 127.0.0.1, on free ports. Its TLS certificate is made for this run by the JDK's keytool, issued
 * to localhost (not to 127.0.0.1), so the client verifies it as it would any server's — trusted only
 * through --trust-cert ({@link #certificate()}).
 */
public final class TestMailServer implements AutoCloseable {
    /** The mailbox the tests collect from and send with. */
    public static final String USER = "gkb@example.cn";
    /** Distinctive, so that a test can say it appears nowhere. */
    public static final String PASSWORD = "nb-Secret-7Qx2z!";

    private static Path keystore;
    private static Path cert;

    private final GreenMail gm;
    private final GreenMailUser user;

    public TestMailServer() {
        keys();
        ServerSetup[] setups = {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3S)};
        gm = new GreenMail(setups);
        gm.start();
        user = gm.setUser(USER, USER, PASSWORD);
    }

    /** The JDK's keytool makes a key and certificate for localhost / 127.0.0.1 once per test run. */
    private static synchronized void keys() {
        if (keystore != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("nianbao-mail-tls");
            dir.toFile().deleteOnExit();
            Path ks = dir.resolve("greenmail.p12");
            Path pem = dir.resolve("server.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=localhost, O=nianbao test", "-ext", "SAN=dns:localhost",
                    "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
            run(keytool, "-exportcert", "-rfc", "-alias", "greenmail", "-keystore", ks.toString(), "-storepass", "changeit",
                    "-file", pem.toString());
            System.setProperty("greenmail.tls.keystore.file", ks.toString());
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            keystore = ks;
            cert = pem;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("keytool failed", e);
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }

    /** Makes the mailbox {@code address} (its password is the address), so it can be read before anything arrives. */
    public void user(String address) {
        gm.setUser(address, address, address);
    }

    /** The server's certificate (PEM), for --trust-cert. */
    public static Path certificate() {
        keys();
        return cert;
    }

    public GreenMail greenMail() {
        return gm;
    }

    public int smtpPort() {
        return gm.getSmtp().getPort();
    }

    public int imapPort() {
        return gm.getImap().getPort();
    }

    public int pop3Port() {
        return gm.getPop3().getPort();
    }

    public String imap(String folder) {
        return "imap://" + USER + "@127.0.0.1:" + imapPort() + "/" + folder;
    }

    public String imaps(String folder) {
        return "imaps://" + USER + "@localhost:" + gm.getImaps().getPort() + "/" + folder;
    }

    public String pop3() {
        return "pop3://" + USER + "@127.0.0.1:" + pop3Port();
    }

    public String pop3s() {
        return "pop3s://" + USER + "@localhost:" + gm.getPop3s().getPort();
    }

    public String smtp() {
        return "smtp://" + USER + "@127.0.0.1:" + smtpPort();
    }

    public String smtps() {
        return "smtps://" + USER + "@localhost:" + gm.getSmtps().getPort();
    }

    private ImapHostManager imapHost() {
        return gm.getManagers().getImapHostManager();
    }

    /** The folder {@code name} of the test mailbox ("INBOX" or another), made when missing. */
    public MailFolder folder(String name) {
        try {
            if (name.equals("INBOX")) {
                return imapHost().getInbox(user);
            }
            MailFolder f = imapHost().getFolder(user, name);
            return f != null ? f : imapHost().createMailbox(user, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes and makes again folder {@code name}: a new UIDVALIDITY (GreenMail counts it in seconds). */
    public void recreate(String name) throws Exception {
        long before = folder(name).getUidValidity();
        imapHost().deleteMailbox(user, name);
        while (System.currentTimeMillis() / 1000L <= before) {
            Thread.sleep(50);
        }
        imapHost().createMailbox(user, name);
    }

    /** Puts {@code raw} into folder {@code name} as received by the server at {@code received}. */
    public void deliver(String name, byte[] raw, Instant received) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            folder(name).appendMessage(m, new Flags(), Date.from(received));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages in folder {@code name}, in order. */
    public List<MimeMessage> messages(String name) {
        List<MimeMessage> out = new ArrayList<>();
        folder(name).getMessages().forEach(m -> out.add(m.getMimeMessage()));
        return out;
    }

    @Override
    public void close() {
        gm.stop();
    }
}
