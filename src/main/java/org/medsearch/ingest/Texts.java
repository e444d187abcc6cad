package org.medsearch.ingest;

import java.util.Locale;

/** Small text helpers shared by the HTML and plain-text parsers. */
final class Texts {
    private Texts() {
    }

    /** True for the characters a browser renders as a plain space (incl. no-break and narrow spaces). */
    static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\uFEFF';
    }

    /** Collapses runs of whitespace into single spaces and trims. */
    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        appendNormalized(sb, s, Integer.MAX_VALUE);
        return sb.toString().trim();
    }

    /**
     * Appends {@code s} with whitespace collapsed, never growing {@code sb} past {@code cap} characters.
     *
     * @return the number of non-space characters in {@code s} (counted in full, even past the cap)
     */
    static int appendNormalized(StringBuilder sb, String s, int cap) {
        int visible = 0;
        boolean space = sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                if (!space && sb.length() > 0 && sb.length() < cap) {
                    sb.append(' ');
                }
                space = true;
                i++;
                continue;
            }
            // Copy a whole run of visible characters at once: this is the hot loop of the cleaner.
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            visible += i - start;
            int room = cap - sb.length();
            if (room > 0) {
                sb.append(s, start, i - start <= room ? i : start + room);
            }
            space = false;
        }
        return visible;
    }

    /** A comparison key: lower case, whitespace collapsed, trailing punctuation dropped. */
    static String key(String s) {
        String k = normalize(s).toLowerCase(Locale.ROOT);
        int end = k.length();
        while (end > 0 && ".:;,?!".indexOf(k.charAt(end - 1)) >= 0) {
            end--;
        }
        return k.substring(0, end).trim();
    }

    /** Human size for skip reasons: {@code 52 MB}, {@code 4 kB}, {@code 12 bytes} (decimal units). */
    static String humanSize(long bytes) {
        if (bytes >= 1_000_000) {
            return Math.round(bytes / 1_000_000.0) + " MB";
        }
        if (bytes >= 1_000) {
            return Math.round(bytes / 1_000.0) + " kB";
        }
        return bytes + " bytes";
    }
}
