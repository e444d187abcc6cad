package org.medsearch.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.Analyzers;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snippets as data: the text, the ranges of the matched words in it, and the HTML made from both. */
class SnippetsTest {
    @TempDir
    Path dir;

    @Test
    void rangesPointAtTheMatchedWordsAndTheHtmlIsMadeFromThem() throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index"));
        try (LiveIndex index = new LiveIndex(store)) {
            SearchResults r = new Searcher(index).search(SearchRequest.of("wheezing inhaler"));
            int marked = 0;
            for (SearchResults.ArticleHit hit : r.hits()) {
                for (SearchResults.SectionHit s : hit.sections()) {
                    Snippet snippet = s.snippetData();
                    int end = 0;
                    for (Snippet.Highlight h : snippet.highlights()) {
                        assertTrue(h.start() >= end && h.end() > h.start() && h.end() <= snippet.text().length(), s.toString());
                        end = h.end();
                        String word = snippet.text().substring(h.start(), h.end()).toLowerCase(Locale.ROOT);
                        assertTrue(List.of("wheez", "inhal").contains(Analyzers.key(word).substring(0, 5)), word);
                        marked++;
                    }
                    assertEquals(snippet.html(), s.snippet());
                    assertFalse(snippet.text().contains("\n\n"), "blank lines are collapsed: " + snippet.text());
                }
            }
            assertTrue(marked > 0, "some words are highlighted: " + r);
        }
    }

    @Test
    void htmlEscapesTheTextAndMarksOnlyTheRanges() {
        String text = "Tom & Jerry <b> asthma's inhaler";
        Snippet s = new Snippet(text, List.of(new Snippet.Highlight(text.indexOf("inhaler"), text.length())));
        assertEquals("Tom &amp; Jerry &lt;b&gt; asthma&#x27;s <mark>inhaler</mark>", s.html());
        assertEquals(List.of(new Snippet.Piece("Tom & Jerry <b> asthma's ", false), new Snippet.Piece("inhaler", true)), s.pieces());
    }
}
