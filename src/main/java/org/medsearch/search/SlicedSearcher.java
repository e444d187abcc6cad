package org.medsearch.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The searcher one search runs on: over a large index it spreads the search over the cores, its documents cut
 * into slices of at least {@link #MIN_DOCS_PER_SLICE} (a segment split into partitions when it holds more, as a
 * semantic index is one segment), run on a small shared pool while the searching thread takes its own share.
 * Over a smaller index there is one slice, searched by the calling thread alone, and so is every search that starts
 * while others run: on a busy server each core already has a search, and slicing only added work (at x50 with two
 * searching threads, p50 +17% and the section-scoped mix's throughput -14%, README: 'Search speed, ninth round').
 */
final class SlicedSearcher extends IndexSearcher {
    /** System property: how many cores one search may use (1: each search on its own thread only). */
    static final String THREADS_PROPERTY = "medsearch.searchThreads";
    /**
     * Fewer documents than this are searched by one thread: handing a slice to another thread costs tens of
     * microseconds, and a slice this size takes milliseconds to score (README: 'Search speed, ninth round').
     */
    static final int MIN_DOCS_PER_SLICE = 100_000;
    private static final int THREADS = Math.max(1, Integer.getInteger(THREADS_PROPERTY,
            Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = THREADS > 1 ? pool(THREADS - 1) : null;

    /** Searches running now ({@link #running}), this one included. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private final int parallelism;

    private SlicedSearcher(IndexReader reader, int parallelism, Executor executor) {
        super(reader, executor);
        this.parallelism = parallelism;
    }

    /** A search running until the handle is closed; a searcher made meanwhile slices only for the idle cores. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks one search as running (see {@link #over}). */
    static Running running() {
        RUNNING.incrementAndGet();
        return RUNNING::decrementAndGet;
    }

    /**
     * A searcher over {@code reader}: sliced when it is large enough to gain from more than one thread and a core is
     * idle, for this search's own core and the idle ones.
     */
    static IndexSearcher over(IndexReader reader) {
        int cores = THREADS - Math.max(1, RUNNING.get()) + 1;
        int slices = slicesFor(reader.maxDoc(), cores);
        return slices > 1 ? sliced(reader, slices, POOL) : new IndexSearcher(reader);
    }

    /** A searcher over {@code reader} cut into {@code slices} slices of about equal size, run on {@code executor}. */
    static IndexSearcher sliced(IndexReader reader, int slices, Executor executor) {
        return new SlicedSearcher(reader, slices, executor);
    }

    /** How many slices a search of {@code docs} documents is cut into with {@code threads} cores. */
    static int slicesFor(int docs, int threads) {
        return Math.max(1, Math.min(threads, docs / MIN_DOCS_PER_SLICE));
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
        return slices(leaves, Math.ceilDiv(docs, parallelism), Integer.MAX_VALUE, true);
    }

    /**
     * Daemon threads, so a pool never keeps a JVM alive; the queue is unbounded, but a search that finds the
     * pool busy runs its own slices (Lucene's task executor takes the queued ones back), so it never waits.
     */
    private static ExecutorService pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "search-slice-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
