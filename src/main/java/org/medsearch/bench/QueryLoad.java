package org.medsearch.bench;

import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process search latency: the API's own call ({@link Searcher#search}, highlighting included) on N threads. */
final class QueryLoad {
    private QueryLoad() {
    }

    /**
     * Runs the mix {@code warmup} times through (not measured), then {@code calls} measured searches spread
     * over {@code threads} threads, each thread starting at a different point of the mix.
     */
    static Latencies run(Searcher searcher, QueryMix mix, int threads, int warmupRounds, int calls) throws InterruptedException {
        List<SearchRequest> requests = mix.requests();
        for (int r = 0; r < warmupRounds; r++) {
            for (SearchRequest q : requests) {
                searcher.search(q);
            }
        }
        long[] nanos = new long[calls];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().name("bench-query-" + t).start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < calls) {
                    SearchRequest q = requests.get(i % requests.size());
                    long t0 = System.nanoTime();
                    try {
                        searcher.search(q);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        return Latencies.of(nanos, calls, System.nanoTime() - start, errors.get());
    }
}
