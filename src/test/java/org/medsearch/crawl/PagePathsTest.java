package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagePathsTest {
    private static String path(String url) {
        return PagePaths.of(CrawlUrls.normalize(url).orElseThrow());
    }

    @Test
    void pagesGoUnderTheirHostAndPortWithOneHtmlExtension() {
        assertEquals("example.org/conditions/asthma.html", path("https://example.org/conditions/asthma.html"));
        assertEquals("example.org/conditions/asthma.html", path("https://example.org/conditions/asthma"));
        assertEquals("127.0.0.1_8199/GHR/GHR_0000127.html", path("http://127.0.0.1:8199/GHR/GHR_0000127.html"));
        assertEquals("example.org/page.php.html", path("http://example.org/page.php"));
    }

    @Test
    void aFolderUrlIsSavedAsItsIndex() {
        assertEquals("example.org/index.html", path("http://example.org/"));
        assertEquals("example.org/topics/index.html", path("http://example.org/topics/"));
    }

    @Test
    void queryStringsBecomeAHashSoEachPageHasItsOwnFile() {
        String a = path("http://example.org/article?id=1");
        String b = path("http://example.org/article?id=2");
        assertTrue(a.matches("example\\.org/article__[0-9a-f]{10}\\.html"), a);
        assertNotEquals(a, b);
    }

    @Test
    void segmentsAreMadeSafe() {
        String p = path("http://example.org/%2e%2e/%2E%2E/etc/pa%00ss%0Awd");
        assertFalse(p.contains("/../"), p);
        assertEquals("example.org/_../_../etc/pa_ss_wd.html", p);
        assertEquals("example.org/_.hidden.html", path("http://example.org/.hidden"), "dot-files are ignored by reindex");
        assertEquals("example.org/a_b_c.html", path("http://example.org/a%20b%3Bc"));
        String longName = path("http://example.org/" + "x".repeat(300));
        assertTrue(longName.length() < 100, longName);
    }

    @Test
    void theCorpusFolderRefusesPathsOutsideIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        CorpusFolder folder = new CorpusFolder(dir);
        assertThrows(IllegalArgumentException.class, () -> folder.resolve("../escape.html"));
        assertEquals(dir.toAbsolutePath().normalize().resolve("a/b.html"), folder.resolve("a/b.html"));
    }

    @Test
    void theIdIsThePathWithoutExtension() {
        assertEquals("example.org/topics/index", PagePaths.idOf(PagePaths.of(URI.create("http://example.org/topics/"))));
    }
}
