package org.medsearch.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one host's robots.txt for one crawler, read by crawler-commons as RFC 9309 says: the group whose
 * User-agent names the crawler's product token exactly (a version after '/' is ignored, so {@code medsearch/0.1}
 * names medsearch and {@code search} does not), else the '*' group; the longest matching Allow/Disallow wins.
 * Crawl-delay and Sitemap lines (not in the RFC, but widely used) are read as well.
 */
final class RobotsTxt {
    /** What to do when robots.txt is missing (4xx): everything is allowed. */
    static final RobotsTxt ALLOW_ALL = new RobotsTxt(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL));
    /** What to do when robots.txt cannot be read (5xx, network): nothing is allowed, as the RFC asks. */
    static final RobotsTxt DISALLOW_ALL = new RobotsTxt(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE));

    private final BaseRobotRules rules;

    private RobotsTxt(BaseRobotRules rules) {
        this.rules = rules;
    }

    /**
     * Reads the rules that apply to {@code robotsName} (the user agent's product token) from the robots.txt
     * fetched at {@code robotsUrl} (relative Sitemap lines are resolved against it). A Crawl-delay longer than
     * crawler-commons' limit (5 minutes) reads as "fetch nothing": such a host cannot be crawled in useful time.
     */
    static RobotsTxt parse(String robotsUrl, byte[] body, String robotsName) {
        // A new parser per call: it counts warnings per parse and is not meant to be shared between threads.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        return new RobotsTxt(parser.parseContent(robotsUrl, body, "text/plain",
                List.of(robotsName.toLowerCase(Locale.ROOT))));
    }

    /** Whether a URL of this host may be fetched. */
    boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /** The Crawl-delay asked for, if any. */
    Optional<Duration> crawlDelay() {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(millis));
    }

    /** Sitemap URLs listed (they apply to every crawler). */
    List<String> sitemaps() {
        return rules.getSitemaps();
    }
}
