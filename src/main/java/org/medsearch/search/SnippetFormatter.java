package org.medsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats the UnifiedHighlighter's passages as a {@link Snippet} (text and match ranges) instead of an
 * HTML string. Passages and matches are joined as Lucene's DefaultPassageFormatter joins them
 * (overlapping matches merged, " … " between passages that do not touch); blank lines between blocks
 * become one line break, so a snippet is one line per paragraph or list item.
 */
final class SnippetFormatter extends PassageFormatter {
    private static final String ELLIPSIS = " … ";

    @Override
    public Snippet format(Passage[] passages, String content) {
        Builder out = new Builder();
        int pos = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > pos && pos > 0) {
                out.text(ELLIPSIS);
            }
            pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                while (i + 1 < passage.getNumMatches() && passage.getMatchStarts()[i + 1] < end) {
                    end = Math.max(end, passage.getMatchEnds()[++i]);
                }
                end = Math.min(end, passage.getEndOffset());
                if (start < pos) {
                    continue;
                }
                out.text(content.substring(pos, start));
                out.match(content.substring(start, end));
                pos = end;
            }
            out.text(content.substring(pos, Math.max(pos, passage.getEndOffset())));
            pos = passage.getEndOffset();
        }
        return out.build();
    }

    /** Accumulates text and ranges, collapsing blank lines in unmatched text and trimming the ends. */
    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Snippet.Highlight> highlights = new ArrayList<>();

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' && blankLineAhead(s, i)) {
                    // "\n\s*\n" -> "\n": skip to the last newline of the run.
                    int j = i + 1;
                    int lastNewline = i;
                    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                        if (s.charAt(j) == '\n') {
                            lastNewline = j;
                        }
                        j++;
                    }
                    text.append('\n');
                    text.append(s, lastNewline + 1, j);
                    i = j - 1;
                } else {
                    text.append(c);
                }
            }
        }

        private static boolean blankLineAhead(String s, int i) {
            for (int j = i + 1; j < s.length() && Character.isWhitespace(s.charAt(j)); j++) {
                if (s.charAt(j) == '\n') {
                    return true;
                }
            }
            return false;
        }

        void match(String s) {
            int start = text.length();
            text.append(s);
            highlights.add(new Snippet.Highlight(start, text.length()));
        }

        Snippet build() {
            int from = 0;
            int to = text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            List<Snippet.Highlight> shifted = new ArrayList<>(highlights.size());
            for (Snippet.Highlight h : highlights) {
                int s = Math.max(h.start(), from) - from;
                int e = Math.min(h.end(), to) - from;
                if (e > s) {
                    shifted.add(new Snippet.Highlight(s, e));
                }
            }
            return new Snippet(text.substring(from, to), shifted);
        }
    }
}
