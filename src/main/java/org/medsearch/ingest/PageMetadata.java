package org.medsearch.ingest;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a page says about itself: title as a reader sees it, canonical URL and site name.
 *
 * <p>Read before the cleaner runs, since the title's {@code <h1>} may sit in a header the cleaner removes.
 */
record PageMetadata(String title, String url, String source, Set<String> titleKeys) {
    // Selectors and patterns compiled once: parsing them per page was ~6% of the cleaner's time (JFR).
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");
    private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");
    private static final Evaluator OG_SITE_NAME = QueryParser.parse("meta[property=og:site_name]");
    private static final Evaluator APPLICATION_NAME = QueryParser.parse("meta[name=application-name]");
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title]");
    private static final Evaluator LINK = QueryParser.parse("a[href]");
    private static final Pattern HOME_URL = Pattern.compile("https?://[^/]+/?");

    private static final Set<String> OUTSIDE_ARTICLE = Set.of("nav", "aside", "footer", "form");

    /**
     * @param fallbackUrl    the file path or page URL, used when the page names no URL
     * @param fallbackSource the corpus folder, used when neither the page nor the URL names a site
     */
    static PageMetadata read(Document doc, String fallbackUrl, String fallbackSource) {
        String canonical = linkHref(doc, CANONICAL, "href");
        String ogUrl = linkHref(doc, OG_URL, "content");
        String url = Objects.requireNonNullElse(firstNonBlank(canonical, ogUrl, fallbackUrl), "");
        String host = host(url);
        String siteName = firstNonBlank(meta(doc, OG_SITE_NAME),
                meta(doc, APPLICATION_NAME));
        String rawTitle = doc.title();
        String ogTitle = meta(doc, OG_TITLE);
        String h1 = firstH1(doc, siteName);
        // Read only when there is no h1: parsing JSON costs more than the rest of this method.
        String headline = h1 == null ? JsonLdHeadline.of(doc) : null;

        String title;
        String titleSite = null;
        if (h1 != null) {
            title = h1;
            titleSite = TitleExtractor.siteOf(rawTitle, h1);
        } else if (headline != null) {
            title = headline;
            titleSite = TitleExtractor.siteOf(rawTitle, headline);
        } else if (ogTitle != null) {
            TitleExtractor.TitleParts parts = TitleExtractor.split(ogTitle, siteName, host, s -> false);
            title = strip(ogTitle, siteName) ? parts.title() : Texts.normalize(ogTitle);
            titleSite = TitleExtractor.siteOf(rawTitle, title);
        } else if (!rawTitle.isBlank()) {
            String[] bodyText = new String[1];
            TitleExtractor.TitleParts parts = TitleExtractor.split(rawTitle, siteName, host, s -> {
                if (bodyText[0] == null) {
                    bodyText[0] = doc.body().text().toLowerCase(Locale.ROOT);
                }
                return bodyText[0].contains(s.toLowerCase(Locale.ROOT));
            });
            title = parts.title();
            titleSite = parts.site();
        } else {
            title = "";
        }
        String source = firstNonBlank(siteName, titleSite, host, fallbackSource);
        Set<String> keys = new HashSet<>();
        for (String t : new String[] {title, h1, headline, ogTitle, rawTitle}) {
            if (t != null && !t.isBlank()) {
                keys.add(Texts.key(t));
            }
        }
        return new PageMetadata(title, url, source == null ? "" : source, keys);
    }

    /** og:title carries the site name only when the page states one; otherwise keep it whole. */
    private static boolean strip(String ogTitle, String siteName) {
        return siteName != null && ogTitle.toLowerCase(Locale.ROOT).contains(siteName.toLowerCase(Locale.ROOT));
    }

    /**
     * The page's {@code <h1>}: the first one inside the main content if any, else the first with text that
     * is not in page chrome (nav, aside, footer) and is not the site's logo ('<h1><a href="/">Site</a></h1>').
     */
    private static String firstH1(Document doc, String siteName) {
        String fallback = null;
        for (Element h1 : doc.body().getElementsByTag("h1")) {
            String text = Texts.normalize(h1.text());
            if (text.isEmpty() || (siteName != null && text.equalsIgnoreCase(siteName)) || isLogo(h1)) {
                continue;
            }
            Placement where = placement(h1);
            if (where == Placement.CONTENT) {
                return text;
            }
            if (where == Placement.ELSEWHERE && fallback == null) {
                fallback = text;
            }
        }
        return fallback;
    }

    private enum Placement { CONTENT, CHROME, ELSEWHERE }

    private static Placement placement(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (OUTSIDE_ARTICLE.contains(tag) || p.hasAttr("hidden")) {
                return Placement.CHROME;
            }
            if (tag.equals("main") || tag.equals("article") || "main".equalsIgnoreCase(p.attr("role"))) {
                return Placement.CONTENT;
            }
        }
        return Placement.ELSEWHERE;
    }

    /** A heading that is nothing but a link to the home page. */
    private static boolean isLogo(Element h1) {
        Element link = h1.selectFirst(LINK);
        if (link == null || !Texts.normalize(link.text()).equals(Texts.normalize(h1.text()))) {
            return false;
        }
        String href = link.attr("href").trim();
        return href.equals("/") || href.equals("./") || HOME_URL.matcher(href).matches();
    }

    private static String meta(Document doc, Evaluator selector) {
        Element el = doc.head().selectFirst(selector);
        String v = el == null ? "" : Texts.normalize(el.attr("content"));
        return v.isEmpty() ? null : v;
    }

    private static String linkHref(Document doc, Evaluator selector, String attr) {
        Element el = doc.head().selectFirst(selector);
        if (el == null) {
            return null;
        }
        String abs = el.absUrl(attr);
        String v = Texts.normalize(abs.isEmpty() ? el.attr(attr) : abs);
        return v.isEmpty() ? null : v;
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return uri.getHost();
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
