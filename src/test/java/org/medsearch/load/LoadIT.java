package org.medsearch.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.GeneratedCorpus;
import org.medsearch.TestCorpus;
import org.medsearch.bench.ChildJvm;
import org.medsearch.bench.HttpLoad;
import org.medsearch.web.QueryFuzzer;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load test: starts {@code medsearch serve} as its own process and drives it from many concurrent clients on
 * 127.0.0.1 with a mix of LiveQA questions, short queries, hostile queries and article views, while /health
 * is polled. Reports requests/s, latency percentiles, errors and the server's peak RSS.
 *
 * <p>The default run is short (5 s, 64 clients, a generated corpus) and part of the slow tier of tests. The long run
 * on MedQuAD: {@code ./medsearch it -Dit.test=LoadIT -Dload.seconds=60 -Dload.corpus=../shared/medquad/corpus}.
 * Options: {@code load.seconds}, {@code load.clients}, {@code load.corpus}, {@code load.heap} (server -Xmx),
 * {@code load.warmup} (unmeasured seconds first, default 2), {@code load.index} (an index folder to keep between runs).
 */
class LoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SHORT = {"asthma", "diabetes", "high blood pressure", "leg cramps", "cancer",
            "kidney disease", "headache", "flu symptoms", "heart attack", "pain", "rare disorder", "treatment",
            "causes of anemia", "glaucoma", "arthritis treatment", "stroke", "hepatitis b", "autism", "fever children"};
    private static final Set<String> SHORT_SET = Set.of(SHORT);

    /**
     * /health must answer within this even while every client is busy. A hang guard, not a speed bound (the
     * machine is shared): /health's real latency is reported as its maximum, and judged in the long run.
     */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void serverStaysUpAndErrorFreeUnderConcurrentMixedLoad() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 5);
        int clients = Integer.getInteger("load.clients", 64);
        String heap = System.getProperty("load.heap", "1g");
        Path corpus = corpus();
        List<String> questions = liveQaQuestions();

        // load.index keeps the index between runs (serve builds it on the first); by default it is temporary.
        Path index = Path.of(System.getProperty("load.index", dir.resolve("index").toString())).toAbsolutePath();
        try (ChildJvm server = ChildJvm.medsearch(dir.resolve("serve.log"), heap, "serve", "--index", index.toString(), "--corpus", corpus.toString(), "--port", "0")) {
            int port = server.awaitServingPort(Duration.ofMinutes(10));
            Load load = new Load(port, questions, articleIds(port));
            // A short unmeasured warm-up, so the figures are of a server whose code is compiled, not of the JIT.
            load.run(clients, Duration.ofSeconds(Integer.getInteger("load.warmup", 2)));
            Result r = load.run(clients, Duration.ofSeconds(seconds));
            String report = r.report(clients, seconds, corpus, questions.size()) + String.format(
                    "%nserver peak RSS   %,.0f MB (VmHWM, -Xmx%s)%n", server.peakRssMb(), heap);
            System.out.println(report);
            Files.writeString(Path.of("target", "load-report.txt"), report);

            assertEquals(0, r.serverErrors.sum(), "5xx responses: " + r.samples());
            assertEquals(0, r.connectionErrors.sum(), "connection errors: " + r.samples());
            assertEquals(0, r.healthFailures.get(), "/health failed: " + r.samples());
            assertTrue(r.requests.sum() > clients, "requests: " + r.requests.sum());
            assertTrue(server.process().isAlive(), "the server survived");
        }
    }

    /** {@code load.corpus} when given; else 1,000 generated articles plus the mini corpus. */
    private Path corpus() throws IOException {
        String given = System.getProperty("load.corpus");
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given).toAbsolutePath().normalize();
            assertTrue(Files.isDirectory(p), "load.corpus not found: " + p);
            return p;
        }
        Path c = GeneratedCorpus.write(dir.resolve("corpus"), 1_000);
        TestCorpus.copyTree(TestCorpus.mini(), c.resolve("mini"));
        return c;
    }

    /** The LiveQA questions when ../shared is there (the long form: a question as a person asks it). */
    private static List<String> liveQaQuestions() throws IOException {
        Path shared = TestCorpus.shared();
        Path tsv = shared == null ? null : shared.resolve("medquad/liveqa-dev-queries.tsv");
        if (tsv == null || !Files.exists(tsv)) {
            System.out.println("../shared not found: the load uses short and hostile queries only");
            return List.of("my child has leg cramps at night, could it be low calcium?",
                    "What are the symptoms of asthma and how is it treated?");
        }
        return Files.readAllLines(tsv).stream().map(l -> l.substring(l.indexOf('\t') + 1)).filter(l -> !l.isBlank()).toList();
    }

    /** Article ids to view, taken from the results of the short queries. */
    private static List<String> articleIds(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (String q : SHORT) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JSON.readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
        }
        assertTrue(!ids.isEmpty(), "no article to view");
        return ids;
    }

    /** The load: one connection per client through the benchmark's {@link HttpLoad}, and a /health probe beside it. */
    private static final class Load {
        private final List<String> questions;
        private final List<String> ids;
        private final HttpLoad http;
        /** The /health probe has its own client (own selector thread), apart from the 64 busy connections. */
        private final HttpLoad probe;

        Load(int port, List<String> questions, List<String> ids) {
            this.questions = questions;
            this.ids = ids;
            this.http = new HttpLoad("http://127.0.0.1:" + port, Duration.ofSeconds(30));
            this.probe = new HttpLoad("http://127.0.0.1:" + port, HEALTH_TIMEOUT);
        }

        Result run(int clients, Duration length) throws Exception {
            Result result = new Result();
            long started = System.nanoTime();
            Thread health = Thread.ofPlatform().name("health-probe").start(() -> health(length, result));
            http.drive(clients, length, (c, n) -> next(new Random(c * 1_000_003L + n)), a -> result.record(kind(a.path()), a));
            result.elapsedNanos = System.nanoTime() - started;
            health.join();
            return result;
        }

        /** The next request of a client: LiveQA questions, short queries, hostile queries and article views. */
        private String next(Random random) {
            int pick = random.nextInt(100);
            if (pick < 30) {
                return (random.nextBoolean() ? "/api/search?q=" : "/?q=") + enc(questions.get(random.nextInt(questions.size())));
            } else if (pick < 60) {
                return "/api/search?q=" + enc(SHORT[random.nextInt(SHORT.length)]) + (random.nextInt(4) == 0 ? "&page=2" : "");
            } else if (pick < 75) {
                return "/api/search?q=" + enc(QueryFuzzer.next(random));
            }
            String id = ids.get(random.nextInt(ids.size()));
            return (random.nextBoolean() ? "/api/articles/" : "/articles/") + id;
        }

        /** The kind of a request, for the report: an article view, or a search for a short, LiveQA or other query. */
        private String kind(String path) {
            if (path.contains("articles/")) {
                return "article";
            }
            String q = URLDecoder.decode(path.substring(path.indexOf("q=") + 2).replaceFirst("&page=2$", ""), StandardCharsets.UTF_8);
            return SHORT_SET.contains(q) ? "short" : questions.contains(q) ? "liveqa" : "hostile";
        }

        private void health(Duration length, Result result) {
            try {
                probe.drive(1, length, (c, n) -> n == 0 || pause() ? "/health" : null, a -> {
                    if (a.status() != 200) {
                        result.healthFailures.incrementAndGet();
                        result.sample("/health -> " + (a.failure() != null ? a.failure() : a.status()));
                    }
                    result.healthChecks.incrementAndGet();
                    result.healthMaxNanos = Math.max(result.healthMaxNanos, a.nanos());
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** A tenth of a second between /health checks; false when interrupted. */
        private static boolean pause() {
            try {
                Thread.sleep(100);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** Counters and latencies of a run. */
    private static final class Result {
        final LongAdder requests = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder clientErrors = new LongAdder();
        final LongAdder connectionErrors = new LongAdder();
        final AtomicInteger healthFailures = new AtomicInteger();
        final AtomicInteger healthChecks = new AtomicInteger();
        volatile long healthMaxNanos;
        long elapsedNanos;
        private final ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();
        private final List<String> samples = new CopyOnWriteArrayList<>();

        void record(String kind, HttpLoad.Answer a) {
            if (a.failure() != null) {
                connectionErrors.increment();
                sample(kind + " " + a.failure());
                return;
            }
            requests.increment();
            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(a.nanos());
            if (a.status() >= 500) {
                serverErrors.increment();
                sample(a.status() + " " + a.path().substring(0, Math.min(120, a.path().length())));
            } else if (a.status() >= 400) {
                clientErrors.increment();
            }
        }

        void sample(String s) {
            if (samples.size() < 10) {
                samples.add(s);
            }
        }

        List<String> samples() {
            return samples;
        }

        String report(int clients, int seconds, Path corpus, int questions) {
            long[] sorted = byKind.values().stream().flatMap(q -> q.stream()).mapToLong(Long::longValue).sorted().toArray();
            double secs = elapsedNanos / 1e9;
            StringBuilder kinds = new StringBuilder();
            byKind.forEach((kind, q) -> {
                long[] k = q.stream().mapToLong(Long::longValue).sorted().toArray();
                kinds.append(String.format("%n  %-8s %,7d requests  p50 %6.1f  p99 %7.1f ms", kind, k.length, ms(k, 0.5), ms(k, 0.99)));
            });
            return String.format("""
                    Load test: %d clients for %d s against %s (%d LiveQA questions)
                    requests          %,d%s
                    requests/s        %,.0f
                    latency ms        p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
                    5xx               %,d
                    4xx (expected)    %,d
                    connection errors %,d
                    /health checks    %,d, failed %d, slowest %.1f ms""",
                    clients, seconds, corpus, questions, requests.sum(), kinds, requests.sum() / secs,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0),
                    serverErrors.sum(), clientErrors.sum(), connectionErrors.sum(),
                    healthChecks.get(), healthFailures.get(), healthMaxNanos / 1e6);
        }

        private static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }
}
