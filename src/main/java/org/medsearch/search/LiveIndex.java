package org.medsearch.search;

import org.medsearch.index.IndexStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The index a server searches, swapped atomically when a reindex publishes a new generation. Like
 * Lucene's SearcherManager (which cannot switch folders): searches hold a reference on the snapshot
 * they started with, so the old reader closes only after its last in-flight search.
 */
public final class LiveIndex implements AutoCloseable {
    private final IndexStore store;
    private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
    private ScheduledExecutorService watcher;
    private volatile java.util.function.Consumer<IndexSnapshot> warmer = s -> { };

    /** Opens the live generation of an index folder; fails if no complete index exists there. */
    public LiveIndex(IndexStore store) throws IOException {
        this.store = store;
        Path gen = store.current().orElseThrow(() -> new IOException("no index in " + store.root()
                + "; run 'medsearch reindex' first"));
        current.set(IndexSnapshot.open(gen));
    }

    /** Runs a function on the current snapshot, holding it open for the duration. */
    public <T> T withSnapshot(Function<IndexSnapshot, T> work) {
        IndexSnapshot s = acquire();
        try {
            return work.apply(s);
        } finally {
            release(s);
        }
    }

    private IndexSnapshot acquire() {
        while (true) {
            IndexSnapshot s = current.get();
            if (s == null) {
                throw new IllegalStateException("index is closed");
            }
            if (s.tryIncRef()) {
                return s;
            }
        }
    }

    private static void release(IndexSnapshot s) {
        try {
            s.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Switches to a newly published generation, if there is one; returns true when it switched. */
    public synchronized boolean refresh() throws IOException {
        IndexSnapshot old = current.get();
        if (old == null) {
            return false;
        }
        Optional<Path> gen = store.current();
        if (gen.isEmpty() || gen.get().equals(old.generation())) {
            return false;
        }
        IndexSnapshot fresh = IndexSnapshot.open(gen.get());
        try {
            warmer.accept(fresh);
        } catch (RuntimeException e) {
            // A warm-up that fails only means a slower first search; the generation itself opened.
            System.err.println("medsearch: warming the new index generation failed: " + e.getMessage());
        }
        current.set(fresh);
        old.decRef();
        return true;
    }

    /**
     * Work run on each newly opened generation before it is swapped in (a few searches, so the first
     * users of a new index find its tables loaded and its code paths compiled).
     */
    public void onOpen(java.util.function.Consumer<IndexSnapshot> warmer) {
        this.warmer = warmer;
    }

    /** Checks for a new generation every {@code periodMillis} in the background. */
    public synchronized void watch(long periodMillis) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("index-watch").unstarted(r));
        watcher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (IOException | RuntimeException e) {
                // A generation that cannot be opened is skipped; the current one keeps serving.
                System.err.println("medsearch: could not open new index generation: " + e.getMessage());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        IndexSnapshot s = current.getAndSet(null);
        if (s != null) {
            s.decRef();
        }
    }
}
