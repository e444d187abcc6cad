package org.medsearch.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.GeneratedCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What depends only on the index generation is worked out once per generation, not once per search: the
 * title shown for a question's focus and the field infos the highlighter reads; the pages are the same.
 */
class RepeatedSearchWorkTest {
    @TempDir
    Path dir;

    @Test
    void aFocusTitleAndTheMergedFieldInfosAreLookedUpOncePerGeneration() throws Exception {
        IndexStore store = new IndexStore(dir.resolve("index"));
        new IndexWriterJob(GeneratedCorpus.write(dir.resolve("corpus"), 60), store, 2, ReindexProgress.NONE).run();
        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index).withoutResultCache();
            SearchRequest question = SearchRequest.of("what is the treatment of condition 17");
            SearchResults first = searcher.search(question);
            assertFalse(first.understood().focus().isEmpty(), "the question names a focus: " + first.understood());
            assertFalse(first.hits().isEmpty());
            long lookups = titleLookups(index);
            long merged = index.withSnapshot(s -> s.fieldInfosMerged.sum());
            assertTrue(lookups >= 1 && merged == 1, lookups + " title lookups, field infos merged " + merged + " times");

            for (int i = 0; i < 5; i++) {
                SearchResults again = searcher.search(question);
                assertEquals(first.understood(), again.understood());
                assertEquals(first.hits(), again.hits());
            }
            searcher.search(SearchRequest.of("condition 17 fever"));
            assertEquals(lookups, titleLookups(index), "the focus title is remembered for the generation");
            assertEquals(1L, (long) index.withSnapshot(s -> s.fieldInfosMerged.sum()), "field infos merged once per generation");
        }
    }

    @Test
    void theHighlighterOpensEachTermsPostingsOncePerSegmentNotOncePerShownSection() throws Exception {
        IndexStore store = new IndexStore(dir.resolve("index-p"));
        new IndexWriterJob(GeneratedCorpus.write(dir.resolve("corpus-p"), 60), store, 2, ReindexProgress.NONE).run();
        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index).withoutResultCache();
            searcher.search(SearchRequest.of("fever cough"));
            long before = Snippets.POSTINGS_OPENED.sum();
            SearchResults r = searcher.search(SearchRequest.of("fever cough"));
            long opened = Snippets.POSTINGS_OPENED.sum() - before;
            int shown = r.hits().stream().mapToInt(h -> h.sections().size()).sum();
            int segments = index.withSnapshot(s -> s.reader().leaves().size());
            assertTrue(shown >= 20, shown + " sections shown");
            assertTrue(r.hits().stream().allMatch(h -> h.sections().stream().allMatch(s -> !s.highlights().isEmpty())),
                    "every shown section has its words marked");
            // Two words: at most two enums per segment, where Lucene's own matching opened two per shown section.
            assertTrue(opened <= 2L * segments, opened + " postings opened for " + shown + " sections in " + segments + " segments");
        }
    }

    private static long titleLookups(LiveIndex index) {
        return index.withSnapshot(s -> {
            try {
                return s.focusFinder().titleLookups();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
