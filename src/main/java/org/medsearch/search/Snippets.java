package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Highlighted snippets of section text: whole sentences around the matched words, words wrapped in
 * {@code <mark>} and every other character HTML-escaped (Lucene's UnifiedHighlighter, which reads match
 * offsets from the postings, so no hit's text is re-analysed).
 */
final class Snippets {
    static final int PASSAGES = 2;
    private static final java.util.regex.Pattern BLANK_LINES = java.util.regex.Pattern.compile("\\n\\s*\\n");
    private static final DefaultPassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);

    private Snippets() {
    }

    /** Snippets for the given section documents, in the same order; a section without a match gets its opening. */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds) {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(FORMATTER)
                .withHighlightPhrasesStrictly(true)
                .build();
        try {
            Map<String, String[]> out = highlighter.highlightFields(new String[] {Fields.BODY}, query, docIds,
                    new int[] {PASSAGES});
            String[] snippets = out.get(Fields.BODY);
            for (int i = 0; i < snippets.length; i++) {
                // One line per paragraph or list item: blank lines between blocks only stretch a snippet.
                snippets[i] = snippets[i] == null ? "" : BLANK_LINES.matcher(snippets[i].strip()).replaceAll("\n");
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
