package org.medsearch.cli;

import org.medsearch.crawl.CrawlProgress;
import org.medsearch.crawl.CrawlReport;

import java.io.PrintStream;

/** Crawl progress: one line redrawn in place on a terminal, a line every few seconds otherwise; problems as they come. */
final class CrawlProgressPrinter implements CrawlProgress {
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrint = System.nanoTime();
    private String lastLine = "";

    CrawlProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static CrawlProgressPrinter forStderr() {
        return new CrawlProgressPrinter(System.err, Terminal.isTerminal(2));
    }

    @Override
    public synchronized void progress(CrawlReport r) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? REDRAW_EVERY_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        lastPrint = now;
        lastLine = String.format("fetched %,d  saved %,d  unchanged %,d  not articles %,d  skipped %,d  errors %,d"
                        + "  queued %,d  (%.1f pages/s)", r.fetched(), r.saved(), r.unchanged(), r.notArticles(),
                r.skippedByRobots() + r.notHtml(), r.problems().size(), r.queued(), r.pagesPerSecond());
        if (terminal) {
            out.print("\r\033[K" + lastLine);
            out.flush();
        } else {
            out.println("  " + lastLine);
        }
    }

    @Override
    public synchronized void problem(String url, String reason) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println("  ! " + url + ": " + reason);
        if (terminal && !lastLine.isEmpty()) {
            out.print(lastLine);
            out.flush();
        }
    }

    /** Ends the redrawn line so the summary starts on a fresh one. */
    synchronized void finish() {
        if (terminal && !lastLine.isEmpty()) {
            out.println();
        }
    }
}
