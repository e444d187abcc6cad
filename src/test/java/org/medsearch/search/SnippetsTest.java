package org.medsearch.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.UserQueryParser;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

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
    void snippetsAreThoseLuceneMakesWhenItBuildsTheQueryPerSection() throws Exception {
        // Matches read through one weight per segment and bodies read with the hit's fields must give what
        // Lucene's own strategy gives: the same passages, the same ranges, over every segment.
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index-l"));
        try (LiveIndex index = new LiveIndex(store)) {
            index.withSnapshot(snapshot -> {
                try {
                    IndexSearcher searcher = new IndexSearcher(snapshot.reader());
                    var analyzer = Analyzers.english();
                    int[] docs = java.util.stream.IntStream.range(0, snapshot.reader().maxDoc())
                            .filter(d -> snapshot.articleOf(d) >= 0).toArray();
                    StoredFields stored = searcher.storedFields();
                    String[] bodies = new String[docs.length];
                    for (int i = 0; i < docs.length; i++) {
                        bodies[i] = stored.document(docs[i]).get(Fields.BODY);
                    }
                    for (String q : List.of("wheezing inhaler", "\"sprained ankle\" swelling", "calcium", "zzqx")) {
                        Query query = Snippets.bodyOnly(new QueryBuilder(analyzer, RankingConfig.defaults().queryWeights())
                                .build(UserQueryParser.parse(q), java.util.Set.of()).highlightQuery());
                        Object[] lucene = new StockHighlighter(searcher, analyzer).formatted(query, docs);
                        Snippet[] ours = Snippets.of(searcher, null, analyzer, query, docs, bodies);
                        for (int i = 0; i < docs.length; i++) {
                            assertEquals(lucene[i] == null ? Snippet.EMPTY : lucene[i], ours[i], q + " in document " + docs[i]);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Lucene's highlighter as it comes, with the same formatter. */
    private static final class StockHighlighter extends UnifiedHighlighter {
        StockHighlighter(IndexSearcher searcher, org.apache.lucene.analysis.Analyzer analyzer) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter()).withHighlightPhrasesStrictly(true));
        }

        Object[] formatted(Query query, int[] docs) throws java.io.IOException {
            return highlightFieldsAsObjects(new String[] {Fields.BODY}, query, docs, new int[] {Snippets.PASSAGES}).get(Fields.BODY);
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
