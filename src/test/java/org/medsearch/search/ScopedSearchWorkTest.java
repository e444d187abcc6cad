package org.medsearch.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;
import org.medsearch.ingest.SectionKind;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search scoped to a section kind ranks and counts its facets in one pass over the query's matches (a second,
 * facet-only pass over every match grew with the corpus), and still shows what the other kinds would give.
 */
class ScopedSearchWorkTest {
    @TempDir
    Path dir;

    @Test
    void aScopedSearchPassesOverTheMatchesOnceAndKeepsItsFacetsAndScope() throws Exception {
        IndexStore store = new IndexStore(dir.resolve("index"));
        new IndexWriterJob(TestCorpus.miniCopy(dir), store, 2, ReindexProgress.NONE).run();
        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index).withoutResultCache();
            SearchResults plain = searcher.search(SearchRequest.of("asthma"));
            long before = searcher.passes.sum();
            SearchResults scoped = searcher.search(new SearchRequest("asthma", Set.of(SectionKind.TREATMENT), 1, 10));
            assertEquals(1, searcher.passes.sum() - before, "one pass over the matches for ranking and facets");

            assertTrue(scoped.total() > 0 && scoped.total() <= plain.total(), scoped.total() + " of " + plain.total());
            assertEquals(plain.facets().kind().get("treatment"), scoped.total(), "the total is the treatment chip's count");
            scoped.hits().forEach(h -> assertTrue(h.sections().stream().allMatch(s -> s.kind().equals("treatment")),
                    () -> h.id() + " shows a section outside the scope: " + h.sections()));
            // Disjunctive: choosing a kind does not hide the others' counts.
            assertEquals(plain.facets(), scoped.facets());
        }
    }
}
