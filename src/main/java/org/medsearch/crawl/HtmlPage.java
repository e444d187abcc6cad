package org.medsearch.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A fetched HTML page as the crawler reads it: its links, its robots directives, and the copy it saves. */
final class HtmlPage {
    private final Document doc;
    private final URI url;

    private HtmlPage(Document doc, URI url) {
        this.doc = doc;
        this.url = url;
    }

    /**
     * Decodes a page: the charset from the Content-Type header when it names a known one, else Jsoup's detection
     * (byte-order mark, then {@code <meta charset>}), else UTF-8.
     */
    static HtmlPage parse(byte[] body, String headerCharsetOrNull, URI url) {
        try {
            return new HtmlPage(Jsoup.parse(new ByteArrayInputStream(body), headerCharsetOrNull, url.toString()), url);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return parse(body, null, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
        }
    }

    /** Absolute targets of the page's links ({@code rel=nofollow} ones left out), in page order. */
    Set<String> links() {
        Set<String> out = new LinkedHashSet<>();
        if (!followsLinks()) {
            return out;
        }
        for (Element a : doc.select("a[href], area[href]")) {
            if (!a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
                String abs = a.absUrl("href");
                if (!abs.isEmpty()) {
                    out.add(abs);
                }
            }
        }
        return out;
    }

    /** False when {@code <meta name=robots content=noindex>} asks crawlers not to keep the page. */
    boolean mayBeSaved() {
        return !robotsMeta().contains("noindex") && !robotsMeta().contains("none");
    }

    private boolean followsLinks() {
        return !robotsMeta().contains("nofollow") && !robotsMeta().contains("none");
    }

    private String robotsMeta() {
        StringBuilder s = new StringBuilder();
        for (Element m : doc.select("meta[name=robots], meta[name=medsearch]")) {
            s.append(m.attr("content").toLowerCase(Locale.ROOT)).append(',');
        }
        return s.toString();
    }

    /**
     * The share of the page's reading text (navigation, header, footer and asides left out) that is link text:
     * near 1 for a listing or index page, low for an article.
     */
    double linkTextShare() {
        Element body = doc.body().clone();
        body.select("nav, header, footer, aside, script, style, noscript, template").remove();
        int all = words(body.text());
        if (all == 0) {
            return 1.0;
        }
        int linked = 0;
        for (Element a : body.select("a")) {
            linked += words(a.text());
        }
        return Math.min(1.0, linked / (double) all);
    }

    /**
     * The page as saved: UTF-8 with a matching {@code <meta charset>}, and a {@code <link rel=canonical>} (absolute)
     * so the indexed article links back to the live page; the page's own canonical wins over the fetched URL.
     */
    byte[] savedCopy() {
        Document copy = doc.clone();
        Element canonical = copy.selectFirst("link[rel=canonical][href]");
        if (canonical == null) {
            copy.head().prependElement("link").attr("rel", "canonical").attr("href", url.toString());
        } else if (!canonical.absUrl("href").isEmpty()) {
            canonical.attr("href", canonical.absUrl("href"));
        }
        copy.charset(StandardCharsets.UTF_8);
        // No pretty-printing: the saved page keeps the text layout the cleaner saw when deciding it is an article.
        copy.outputSettings().prettyPrint(false);
        return copy.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
