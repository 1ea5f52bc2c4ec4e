package cn.nianbao.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * Progress of a long run on stderr: a redrawn line (done / total, rate, time left) when stderr is a
 * terminal, plain lines at each tenth otherwise, nothing with --quiet or for short runs.
 */
final class Progress implements IntConsumer {
    private static final int MIN_FILES = 50;

    private final PrintWriter err;
    private final String what;
    private final int total;
    private final boolean on;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastTenth;

    Progress(PrintWriter err, String what, int total, boolean quiet) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.on = !quiet && total >= MIN_FILES;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void accept(int done) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = done / seconds;
        long left = Math.round((total - done) / Math.max(rate, 1e-9));
        if (terminal) {
            if (done == total || now - lastDraw > 100_000_000L) {
                lastDraw = now;
                int width = 30;
                int filled = (int) ((long) width * done / total);
                err.printf("\r%s %d/%d [%s%s] %.0f 个/秒 剩余 %d 秒 ", what, done, total, "#".repeat(filled),
                        ".".repeat(width - filled), rate, left);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        } else {
            int tenth = (int) (10L * done / total);
            if (tenth > lastTenth || done == total) {
                lastTenth = tenth;
                err.printf("%s %d/%d（%d%%），%.0f 个/秒，预计剩余 %d 秒%n", what, done, total, 100L * done / total, rate, left);
                err.flush();
            }
        }
    }
}
