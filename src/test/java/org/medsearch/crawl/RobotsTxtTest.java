package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobotsTxtTest {
    private static final String SITE = """
            # a comment
            User-agent: *
            Disallow: /private/
            Disallow: /search
            Allow: /private/press/
            Crawl-delay: 2

            User-agent: GoogleBot
            Disallow: /

            User-agent: medsearch
            User-agent: otherbot
            Disallow: /drafts/  # unfinished
            Disallow: /*.pdf$
            Allow: /drafts/published
            Crawl-delay: 0.5

            Sitemap: https://example.org/sitemap.xml
            Sitemap: /more-pages.xml
            """;

    /** The rules for {@code name} of a robots.txt at https://example.org/robots.txt. */
    private static Rules parse(String text, String name) {
        return new Rules(RobotsTxt.parse("https://example.org/robots.txt", text.getBytes(StandardCharsets.UTF_8), name));
    }

    private record Rules(RobotsTxt robots) {
        boolean allows(String pathAndQuery) {
            return robots.allows(URI.create("https://example.org" + pathAndQuery));
        }
    }

    @Test
    void aGroupNamingTheCrawlerReplacesTheStarGroup() {
        Rules mine = parse(SITE, "medsearch");
        assertTrue(mine.allows("/private/notes.html"), "the '*' rules do not apply to a crawler with its own group");
        assertFalse(mine.allows("/drafts/new.html"));
        assertEquals(Optional.of(Duration.ofMillis(500)), mine.robots().crawlDelay());

        Rules other = parse(SITE, "somebot");
        assertFalse(other.allows("/private/notes.html"));
        assertTrue(other.allows("/drafts/new.html"));
        assertEquals(Optional.of(Duration.ofSeconds(2)), other.robots().crawlDelay());
    }

    @Test
    void aGroupForAnotherNameThatOursContainsDoesNotApply() {
        Rules rules = parse("User-agent: search\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\n", "medsearch");
        assertTrue(rules.allows("/asthma.html"), "'search' names another crawler, not medsearch");
        assertFalse(rules.allows("/tmp/x.html"), "the '*' group applies instead");
    }

    @Test
    void aGroupNamingUsWithAVersionApplies() {
        Rules rules = parse("User-agent: medsearch/0.1\nDisallow: /drafts/\n\nUser-agent: *\nDisallow: /\n", "medsearch");
        assertFalse(rules.allows("/drafts/new.html"), "the group naming medsearch/0.1 applies");
        assertTrue(rules.allows("/asthma.html"), "not the '*' group");
    }

    @Test
    void longestMatchWinsAndAllowWinsATie() {
        Rules star = parse(SITE, "somebot");
        assertTrue(star.allows("/private/press/release.html"));
        assertFalse(star.allows("/searching?q=asthma"), "rules are prefixes");
        assertTrue(parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "x").allows("/page"));
    }

    @Test
    void wildcardsAndEndAnchors() {
        Rules mine = parse(SITE, "medsearch");
        assertFalse(mine.allows("/files/leaflet.pdf"));
        assertTrue(mine.allows("/files/leaflet.pdf.html"), "'$' anchors at the end");
        assertTrue(mine.allows("/drafts/published/asthma.html"));
        Rules star = parse("User-agent: *\nDisallow: /a/*/c$\n", "x");
        assertTrue(star.allows("/a/b/c/d"));
        assertFalse(star.allows("/a/b/c"));
    }

    @Test
    void emptyDisallowAllowsEverythingAndUnreadableAllowsNothing() {
        assertTrue(parse("User-agent: *\nDisallow:\n", "medsearch").allows("/anything"));
        assertFalse(RobotsTxt.DISALLOW_ALL.allows(URI.create("https://example.org/")));
        assertTrue(RobotsTxt.ALLOW_ALL.allows(URI.create("https://example.org/private/")));
    }

    @Test
    void sitemapLinesApplyToEveryCrawlerAndResolveAgainstTheRobotsUrl() {
        assertEquals(List.of("https://example.org/sitemap.xml", "https://example.org/more-pages.xml"),
                parse(SITE, "anybot").robots().sitemaps());
    }

    @Test
    void ourDefaultUserAgentIsMatchedByTheNameMedsearch() {
        assertEquals("medsearch", CrawlSettings.builder(java.nio.file.Path.of("x")).build().robotsName());
    }
}
