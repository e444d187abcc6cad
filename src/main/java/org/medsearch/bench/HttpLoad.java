package org.medsearch.bench;

import org.medsearch.ingest.SectionKind;
import org.medsearch.search.SearchRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A closed-loop HTTP load generator: N virtual threads, each sending its next request as soon as the last
 * one answered, for a fixed time. Any status but 200 or a failed connection counts as an error.
 */
final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpLoad(String base) {
        this.base = base;
    }

    /** The API URL of a search request. */
    URI uri(SearchRequest r) {
        StringBuilder s = new StringBuilder(base).append("/api/search?q=")
                .append(URLEncoder.encode(r.query(), StandardCharsets.UTF_8));
        if (!r.kinds().isEmpty()) {
            s.append("&section=").append(r.kinds().stream().map(SectionKind::id).collect(Collectors.joining(",")));
        }
        return URI.create(s.toString());
    }

    /** True when the server answers /health with 200. */
    boolean healthy() {
        try {
            var req = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(1)).build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    String base() {
        return base;
    }

    /** Runs {@code connections} concurrent loops over the mix for warm-up then measured time. */
    Latencies run(QueryMix mix, int connections, Duration warmup, Duration measured) throws InterruptedException {
        List<URI> uris = new ArrayList<>();
        for (SearchRequest r : mix.requests()) {
            uris.add(uri(r));
        }
        return runUris(uris, connections, warmup, measured);
    }

    /** Runs {@code connections} concurrent loops over these URIs for warm-up then measured time. */
    Latencies runUris(List<URI> uris, int connections, Duration warmup, Duration measured) throws InterruptedException {
        loop(uris, connections, warmup, null);
        return loop(uris, connections, measured, new long[4_000_000]);
    }

    private Latencies loop(List<URI> uris, int connections, Duration time, long[] nanos) throws InterruptedException {
        AtomicInteger slot = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + time.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int offset = c * 7919;
                pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        URI uri = uris.get(Math.floorMod(offset + n++, uris.size()));
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            var resp = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            ok = resp.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        int i = slot.getAndIncrement();
                        if (nanos != null && i < nanos.length) {
                            nanos[i] = took;
                        }
                    }
                });
            }
        }
        long wall = System.nanoTime() - start;
        int n = nanos == null ? 0 : Math.min(slot.get(), nanos.length);
        return nanos == null ? null : Latencies.of(nanos, n, wall, errors.get());
    }
}
