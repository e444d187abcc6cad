package org.medsearch.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Searcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reindex of unchanged pages reuses their cleaned articles; a changed page, or a damaged cache, is cleaned again. */
class CleanedArticleCacheTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedCorpusIsIndexedFromTheCacheWithTheSameResults() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        IndexStore store = new IndexStore(dir.resolve("index"));
        IndexWriterJob first = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE);
        first.run();
        assertEquals(0, first.cleanedFromCache(), "nothing cached before the first run");
        List<String> before = results(store, "asthma inhaler");

        IndexWriterJob second = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE);
        ReindexReport r = second.run();
        assertEquals(r.articles(), second.cleanedFromCache(), "every unchanged page comes from the cache");
        assertEquals(before, results(store, "asthma inhaler"));
    }

    @Test
    void aChangedPageIsCleanedAgain() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        IndexStore store = new IndexStore(dir.resolve("index"));
        new IndexWriterJob(corpus, store, 1, ReindexProgress.NONE).run();
        Path page = corpus.resolve("wiki/sprained-ankle.txt");
        Files.writeString(page, Files.readString(page) + "\nWobbleboard exercises help afterwards.\n");

        IndexWriterJob again = new IndexWriterJob(corpus, store, 1, ReindexProgress.NONE);
        ReindexReport r = again.run();
        assertEquals(r.articles() - 1, again.cleanedFromCache(), "only the edited page is cleaned");
        assertEquals(List.of("wiki/sprained-ankle"), results(store, "wobbleboard"));
    }

    @Test
    void aDamagedCacheIsIgnoredAndRebuilt() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        IndexStore store = new IndexStore(dir.resolve("index"));
        new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
        Path cache = store.root().resolve(IndexWriterJob.ARTICLE_CACHE);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        IndexWriterJob damaged = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE);
        ReindexReport r = damaged.run();
        assertEquals(0, damaged.cleanedFromCache(), "a truncated cache is not used");
        assertEquals(4, r.articles());
        IndexWriterJob rebuilt = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE);
        rebuilt.run();
        assertEquals(4, rebuilt.cleanedFromCache(), "the run after it writes a whole cache again");
        assertTrue(Files.notExists(cache.resolveSibling(IndexWriterJob.ARTICLE_CACHE + ".next")), "no leftover file");
    }

    private static List<String> results(IndexStore store, String query) throws Exception {
        try (LiveIndex index = new LiveIndex(store)) {
            // No deadline: the figures must not depend on how busy the machine is.
            return new Searcher(index).withTimeout(0).search(SearchRequest.of(query)).hits().stream()
                    .map(SearchResults.ArticleHit::id).toList();
        }
    }
}
