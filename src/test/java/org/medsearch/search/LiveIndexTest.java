package org.medsearch.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reindex while serving: searches never fail or come back empty while generations are swapped. */
class LiveIndexTest {
    @TempDir
    Path dir;

    @Test
    void searchesKeepAnsweringWhileReindexesSwapTheIndex() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        IndexStore store = reindex(corpus, new IndexStore(dir.resolve("index")));
        Path first = store.current().orElseThrow();

        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get() && failure.get() == null) {
                        try {
                            SearchResults r = searcher.search(SearchRequest.of("asthma inhaler"));
                            if (r.total() == 0 || r.hits().isEmpty()) {
                                failure.set(new AssertionError("empty response during swap"));
                            }
                            searches.incrementAndGet();
                        } catch (Throwable e) {
                            failure.set(e);
                        }
                    }
                }));
            }
            // A new article arrives; each reindex publishes a generation and the server switches to it.
            TestCorpus.addCroup(corpus);
            for (int i = 0; i < 3; i++) {
                reindex(corpus, store);
                assertTrue(index.refresh(), "the new generation is picked up");
            }
            stop.set(true);
            for (Thread c : clients) {
                c.join();
            }
            assertNull(failure.get(), () -> "a search failed during the swap: " + failure.get());
            assertTrue(searches.get() > 10, "searches ran: " + searches.get());
            assertTrue(!store.current().orElseThrow().equals(first));
            assertEquals("wiki/croup", searcher.search(SearchRequest.of("barking cough")).hits().get(0).id());
        }
    }

    @Test
    void watcherPicksUpAPublishedGeneration() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        IndexStore store = reindex(corpus, new IndexStore(dir.resolve("index")));
        try (LiveIndex index = new LiveIndex(store)) {
            index.watch(50);
            Searcher searcher = new Searcher(index);
            assertEquals(0, searcher.search(SearchRequest.of("barking")).total());
            TestCorpus.addCroup(corpus);
            reindex(corpus, store);
            // Generous: the watcher looks every 50 ms; the deadline only stops a broken watcher from hanging the build.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (searcher.search(SearchRequest.of("barking")).total() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, searcher.search(SearchRequest.of("barking")).total());
        }
    }

    /** A lexical reindex of the corpus, published as the store's next generation. */
    private static IndexStore reindex(Path corpus, IndexStore store) throws Exception {
        new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
        return store;
    }

    @Test
    void aNewGenerationIsWarmedBeforeItIsSwappedIn() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestCorpus.copyTree(TestCorpus.mini(), corpus);
        IndexStore store = TestCorpus.indexed(corpus, dir.resolve("index"));
        Path first = store.current().orElseThrow();
        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index);
            List<Path> warmed = new ArrayList<>();
            List<Path> liveWhileWarming = new ArrayList<>();
            index.onOpen(s -> {
                warmed.add(s.generation());
                liveWhileWarming.add(index.withSnapshot(IndexSnapshot::generation));
                searcher.warm(s);
            });
            new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
            assertTrue(index.refresh());
            Path second = store.current().orElseThrow();
            assertEquals(List.of(second), warmed, "the new generation is warmed");
            assertEquals(List.of(first), liveWhileWarming, "the old one serves while the new one warms");
            assertTrue(searcher.search(SearchRequest.of("asthma")).total() > 0);
        }
    }
}
