package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Politeness on a fake clock: time passes only when the pacer sleeps. */
class HostPacerTest {
    static final class FakeClock implements CrawlClock {
        long now = 1_000_000_000L;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
            slept += d.toNanos();
        }
    }

    @Test
    void waitsTheDelayBetweenTwoRequestsToOneHost() throws InterruptedException {
        FakeClock clock = new FakeClock();
        HostPacer pacer = new HostPacer(clock, Duration.ofMillis(300));
        pacer.awaitTurn("a");
        assertEquals(0, clock.slept, "the first request goes at once");
        clock.now += 50_000_000; // the request takes 50 ms
        pacer.requestDone("a");
        pacer.awaitTurn("a");
        assertEquals(300_000_000, clock.slept);
    }

    @Test
    void otherHostsDoNotWait() throws InterruptedException {
        FakeClock clock = new FakeClock();
        HostPacer pacer = new HostPacer(clock, Duration.ofSeconds(1));
        pacer.requestDone("a");
        pacer.awaitTurn("b");
        assertEquals(0, clock.slept);
    }

    @Test
    void aLargerCrawlDelayWinsASmallerOneDoesNot() {
        FakeClock clock = new FakeClock();
        HostPacer pacer = new HostPacer(clock, Duration.ofMillis(500));
        pacer.crawlDelay("slow", Duration.ofSeconds(2));
        pacer.crawlDelay("fast", Duration.ofMillis(100));
        assertEquals(Duration.ofSeconds(2), pacer.delay("slow"));
        assertEquals(Duration.ofMillis(500), pacer.delay("fast"));
    }

    @Test
    void retryAfterKeepsTheHostQuietButNeverShortensAWait() throws InterruptedException {
        FakeClock clock = new FakeClock();
        HostPacer pacer = new HostPacer(clock, Duration.ofSeconds(5));
        pacer.requestDone("a");
        pacer.pause("a", Duration.ofSeconds(1));
        pacer.awaitTurn("a");
        assertEquals(5_000_000_000L, clock.slept);
        pacer.pause("a", Duration.ofSeconds(30));
        pacer.awaitTurn("a");
        assertEquals(35_000_000_000L, clock.slept);
    }

    @Test
    void retryAfterInSecondsOrAsADateElseDoublingBackoffAllCapped() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(60));
        ZonedDateTime now = ZonedDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(7), policy.waitBefore(0, Optional.of("7"), now));
        assertEquals(Duration.ofSeconds(30), policy.waitBefore(0, Optional.of("Sat, 01 Mar 2025 12:00:30 GMT"), now));
        assertEquals(Duration.ofSeconds(60), policy.waitBefore(0, Optional.of("3600"), now));
        assertEquals(Duration.ofSeconds(1), policy.waitBefore(0, Optional.empty(), now));
        assertEquals(Duration.ofSeconds(4), policy.waitBefore(2, Optional.of("soon"), now));
        assertEquals(true, policy.mayRetry(2));
        assertEquals(false, policy.mayRetry(3));
    }
}
