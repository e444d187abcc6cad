package org.medsearch.crawl;

import java.time.Duration;

/** Time as the crawler's pacing sees it; tests pass a fake one so politeness is checked without waiting. */
interface CrawlClock {
    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Waits; returns early (without error) when the crawl is being stopped. */
    void sleep(Duration d) throws InterruptedException;

    /** The real clock: sleeps in short slices so that a stop request is noticed within a tenth of a second. */
    static CrawlClock system(java.util.function.BooleanSupplier stopping) {
        return new CrawlClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                long end = System.nanoTime() + d.toNanos();
                long left;
                while (!stopping.getAsBoolean() && (left = end - System.nanoTime()) > 0) {
                    Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
                }
            }
        };
    }
}
