package org.medsearch.ingest;

import java.util.Locale;

/** Small text helpers shared by the HTML and plain-text parsers. */
final class Texts {
    private Texts() {
    }

    /** True for the characters a browser renders as a plain space (incl. no-break and narrow spaces). */
    static boolean isSpace(char c) {
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
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!space && sb.length() > 0 && sb.length() < cap) {
                    sb.append(' ');
                }
                space = true;
            } else {
                visible++;
                if (sb.length() < cap) {
                    sb.append(c);
                }
                space = false;
            }
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
