package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sitemaps in the forms sites publish them; something else is an error with its reason, not an empty list. */
class SitemapTest {
    private static final URI AT = URI.create("https://example.org/maps/sitemap.xml");

    private static Sitemap parse(String body) throws IOException {
        return Sitemap.parse(body.getBytes(StandardCharsets.UTF_8), AT);
    }

    @Test
    void urlsetAndIndexWithOrWithoutTheNamespace() throws IOException {
        Sitemap pages = parse("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc> https://example.org/asthma.html </loc></url><url><loc>https://example.org/a/gout</loc></url></urlset>");
        assertEquals(List.of("https://example.org/asthma.html", "https://example.org/a/gout"), pages.pages(),
                "entries outside the sitemap's folder are kept: the crawler filters by host");
        Sitemap index = parse("<sitemapindex><sitemap><loc>https://example.org/s1.xml</loc></sitemap></sitemapindex>");
        assertEquals(List.of("https://example.org/s1.xml"), index.sitemaps());
        assertEquals(List.of(), index.pages());
    }

    @Test
    void aTextSitemapListsOneUrlPerLine() throws IOException {
        assertEquals(List.of("https://example.org/maps/a.html", "https://example.org/maps/b.html"),
                parse("https://example.org/maps/a.html\nhttps://example.org/maps/b.html\n").pages());
    }

    @Test
    void anHtmlPageIsNotASitemap() {
        IOException e = assertThrows(IOException.class, () -> parse("<html><body>Not found</body></html>"));
        assertTrue(e.getMessage().startsWith("not a sitemap"), e.getMessage());
    }
}
