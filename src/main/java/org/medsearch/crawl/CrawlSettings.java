package org.medsearch.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a crawl may do: where it saves, how far and how fast it goes, and its limits per request.
 *
 * @param out             the corpus folder pages are saved under ({@code out/<host>/<path>.html})
 * @param maxPages        page requests at most (robots.txt and sitemaps not counted)
 * @param maxDepth        links followed from a start URL at most (start URLs and sitemap entries are depth 0)
 * @param delay           the least time between two requests to one host (robots.txt Crawl-delay may raise it)
 * @param include         only URLs this matches are fetched (null: all)
 * @param exclude         URLs this matches are never fetched (null: none)
 * @param userAgent       sent with every request; its first word is the name robots.txt rules are matched on
 * @param prune           delete saved pages that are gone from the site (404/410)
 * @param timeout         connect and whole-response limit for one request
 * @param maxBytes        a response body is cut off after this many bytes
 * @param maxRedirects    redirects followed for one URL at most
 * @param maxRetries      retries of one request answered 429/503 (or not answered)
 * @param maxRetryWait    the longest wait honoured from a Retry-After header
 * @param maxHostFailures consecutive failed requests after which a host is given up
 */
public record CrawlSettings(Path out, int maxPages, int maxDepth, Duration delay, Pattern include, Pattern exclude,
                            String userAgent, boolean prune, Duration timeout, long maxBytes, int maxRedirects,
                            int maxRetries, Duration maxRetryWait, int maxHostFailures) {

    /** Names medsearch and says what it does, so a site owner reading logs knows who is calling. */
    public static final String DEFAULT_USER_AGENT =
            "medsearch/0.1 (health-article crawler for a medsearch index; robots.txt name: medsearch)";

    public CrawlSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxPages < 1 || maxDepth < 0 || delay.isNegative() || maxBytes < 1 || maxRedirects < 0 || maxRetries < 0
                || maxHostFailures < 1) {
            throw new IllegalArgumentException("crawl limits must be positive");
        }
    }

    /** Settings with the defaults of {@code medsearch crawl}. */
    public static Builder builder(Path out) {
        return new Builder(out);
    }

    /** The product token robots.txt groups are matched against: the user agent's first word without version. */
    public String robotsName() {
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.isEmpty() ? "*" : first;
    }

    /** Builds {@link CrawlSettings}; starts from the command's defaults. */
    public static final class Builder {
        private final Path out;
        private int maxPages = 10_000;
        private int maxDepth = 20;
        private Duration delay = Duration.ofSeconds(1);
        private Pattern include;
        private Pattern exclude;
        private String userAgent = DEFAULT_USER_AGENT;
        private boolean prune;
        private Duration timeout = Duration.ofSeconds(30);
        private long maxBytes = 5_000_000;
        private int maxRedirects = 5;
        private int maxRetries = 3;
        private Duration maxRetryWait = Duration.ofMinutes(2);
        private int maxHostFailures = 10;

        private Builder(Path out) {
            this.out = out;
        }

        public Builder maxPages(int v) { maxPages = v; return this; }
        public Builder maxDepth(int v) { maxDepth = v; return this; }
        public Builder delay(Duration v) { delay = v; return this; }
        public Builder include(Pattern v) { include = v; return this; }
        public Builder exclude(Pattern v) { exclude = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder prune(boolean v) { prune = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder maxBytes(long v) { maxBytes = v; return this; }
        public Builder maxRedirects(int v) { maxRedirects = v; return this; }
        public Builder maxRetries(int v) { maxRetries = v; return this; }
        public Builder maxRetryWait(Duration v) { maxRetryWait = v; return this; }
        public Builder maxHostFailures(int v) { maxHostFailures = v; return this; }

        public CrawlSettings build() {
            return new CrawlSettings(out, maxPages, maxDepth, delay, include, exclude, userAgent, prune, timeout,
                    maxBytes, maxRedirects, maxRetries, maxRetryWait, maxHostFailures);
        }
    }
}
