package org.medsearch.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** URL clean-up so that one page is fetched once however it is linked (fragments, slashes, tracking tags). */
final class CrawlUrls {
    /** Query parameters that only tell analytics where a click came from; they never change the page. */
    private static final Set<String> TRACKING = Set.of("gclid", "dclid", "fbclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi");

    private CrawlUrls() {
    }

    /**
     * Parses a link as a crawlable http(s) URL in its normal form: lower-case scheme and host, no default port,
     * no fragment, no tracking parameters, '/' for an empty path, dot segments resolved. Empty when the link is
     * not http(s) or cannot be parsed even after escaping the characters browsers tolerate.
     */
    static Optional<URI> normalize(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(escapeLenient(link.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return normalize(uri);
    }

    /** {@link #normalize(String)} for a parsed URI. */
    static Optional<URI> normalize(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = withoutTracking(uri.getRawQuery());
        StringBuilder s = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(path);
        if (query != null) {
            s.append('?').append(query);
        }
        try {
            return Optional.of(new URI(s.toString()).normalize());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The identity of a page: its normal form without a trailing slash, so {@code /a} and {@code /a/} are one. */
    static String key(URI normalized) {
        String path = normalized.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = normalized.getRawQuery() == null ? "" : "?" + normalized.getRawQuery();
        return normalized.getScheme() + "://" + normalized.getRawAuthority() + path + query;
    }

    /** {@code host} or {@code host:port}: the unit of politeness and of robots.txt. */
    static String hostKey(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The robots.txt of the URL's host. */
    static URI robotsTxt(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt");
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /** Escapes what pages put in links but RFC 3986 forbids (spaces, braces, non-ASCII...), keeping '%XX' as is. */
    private static String escapeLenient(String link) {
        StringBuilder out = new StringBuilder(link.length());
        for (byte b : link.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
