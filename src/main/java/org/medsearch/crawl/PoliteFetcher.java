package org.medsearch.crawl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Requests as a polite crawler makes them: one at a time, paced per host, repeated when the host answers
 * 429/503 (after its Retry-After, else a growing pause), and refused for a host that failed too often in a row.
 */
final class PoliteFetcher implements AutoCloseable {
    private final PageFetcher http;
    private final HostPacer pacer;
    private final RetryPolicy retries;
    private final BooleanSupplier stopping;
    private final int maxFailures;
    private final Consumer<String> onGiveUp;
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private final Set<String> givenUp = new HashSet<>();
    private int retried;

    /** @param onGiveUp told the host (once) when it is given up */
    PoliteFetcher(CrawlSettings s, CrawlClock clock, BooleanSupplier stopping, Consumer<String> onGiveUp) {
        this.http = new PageFetcher(s.userAgent(), s.timeout(), s.maxBytes());
        this.pacer = new HostPacer(clock, s.delay());
        this.retries = new RetryPolicy(s.maxRetries(), s.maxRetryWait());
        this.stopping = stopping;
        this.maxFailures = s.maxHostFailures();
        this.onGiveUp = onGiveUp;
    }

    /**
     * A GET once the host's turn has come; see {@link PageFetcher#get} for {@code wanted}.
     *
     * @throws IOException          when the request fails or the host was given up
     * @throws InterruptedException when the crawl is stopping
     */
    PageFetcher.Response get(URI uri, Map<String, String> headers, Predicate<String> wanted)
            throws IOException, InterruptedException {
        String host = CrawlUrls.hostKey(uri);
        if (givenUp.contains(host)) {
            throw new IOException("host given up after " + maxFailures + " failures in a row");
        }
        for (int attempt = 0; ; attempt++) {
            pacer.awaitTurn(host);
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopped");
            }
            PageFetcher.Response r;
            try {
                r = http.get(uri, headers, wanted);
            } catch (IOException e) {
                pacer.requestDone(host);
                failed(host);
                throw e;
            }
            pacer.requestDone(host);
            if (RetryPolicy.isRetryable(r.status()) && retries.mayRetry(attempt)) {
                retried++;
                pacer.pause(host, retries.waitBefore(attempt, r.header("Retry-After"),
                        ZonedDateTime.now(ZoneOffset.UTC)));
                continue;
            }
            if (r.status() >= 500 || r.status() == 429) {
                failed(host);
            } else {
                failuresInARow.put(host, 0);
            }
            return r;
        }
    }

    /** Applies a robots.txt Crawl-delay, counting from the robots.txt request just made. */
    void crawlDelay(String host, Duration delay) {
        pacer.crawlDelay(host, delay);
        pacer.requestDone(host);
    }

    /** When the host may be asked next (monotonic nanoseconds). */
    long readyAt(String host) {
        return pacer.readyAt(host);
    }

    boolean gaveUp(String host) {
        return givenUp.contains(host);
    }

    /** Requests repeated after 429/503 so far. */
    int retries() {
        return retried;
    }

    /** Aborts the request in flight (Ctrl-C). */
    void cancel() {
        http.cancel();
    }

    @Override
    public void close() {
        http.close();
    }

    private void failed(String host) {
        int n = failuresInARow.merge(host, 1, Integer::sum);
        if (n >= maxFailures && givenUp.add(host)) {
            onGiveUp.accept(host);
        }
    }
}
