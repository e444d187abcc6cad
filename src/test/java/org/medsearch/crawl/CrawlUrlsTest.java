package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrawlUrlsTest {
    private static String key(String link) {
        return CrawlUrls.key(CrawlUrls.normalize(link).orElseThrow());
    }

    @Test
    void fragmentsTrailingSlashesAndTrackingTagsNameOnePage() {
        String page = key("http://Example.ORG:80/a/b");
        assertEquals(page, key("http://example.org/a/b#causes"));
        assertEquals(page, key("http://example.org/a/b/"));
        assertEquals(page, key("http://example.org/a/b?utm_source=news&utm_medium=mail"));
        assertEquals(page, key("http://example.org/a/./c/../b?fbclid=xyz"));
    }

    @Test
    void realQueryParametersKeepPagesApart() {
        assertEquals("http://example.org/list?page=2", key("http://example.org/list?utm_campaign=x&page=2"));
        assertNotEquals(key("http://example.org/list?page=2"), key("http://example.org/list?page=3"));
    }

    @Test
    void onlyHttpAndHttpsAreCrawlable() {
        assertTrue(CrawlUrls.normalize("mailto:someone@example.org").isEmpty());
        assertTrue(CrawlUrls.normalize("javascript:void(0)").isEmpty());
        assertTrue(CrawlUrls.normalize("ftp://example.org/file").isEmpty());
        assertTrue(CrawlUrls.normalize("").isEmpty());
    }

    @Test
    void spacesAndOtherCharactersPagesPutInLinksAreEscaped() {
        URI u = CrawlUrls.normalize("http://example.org/leg cramps/Ménière.html").orElseThrow();
        assertEquals("/leg%20cramps/M%C3%A9ni%C3%A8re.html", u.getRawPath());
    }

    @Test
    void rootKeepsItsSlashAndRobotsTxtIsAtTheRootOfTheHost() {
        URI root = CrawlUrls.normalize("https://example.org").orElseThrow();
        assertEquals("https://example.org/", CrawlUrls.key(root));
        assertEquals("https://example.org:8443/robots.txt",
                CrawlUrls.robotsTxt(URI.create("https://example.org:8443/a/b?c=d")).toString());
        assertEquals("example.org:8443", CrawlUrls.hostKey(URI.create("https://example.org:8443/a")));
    }
}
