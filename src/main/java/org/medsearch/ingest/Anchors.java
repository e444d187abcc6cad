package org.medsearch.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Hands out the section anchors of one article, keeping them unique; makes slugs for headings with no id. */
final class Anchors {
    private final Set<String> used = new HashSet<>();

    /** Takes {@code preferred} if free, else {@code preferred-2}, {@code preferred-3}, ... */
    String claim(String preferred) {
        String base = preferred == null || preferred.isBlank() ? "section" : preferred.trim();
        String anchor = base;
        for (int n = 2; !used.add(anchor); n++) {
            anchor = base + "-" + n;
        }
        return anchor;
    }

    /** A URL-fragment-friendly form of a heading: 'What causes X?' -> 'what-causes-x'. */
    static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        String lower = heading.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && sb.length() < 80; i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.length() == 0 ? "section" : sb.toString();
    }
}
