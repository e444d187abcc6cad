package org.medsearch.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Politeness per host: one request at a time with at least the host's delay between the end of one and the
 * start of the next, and longer pauses when the host asks for them (Retry-After). Not thread-safe: the crawler
 * makes one request at a time.
 */
final class HostPacer {
    private final CrawlClock clock;
    private final Duration defaultDelay;
    private final Map<String, Duration> delays = new HashMap<>();
    private final Map<String, Long> readyAt = new HashMap<>();

    HostPacer(CrawlClock clock, Duration defaultDelay) {
        this.clock = clock;
        this.defaultDelay = defaultDelay;
    }

    /** Sets a host's delay from its robots.txt: the larger of ours and its Crawl-delay. */
    void crawlDelay(String host, Duration robotsDelay) {
        delays.put(host, robotsDelay.compareTo(defaultDelay) > 0 ? robotsDelay : defaultDelay);
    }

    /** The delay in force for a host. */
    Duration delay(String host) {
        return delays.getOrDefault(host, defaultDelay);
    }

    /** The monotonic time from which the host may be asked again. */
    long readyAt(String host) {
        Long at = readyAt.get(host);
        return at == null ? clock.nanoTime() : at;
    }

    /** Waits until the host may be asked again. */
    void awaitTurn(String host) throws InterruptedException {
        long wait = readyAt(host) - clock.nanoTime();
        if (wait > 0) {
            clock.sleep(Duration.ofNanos(wait));
        }
    }

    /** Records that a request to the host has just ended; the next waits the host's delay. */
    void requestDone(String host) {
        push(host, clock.nanoTime() + delay(host).toNanos());
    }

    /** Keeps the host quiet for at least {@code pause} from now (a Retry-After, a backoff). */
    void pause(String host, Duration pause) {
        push(host, clock.nanoTime() + pause.toNanos());
    }

    private void push(String host, long at) {
        readyAt.merge(host, at, Math::max);
    }
}
