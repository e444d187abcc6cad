package org.medsearch.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sitemap.xml: the page URLs of a {@code <urlset>} and the nested sitemaps of a {@code <sitemapindex>}.
 *
 * @param pages    {@code <url><loc>} entries
 * @param sitemaps {@code <sitemap><loc>} entries
 */
record Sitemap(List<String> pages, List<String> sitemaps) {

    /** Reads a sitemap; anything that is not one reads as empty. */
    static Sitemap parse(byte[] xml, String url) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(xml), null, url, Parser.xmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
        }
        return new Sitemap(locs(doc, "urlset > url > loc"), locs(doc, "sitemapindex > sitemap > loc"));
    }

    /** Whether a URL looks like a sitemap rather than a page (how start URLs are told apart). */
    static boolean looksLikeSitemap(java.net.URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(java.util.Locale.ROOT);
        return path.endsWith(".xml");
    }

    private static List<String> locs(Document doc, String selector) {
        List<String> out = new ArrayList<>();
        for (Element loc : doc.select(selector)) {
            String u = loc.text().strip();
            if (!u.isEmpty()) {
                out.add(u);
            }
        }
        return out;
    }
}
