package cn.nianbao.round.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults on loopback, for the tests: a proxy in front of a real server that drops the connection
 * after so many bytes from the server (a fetch cut off midway), or, for SMTP, refuses chosen
 * recipients the way a server does (550) and drops the connection in the middle of the n-th
 * message's DATA; or a server that accepts connections and never says a word (a server that is
 * too slow). Everything it starts stops with {@link #close()}.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listen;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean closed;

    private TcpProxy(Handler handler) throws IOException {
        listen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!closed) {
                try {
                    Socket client = listen.accept();
                    synchronized (sockets) {
                        sockets.add(client);
                    }
                    Thread h = new Thread(() -> {
                        try {
                            handler.handle(client, this);
                        } catch (IOException ignored) {
                            // a dropped connection is the point
                        }
                    });
                    h.setDaemon(true);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    interface Handler {
        void handle(Socket client, TcpProxy proxy) throws IOException;
    }

    public int port() {
        return listen.getLocalPort();
    }

    Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        synchronized (sockets) {
            sockets.add(s);
        }
        return s;
    }

    /** Forwards to {@code port}; after {@code cutAfter} bytes from the server (per connection) both sides are closed. */
    public static TcpProxy cutting(int port, long cutAfter) throws IOException {
        return new TcpProxy((client, proxy) -> {
            Socket server = proxy.connect(port);
            AtomicLong sent = new AtomicLong();
            pump(client.getInputStream(), server.getOutputStream(), -1, null, client, server);
            pump(server.getInputStream(), client.getOutputStream(), cutAfter, sent, client, server);
        });
    }

    /**
     * An IMAP proxy that hides {@code hidden} capabilities (e.g. MOVE, UIDPLUS) from every
     * CAPABILITY list the server sends: an older server.
     */
    public static TcpProxy imapWithout(int port, Set<String> hidden) throws IOException {
        return new TcpProxy((client, proxy) -> {
            Socket server = proxy.connect(port);
            pump(client.getInputStream(), server.getOutputStream(), -1, null, client, server);
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            try {
                for (int c; (c = in.read()) >= 0; ) {
                    line.write(c);
                    if (c != '\n') {
                        continue;
                    }
                    String l = line.toString(StandardCharsets.ISO_8859_1);
                    line.reset();
                    if (l.toUpperCase(java.util.Locale.ROOT).contains("CAPABILITY ")) {
                        for (String h : hidden) {
                            l = l.replaceAll("(?i) " + h + "(?=[ \\]\r])", "");
                        }
                    }
                    out.write(l.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } finally {
                client.close();
                server.close();
            }
        });
    }

    /** A server that accepts and never answers. */
    public static TcpProxy silent() throws IOException {
        return new TcpProxy((client, proxy) -> {
            // hold the connection open, say nothing
        });
    }

    /**
     * An SMTP proxy: RCPT TO one of {@code refused} is answered 550 without reaching the server;
     * the {@code cutAtMessage}-th DATA (1-based; 0: never) is cut off in its middle.
     */
    public static TcpProxy smtp(int port, Set<String> refused, int cutAtMessage) throws IOException {
        java.util.Map<String, String> replies = new java.util.HashMap<>();
        refused.forEach(a -> replies.put(a, "550 5.1.1 <" + a + ">: Recipient address rejected: User unknown"));
        return smtp(port, replies, cutAtMessage, (n, data) -> { });
    }

    /**
     * An SMTP proxy: RCPT TO an address of {@code replies} is answered with its reply line without
     * reaching the server; the {@code cutAtMessage}-th DATA (1-based; 0: never) is cut off in its
     * middle; {@code atMessageEnd} hears the number of each message whose end is about to reach the
     * server (before the server says it took it) and the message as the client handed it over (the
     * DATA lines, dot-stuffing undone).
     */
    public static TcpProxy smtp(int port, java.util.Map<String, String> replies, int cutAtMessage,
                                java.util.function.BiConsumer<Integer, byte[]> atMessageEnd) throws IOException {
        AtomicLong messages = new AtomicLong();
        return new TcpProxy((client, proxy) -> {
            Socket server = proxy.connect(port);
            OutputStream toClient = client.getOutputStream();
            Object lock = new Object();
            Thread back = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = server.getInputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (lock) {
                            toClient.write(buf, 0, n);
                            toClient.flush();
                        }
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            back.setDaemon(true);
            back.start();
            InputStream in = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            boolean data = false;
            boolean cut = false;
            int dataLines = 0;
            java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                line.append((char) c);
                if (c != '\n') {
                    continue;
                }
                String l = line.toString();
                line.setLength(0);
                if (!data) {
                    String upper = l.toUpperCase(java.util.Locale.ROOT);
                    if (upper.startsWith("RCPT TO:")) {
                        String addr = l.substring(l.indexOf('<') + 1, l.indexOf('>')).toLowerCase(java.util.Locale.ROOT);
                        if (replies.containsKey(addr)) {
                            synchronized (lock) {
                                toClient.write((replies.get(addr) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                toClient.flush();
                            }
                            continue;
                        }
                    }
                    if (upper.startsWith("DATA")) {
                        data = true;
                        dataLines = 0;
                        message.reset();
                        cut = messages.incrementAndGet() == cutAtMessage;
                    }
                } else if (cut && ++dataLines > 20) {
                    // the message's end never reaches the server: it must not deliver it
                    client.close();
                    server.close();
                    return;
                } else if (l.equals(".\r\n")) {
                    data = false;
                    atMessageEnd.accept((int) messages.get(), message.toByteArray());
                } else {
                    byte[] b = l.getBytes(StandardCharsets.ISO_8859_1);
                    int from = b.length > 1 && b[0] == '.' ? 1 : 0; // a line starting with "." was sent as ".."
                    message.write(b, from, b.length - from);
                }
                toServer.write(l.getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
            }
            server.close();
        });
    }

    private static void pump(InputStream in, OutputStream out, long limit, AtomicLong count, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (limit >= 0 && count.addAndGet(n) > limit) {
                        int keep = (int) Math.max(0, n - (count.get() - limit));
                        out.write(buf, 0, keep);
                        out.flush();
                        a.close();
                        b.close();
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // closed
            } finally {
                try {
                    a.close();
                    b.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listen.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
