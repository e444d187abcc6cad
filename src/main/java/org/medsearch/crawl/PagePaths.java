package org.medsearch.crawl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Where a page is saved: {@code <host>[_<port>]/<path>.html} under the corpus folder. Every segment is made safe
 * (no '..', no leading dot, which the corpus scanner would hide, no control or shell-hostile characters, bounded
 * length); a query string becomes a short hash in the name so that each kept URL has its own file.
 */
final class PagePaths {
    static final int MAX_SEGMENT = 80;

    private PagePaths() {
    }

    /** The path relative to the corpus folder, '/'-separated, ending in {@code .html}. */
    static String of(URI uri) {
        List<String> parts = new ArrayList<>();
        parts.add(safe(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + "_" + uri.getPort()));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length - 1; i++) {
            if (!segments[i].isEmpty()) {
                parts.add(safe(decode(segments[i])));
            }
        }
        String last = decode(segments[segments.length - 1]);
        String name = last.isEmpty() ? "index" : withoutHtmlExtension(last);
        if (uri.getRawQuery() != null) {
            name = name + "__" + hash(uri.getRawQuery());
        }
        parts.add(safe(name) + ".html");
        return String.join("/", parts);
    }

    /** The article id {@code reindex} will give the saved page: its path without the extension. */
    static String idOf(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".html".length());
    }

    private static String withoutHtmlExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".html", ".htm", ".xhtml")) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Letters, digits, '.', '-', '_' only; never '.', '..' or a leading dot; at most {@link #MAX_SEGMENT} chars. */
    static String safe(String segment) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
            s.append(ok ? c : '_');
        }
        String out = s.toString();
        if (out.isEmpty() || out.startsWith(".")) {
            out = "_" + out;
        }
        if (out.length() > MAX_SEGMENT) {
            // Long names are cut, with a hash of the whole so that two long names sharing a prefix stay apart.
            out = out.substring(0, MAX_SEGMENT - 11) + "-" + hash(segment);
        }
        return out;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
