package org.medsearch.crawl;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When to try again after a 429/503 or a failed connection: as the server says (Retry-After), else backing off. */
final class RetryPolicy {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final int maxRetries;
    private final Duration maxWait;

    RetryPolicy(int maxRetries, Duration maxWait) {
        this.maxRetries = maxRetries;
        this.maxWait = maxWait;
    }

    /** Whether a status is the server asking us to come back later. */
    static boolean isRetryable(int status) {
        return status == 429 || status == 503;
    }

    /** Whether another try may follow the {@code attempt}-th retry (0 = the first request failed). */
    boolean mayRetry(int attempt) {
        return attempt < maxRetries;
    }

    /**
     * The wait before retry number {@code attempt + 1}: the Retry-After header (seconds or an HTTP date) when
     * present and sane, else 1 s, 2 s, 4 s...; never more than the configured maximum.
     */
    Duration waitBefore(int attempt, Optional<String> retryAfter, ZonedDateTime now) {
        Duration wait = retryAfter.flatMap(h -> parseRetryAfter(h, now))
                .orElse(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 16)));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /** Retry-After as a delay: delta-seconds or an IMF-fixdate; empty when unreadable. */
    static Optional<Duration> parseRetryAfter(String header, ZonedDateTime now) {
        String h = header.strip();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
