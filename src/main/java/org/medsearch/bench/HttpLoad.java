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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A closed-loop HTTP load generator: N virtual threads, each sending its next request as soon as the last
 * one answered, for a fixed time. The benchmark's HTTP rows and the slow tier's load and reindex-while-serving
 * tests all drive a server through it.
 */
public final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build(); // a hang guard: connecting on a busy machine can be slow
    private final String base;
    private final Duration requestTimeout;

    /** What connection {@code connection} sends as its request number {@code n}: a path and query, or null to stop. */
    @FunctionalInterface
    public interface Requests {
        String next(int connection, int n);
    }

    /** One answer: its status (0 when none came, and {@code failure} says why), body and round-trip time. */
    public record Answer(String path, int status, byte[] body, long nanos, Exception failure) {
        /** The body as text. */
        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A load on {@code base} ({@code http://host:port}) where a request may take 10 s. */
    public HttpLoad(String base) {
        this(base, Duration.ofSeconds(10));
    }

    /** A load on {@code base} where a request that takes longer than {@code requestTimeout} fails. */
    public HttpLoad(String base, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
    }

    /** The API path and query of a search request. */
    static String path(SearchRequest r) {
        StringBuilder s = new StringBuilder("/api/search?q=").append(URLEncoder.encode(r.query(), StandardCharsets.UTF_8));
        if (!r.kinds().isEmpty()) {
            s.append("&section=").append(r.kinds().stream().map(SectionKind::id).collect(Collectors.joining(",")));
        }
        return s.toString();
    }

    /** True when the server answers /health with 200 within a second. */
    boolean healthy() {
        try {
            var req = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(1)).build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs {@code connections} concurrent loops over the mix for warm-up then measured time; any status but 200 is an error. */
    Latencies run(QueryMix mix, int connections, Duration warmup, Duration measured) throws InterruptedException {
        return runPaths(paths(mix), connections, warmup, measured);
    }

    /** The API paths of a mix's requests, in its order. */
    static List<String> paths(QueryMix mix) {
        List<String> paths = new ArrayList<>();
        for (SearchRequest r : mix.requests()) {
            paths.add(path(r));
        }
        return paths;
    }

    /** Runs {@code connections} concurrent loops over these paths (e.g. {@code /health}) for warm-up then measured time. */
    Latencies runPaths(List<String> paths, int connections, Duration warmup, Duration measured) throws InterruptedException {
        loop(paths, connections, warmup, null);
        return loop(paths, connections, measured, new long[4_000_000]);
    }

    private Latencies loop(List<String> paths, int connections, Duration time, long[] nanos) throws InterruptedException {
        AtomicInteger slot = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        // Each connection starts at its own point of the mix, so they do not ask the same question together.
        drive(connections, time, (c, n) -> paths.get(Math.floorMod(c * 7919 + n, paths.size())), a -> {
            if (a.status() != 200) {
                errors.incrementAndGet();
            }
            int i = slot.getAndIncrement();
            if (nanos != null && i < nanos.length) {
                nanos[i] = a.nanos();
            }
        });
        long wall = System.nanoTime() - start;
        int n = nanos == null ? 0 : Math.min(slot.get(), nanos.length);
        return nanos == null ? null : Latencies.of(nanos, n, wall, errors.get());
    }

    /**
     * Runs {@code connections} loops at once, each on its own virtual thread, until {@code time} is up or its
     * {@link Requests} says stop; every answer (or failure) goes to {@code answers}, from the connection's thread.
     */
    public void drive(int connections, Duration time, Requests requests, Consumer<Answer> answers) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int connection = c;
                pool.submit(() -> {
                    String path;
                    for (int n = 0; System.nanoTime() < end && !Thread.currentThread().isInterrupted()
                            && (path = requests.next(connection, n)) != null; n++) {
                        answers.accept(send(path));
                    }
                });
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("load interrupted");
        }
    }

    private Answer send(String path) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(path, r.statusCode(), r.body(), System.nanoTime() - t0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(path, 0, null, System.nanoTime() - t0, e);
        } catch (Exception e) {
            return new Answer(path, 0, null, System.nanoTime() - t0, e);
        }
    }
}
