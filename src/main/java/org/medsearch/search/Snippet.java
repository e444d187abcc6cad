package org.medsearch.search;

import java.util.List;

/**
 * A section's snippet as data: its plain text and the character ranges of the matched words in it, so
 * each front end marks them its own way (the page with {@code <mark>}, the terminal in bold) and none
 * has to parse HTML back.
 *
 * @param text       the snippet text: whole sentences around the matches, passages joined by " … "
 * @param highlights the matched words, as [start, end) offsets into {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Highlight> highlights) {
    /** No snippet (a section with no text). */
    public static final Snippet EMPTY = new Snippet("", List.of());

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** A matched word or phrase: characters {@code start} (inclusive) to {@code end} (exclusive). */
    public record Highlight(int start, int end) {
    }

    /** The pieces of the text in order, each marked or not: what a template iterates over. */
    public List<Piece> pieces() {
        List<Piece> out = new java.util.ArrayList<>();
        int at = 0;
        for (Highlight h : highlights) {
            if (h.start() > at) {
                out.add(new Piece(text.substring(at, h.start()), false));
            }
            out.add(new Piece(text.substring(h.start(), h.end()), true));
            at = h.end();
        }
        if (at < text.length()) {
            out.add(new Piece(text.substring(at), false));
        }
        return out;
    }

    /** A run of snippet text, matched ({@code mark}) or not. */
    public record Piece(String text, boolean mark) {
    }

    /** The snippet as HTML: every character escaped, matches wrapped in {@code <mark>} (the API's {@code snippet}). */
    public String html() {
        StringBuilder out = new StringBuilder(text.length() + 16 * highlights.size());
        int at = 0;
        for (Highlight h : highlights) {
            escape(text, at, h.start(), out);
            out.append("<mark>");
            escape(text, h.start(), h.end(), out);
            out.append("</mark>");
            at = h.end();
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    /**
     * Characters {@code from} to {@code to} of {@code s}, escaped as Lucene's DefaultPassageFormatter escapes them, so
     * the HTML is as before. Runs with nothing to escape are copied whole: escaping char by char was 3% of a search.
     */
    private static void escape(String s, int from, int to, StringBuilder out) {
        int run = from;
        for (int i = from; i < to; i++) {
            String entity = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#x27;";
                case '/' -> "&#x2F;";
                default -> null;
            };
            if (entity != null) {
                out.append(s, run, i).append(entity);
                run = i + 1;
            }
        }
        out.append(s, run, to);
    }
}
