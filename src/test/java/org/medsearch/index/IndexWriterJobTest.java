package org.medsearch.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.GeneratedCorpus;
import org.medsearch.TestCorpus;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexWriterJobTest {
    @TempDir
    Path dir;

    @Test
    void reindexThatFailsPartWayLeavesTheOldIndexLive() throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index"));
        Path live = store.current().orElseThrow();

        ArticleExtractor real = new ArticleExtractor();
        AtomicInteger calls = new AtomicInteger();
        IndexWriterJob failing = new IndexWriterJob(TestCorpus.mini(), store, 1, ReindexProgress.NONE, (corpus, file) -> {
            if (calls.incrementAndGet() == 3) {
                throw new IOException("disk full (injected)");
            }
            return real.extract(corpus, file);
        });
        IOException e = assertThrows(IOException.class, failing::run);
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());

        assertEquals(live, store.current().orElseThrow(), "the previous generation must stay live");
        try (var files = Files.list(store.root())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("gen-")).count(),
                    "the half-written generation must be removed");
        }
        try (LiveIndex index = new LiveIndex(store)) {
            assertTrue(new Searcher(index).search(SearchRequest.of("asthma")).total() > 0);
        }
    }

    @Test
    void aPageThatThrowsIsCountedAndSkippedAndTheRestIsIndexed() throws Exception {
        IndexStore store = new IndexStore(dir.resolve("index"));
        ArticleExtractor real = new ArticleExtractor();
        ReindexReport r = new IndexWriterJob(TestCorpus.mini(), store, 2, ReindexProgress.NONE, (corpus, file) -> {
            if (file.getFileName().toString().startsWith("asthma")) {
                throw new IllegalStateException("cleaner bug (injected)");
            }
            return real.extract(corpus, file);
        }).run();

        assertEquals(3, r.articles(), "the other pages are indexed");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().getFirst().file().contains("asthma"), r.errors().toString());
        assertEquals("unexpected IllegalStateException: cleaner bug (injected)", r.errors().getFirst().reason());
        assertEquals(List.of(), r.skipped(), "an error is not a skipped file");
        assertTrue(store.current().isPresent(), "the new index is published");
    }

    @Test
    void moreFailingPagesThanTheLimitFailTheRunAndKeepThePreviousIndex() throws Exception {
        Path corpus = GeneratedCorpus.write(dir.resolve("corpus"), 40);
        IndexStore store = TestCorpus.indexed(corpus, dir.resolve("index"));
        Path live = store.current().orElseThrow();
        int limit = IndexWriterJob.errorLimit(40);
        ArticleExtractor real = new ArticleExtractor();
        AtomicInteger calls = new AtomicInteger();
        IndexWriterJob failing = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE, (root, file) -> {
            if (calls.incrementAndGet() <= limit + 1) {
                throw new IllegalArgumentException("cleaner bug (injected)");
            }
            return real.extract(root, file);
        });
        IOException e = assertThrows(IOException.class, failing::run);
        assertTrue(e.getMessage().contains((limit + 1) + " pages failed unexpectedly, more than the limit of " + limit),
                e.getMessage());
        assertEquals(live, store.current().orElseThrow(), "the previous generation must stay live");
    }

    @Test
    void emptyCorpusKeepsThePreviousIndex() throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index"));
        Path live = store.current().orElseThrow();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> new IndexWriterJob(empty, store, 2, ReindexProgress.NONE).run());
        assertTrue(e.getMessage().contains("no articles"), e.getMessage());
        assertEquals(live, store.current().orElseThrow());
    }

    @Test
    void missingCorpusIsAClearError() {
        IOException e = assertThrows(IOException.class, () ->
                new IndexWriterJob(dir.resolve("nope"), new IndexStore(dir.resolve("index")), 1, ReindexProgress.NONE).run());
        assertTrue(e.getMessage().contains("corpus folder not found"), e.getMessage());
    }
}
