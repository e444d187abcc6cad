package org.medsearch.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one host's robots.txt for one crawler, as RFC 9309 reads them: the group naming the crawler (else
 * the '*' group); the longest matching Allow/Disallow pattern wins, Allow on a tie; '*' and '$' in patterns.
 * Hand-written because the format is a page of spec and the one library for it would add a dependency tree for
 * eighty lines; Crawl-delay and Sitemap (not in the RFC, but widely used) are read as well.
 */
final class RobotsTxt {
    /** What to do when robots.txt is missing (4xx): everything is allowed. */
    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null, List.of());
    /** What to do when robots.txt cannot be read (5xx, network): nothing is allowed, as the RFC asks. */
    static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule("/", false)), null, List.of());

    private final List<Rule> rules;
    private final Duration crawlDelay;
    private final List<String> sitemaps;

    private record Rule(String pattern, boolean allow) {
    }

    private RobotsTxt(List<Rule> rules, Duration crawlDelay, List<String> sitemaps) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
        this.sitemaps = sitemaps;
    }

    /** Reads the rules that apply to {@code robotsName} (the user agent's product token). */
    static RobotsTxt parse(String text, String robotsName) {
        String me = robotsName.toLowerCase(Locale.ROOT);
        Group mine = new Group();
        Group star = new Group();
        List<String> sitemaps = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("sitemap")) {
                sitemaps.add(value);
                continue;
            }
            if (field.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            inRules = true;
            for (String agent : agents) {
                if (agent.equals("*")) {
                    star.add(field, value);
                } else if (!agent.isEmpty() && me.contains(agent)) {
                    mine.add(field, value);
                }
            }
        }
        Group group = mine.named ? mine : star;
        return new RobotsTxt(List.copyOf(group.rules), group.delay, List.copyOf(sitemaps));
    }

    /** Whether a path (with its query) may be fetched; robots.txt itself always may. */
    boolean allows(String pathAndQuery) {
        if (pathAndQuery.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern, pathAndQuery) && (best == null || r.pattern.length() > best.pattern.length()
                    || r.pattern.length() == best.pattern.length() && r.allow)) {
                best = r;
            }
        }
        return best == null || best.allow;
    }

    /** The Crawl-delay asked for, if any. */
    Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    /** Sitemap URLs listed (they apply to every crawler). */
    List<String> sitemaps() {
        return sitemaps;
    }

    /** Pattern match with '*' (any run of characters) and a final '$' (end of the path). */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String[] parts = p.split("\\*", -1);
        if (!path.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            int found = last && anchored ? path.length() - parts[i].length() : path.indexOf(parts[i], at);
            if (found < at || !path.startsWith(parts[i], found)) {
                return false;
            }
            at = found + parts[i].length();
        }
        return !anchored || at == path.length();
    }

    /** Rules of the groups that name this crawler, or of the '*' groups; several groups for one name merge. */
    private static final class Group {
        final List<Rule> rules = new ArrayList<>();
        Duration delay;
        boolean named;

        void add(String field, String value) {
            named = true;
            switch (field) {
                case "allow" -> {
                    if (!value.isEmpty()) {
                        rules.add(new Rule(value, true));
                    }
                }
                // An empty Disallow allows everything: it adds no rule.
                case "disallow" -> {
                    if (!value.isEmpty()) {
                        rules.add(new Rule(value, false));
                    }
                }
                case "crawl-delay" -> delay = parseDelay(value);
                default -> { }
            }
        }

        private static Duration parseDelay(String value) {
            try {
                double seconds = Double.parseDouble(value);
                return seconds >= 0 && seconds < 86_400 ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
