package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits a page's {@code <title>} into the article title and the site name.
 *
 * <p>Sites add their name with a separator ('Zika virus - NHS Choices', 'X | Site', 'Site | X'). The
 * strongest separator present splits the title; the site part is the end that matches the known site name
 * or the host, else the part that is not shown on the page, else (the common convention) the last part.
 */
final class TitleExtractor {
    /** Strongest first: a ' | ' split wins over a ' - ' that may belong to the title itself. */
    private static final List<String> SEPARATORS = List.of(" | ", " \u2014 ", " \u2013 ", " - ", " :: ",
            " \u00bb ", " \u00b7 ", " : ");

    /** A title split into the article's part and the site's part (null when the title names no site). */
    record TitleParts(String title, String site) {
    }

    private TitleExtractor() {
    }

    /**
     * @param raw      the {@code <title>} (or og:title) text
     * @param siteName the site's name when the page states it (og:site_name), else null
     * @param host     the host of the page's URL, else null
     * @param visible  whether a piece of text is shown on the page
     */
    static TitleParts split(String raw, String siteName, String host, Predicate<String> visible) {
        String title = Texts.normalize(raw);
        if (siteName != null && !siteName.isBlank()) {
            TitleParts stripped = stripKnown(title, Texts.normalize(siteName));
            if (stripped != null) {
                return stripped;
            }
        }
        String sep = strongestSeparator(title);
        if (sep == null) {
            return new TitleParts(title, null);
        }
        List<String> parts = splitOn(title, sep);
        int n = parts.size();
        String hostLabel = hostLabel(host);
        if (hostLabel != null) {
            if (matchesHost(parts.get(n - 1), hostLabel)) {
                return new TitleParts(join(parts, 0, n - 1, sep), parts.get(n - 1));
            }
            if (matchesHost(parts.get(0), hostLabel)) {
                return new TitleParts(join(parts, 1, n, sep), parts.get(0));
            }
        }
        for (int k = n - 1; k >= 1; k--) {
            String prefix = join(parts, 0, k, sep);
            if (visible.test(prefix)) {
                return new TitleParts(prefix, join(parts, k, n, sep));
            }
        }
        for (int k = 1; k < n; k++) {
            String suffix = join(parts, k, n, sep);
            if (visible.test(suffix)) {
                return new TitleParts(suffix, join(parts, 0, k, sep));
            }
        }
        return new TitleParts(join(parts, 0, n - 1, sep), parts.get(n - 1));
    }

    /** The site part of {@code raw} once the article's title (as shown on the page) is known. */
    static String siteOf(String raw, String title) {
        String t = Texts.normalize(raw);
        String shown = Texts.normalize(title);
        if (t.equalsIgnoreCase(shown) || shown.isEmpty()) {
            return null;
        }
        String lowerT = t.toLowerCase(Locale.ROOT);
        String lowerShown = shown.toLowerCase(Locale.ROOT);
        for (String sep : SEPARATORS) {
            if (lowerT.startsWith(lowerShown + sep)) {
                return blankToNull(t.substring(shown.length() + sep.length()));
            }
            if (lowerT.endsWith(sep + lowerShown)) {
                return blankToNull(t.substring(0, t.length() - shown.length() - sep.length()));
            }
        }
        return null;
    }

    private static TitleParts stripKnown(String title, String site) {
        String lower = title.toLowerCase(Locale.ROOT);
        String lowerSite = site.toLowerCase(Locale.ROOT);
        if (lower.equals(lowerSite)) {
            return new TitleParts(title, site);
        }
        for (String sep : SEPARATORS) {
            if (lower.endsWith(sep + lowerSite)) {
                return new TitleParts(title.substring(0, title.length() - site.length() - sep.length()).trim(), site);
            }
            if (lower.startsWith(lowerSite + sep)) {
                return new TitleParts(title.substring(site.length() + sep.length()).trim(), site);
            }
        }
        return null;
    }

    private static String strongestSeparator(String title) {
        for (String sep : SEPARATORS) {
            if (title.contains(sep)) {
                return sep;
            }
        }
        return null;
    }

    private static List<String> splitOn(String s, String sep) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
            parts.add(s.substring(from, at).trim());
            from = at + sep.length();
        }
        parts.add(s.substring(from).trim());
        return parts;
    }

    private static String join(List<String> parts, int from, int to, String sep) {
        return String.join(sep, parts.subList(from, to));
    }

    /** 'www.nhs.uk' -> 'nhs'; 'health-encyclopedia.example' -> 'healthencyclopedia'. */
    private static String hostLabel(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("www.")) {
            h = h.substring(4);
        }
        int dot = h.indexOf('.');
        String label = lettersOnly(dot > 0 ? h.substring(0, dot) : h);
        return label.length() >= 3 ? label : null;
    }

    /** 'NHS Choices' matches host label 'nhs': the site's name starts with or equals its domain name. */
    private static boolean matchesHost(String part, String hostLabel) {
        String letters = lettersOnly(part.toLowerCase(Locale.ROOT));
        return !letters.isEmpty() && (letters.startsWith(hostLabel) || hostLabel.startsWith(letters));
    }

    private static String lettersOnly(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
