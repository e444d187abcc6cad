package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

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
            """;

    @Test
    void aGroupNamingTheCrawlerReplacesTheStarGroup() {
        RobotsTxt mine = RobotsTxt.parse(SITE, "medsearch");
        assertTrue(mine.allows("/private/notes.html"), "the '*' rules do not apply to a crawler with its own group");
        assertFalse(mine.allows("/drafts/new.html"));
        assertEquals(Optional.of(Duration.ofMillis(500)), mine.crawlDelay());

        RobotsTxt other = RobotsTxt.parse(SITE, "somebot");
        assertFalse(other.allows("/private/notes.html"));
        assertTrue(other.allows("/drafts/new.html"));
        assertEquals(Optional.of(Duration.ofSeconds(2)), other.crawlDelay());
    }

    @Test
    void longestMatchWinsAndAllowWinsATie() {
        RobotsTxt star = RobotsTxt.parse(SITE, "somebot");
        assertTrue(star.allows("/private/press/release.html"));
        assertFalse(star.allows("/searching?q=asthma"), "rules are prefixes");
        RobotsTxt tie = RobotsTxt.parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "x");
        assertTrue(tie.allows("/page"));
    }

    @Test
    void wildcardsAndEndAnchors() {
        RobotsTxt mine = RobotsTxt.parse(SITE, "medsearch");
        assertFalse(mine.allows("/files/leaflet.pdf"));
        assertTrue(mine.allows("/files/leaflet.pdf.html"), "'$' anchors at the end");
        assertTrue(mine.allows("/drafts/published/asthma.html"));
        assertTrue(RobotsTxt.matches("/a/*/c", "/a/b/c/d"));
        assertFalse(RobotsTxt.matches("/a/*/c$", "/a/b/c/d"));
    }

    @Test
    void emptyDisallowAllowsEverythingAndRobotsTxtIsAlwaysAllowed() {
        RobotsTxt open = RobotsTxt.parse("User-agent: *\nDisallow:\n", "medsearch");
        assertTrue(open.allows("/anything"));
        assertTrue(RobotsTxt.DISALLOW_ALL.allows("/robots.txt"));
        assertFalse(RobotsTxt.DISALLOW_ALL.allows("/"));
    }

    @Test
    void sitemapLinesApplyToEveryCrawler() {
        assertEquals(List.of("https://example.org/sitemap.xml"), RobotsTxt.parse(SITE, "anybot").sitemaps());
    }

    @Test
    void ourDefaultUserAgentIsMatchedByTheNameMedsearch() {
        assertEquals("medsearch", CrawlSettings.builder(java.nio.file.Path.of("x")).build().robotsName());
    }
}
