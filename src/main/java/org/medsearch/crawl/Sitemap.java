package org.medsearch.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Locale;

/**
 * A sitemap, read by crawler-commons: the page URLs of a {@code <urlset>} (or of a text, RSS or Atom sitemap)
 * and the nested sitemaps of a {@code <sitemapindex>}.
 *
 * @param pages    page URLs listed
 * @param sitemaps nested sitemap URLs listed
 */
record Sitemap(List<String> pages, List<String> sitemaps) {

    /**
     * Reads a sitemap (already gunzipped). Lenient: entries need not sit under the sitemap's folder nor use the
     * sitemaps.org namespace, since the crawler filters every URL by host itself.
     *
     * @throws IOException when the body is not a sitemap in any format crawler-commons knows
     */
    static Sitemap parse(byte[] body, URI url) throws IOException {
        SiteMapParser parser = new SiteMapParser(false);
        String type = looksLikeXml(body) ? "text/xml" : "text/plain";
        try {
            AbstractSiteMap map = parser.parseSiteMap(type, body, toUrl(url));
            if (map instanceof SiteMapIndex index) {
                return new Sitemap(List.of(), index.getSitemaps().stream().map(m -> m.getUrl().toString()).toList());
            }
            return new Sitemap(((SiteMap) map).getSiteMapUrls().stream().map(SiteMapURL::getUrl)
                    .map(URL::toString).toList(), List.of());
        } catch (UnknownFormatException e) {
            throw new IOException("not a sitemap (" + e.getMessage() + ")", e);
        }
    }

    /** Whether a URL looks like a sitemap rather than a page (how start URLs are told apart). */
    static boolean looksLikeSitemap(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".xml");
    }

    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            // Skip whitespace and a UTF-8 byte order mark before the first tag.
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                return false;
            }
        }
        return false;
    }

    private static URL toUrl(URI uri) throws IOException {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IOException("not a URL: " + uri, e);
        }
    }
}
