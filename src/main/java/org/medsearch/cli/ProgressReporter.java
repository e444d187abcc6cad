package org.medsearch.cli;

import org.medsearch.index.ReindexProgress;

import java.io.PrintStream;

/** Reindex progress: a bar redrawn in place on a terminal, a line every few seconds otherwise. */
final class ProgressReporter implements ReindexProgress {
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int lastPercent = -1;

    ProgressReporter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A reporter for stderr, drawing a bar when stderr is a terminal. */
    static ProgressReporter forStderr() {
        return new ProgressReporter(System.err, Terminal.isTerminal(2));
    }

    @Override
    public synchronized void note(String line) {
        out.println(line);
    }

    @Override
    public void started(int totalFiles) {
        out.printf("Indexing %d files...%n", totalFiles);
        lastPrint = System.nanoTime();
    }

    @Override
    public synchronized void fileDone(int done, int total) {
        long now = System.nanoTime();
        double secs = (now - start) / 1e9;
        if (terminal) {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (percent != lastPercent || done == total) {
                lastPercent = percent;
                int filled = BAR * percent / 100;
                out.printf("\r[%s%s] %3d%%  %d/%d files  %.0f pages/s", "#".repeat(filled), " ".repeat(BAR - filled),
                        percent, done, total, secs > 0 ? done / secs : 0);
                if (done == total) {
                    out.println();
                }
                out.flush();
            }
        } else if (now - lastPrint >= LOG_EVERY_NANOS) {
            lastPrint = now;
            out.printf("  %d/%d files (%.0f pages/s)%n", done, total, secs > 0 ? done / secs : 0);
        }
    }
}
