package org.medsearch.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.bench.ChildJvm;
import org.medsearch.GeneratedCorpus;
import org.medsearch.TestCorpus;
import org.medsearch.web.QueryFuzzer;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>Hostile mode ({@code -Dload.hostile=true}): {@code load.hostileClients} (16) clients send long hostile
 * queries (6-10 kB of question words, junk, quotes, exclusions and syntax) from {@code load.hostileAddresses}
 * (1) addresses, while {@code load.ordinaryClients} (4) clients, each from its own address, send LiveQA
 * questions and short queries with {@code load.thinkMs} (200) ms between them, as a person reading the
 * results would. Every client names its address in {@code X-Forwarded-For}, the server trusting 127.0.0.1
 * as its proxy. Targets (printed, asserted only with {@code -Dload.assertTargets=true}): ordinary searches
 * p99 <= 150 ms with no error, hostile ones answered or 429, never 5xx, /health under 50 ms.
 */
class LoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SHORT = {"asthma", "diabetes", "high blood pressure", "leg cramps", "cancer",
            "kidney disease", "headache", "flu symptoms", "heart attack", "pain", "rare disorder", "treatment",
            "causes of anemia", "glaucoma", "arthritis treatment", "stroke", "hepatitis b", "autism", "fever children"};

    /** A hang guard for /health, not a speed bound (the machine is shared): its real latency is reported as its maximum. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void serverStaysUpAndErrorFreeUnderConcurrentMixedLoad() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 5);
        boolean hostile = Boolean.getBoolean("load.hostile");
        int clients = hostile ? Integer.getInteger("load.hostileClients", 16) + Integer.getInteger("load.ordinaryClients", 4)
                : Integer.getInteger("load.clients", 64);
        String heap = System.getProperty("load.heap", "1g");
        Path corpus = corpus();
        List<String> questions = liveQaQuestions();

        // load.index keeps the index between runs (serve builds it on the first); by default it is temporary.
        Path index = Path.of(System.getProperty("load.index", dir.resolve("index").toString())).toAbsolutePath();
        try (ChildJvm server = ChildJvm.medsearch(dir.resolve("serve.log"), heap, "serve", "--index", index.toString(),
                "--corpus", corpus.toString(), "--port", "0", "--trusted-proxy", "127.0.0.1")) {
            int port = server.awaitServingPort(Duration.ofMinutes(10));
            Load load = new Load(port, questions, articleIds(port), hostile);
            // A short unmeasured warm-up, so the figures are of a server whose code is compiled, not of the JIT.
            load.run(clients, Duration.ofSeconds(Integer.getInteger("load.warmup", 2)));
            Result r = load.run(clients, Duration.ofSeconds(seconds));
            String report = r.report(clients, seconds, corpus, questions.size()) + String.format(
                    "%nserver peak RSS   %,.0f MB (VmHWM, -Xmx%s)%n", server.peakRssMb(), heap) + (hostile ? r.targets() : "");
            System.out.println(report);
            Files.writeString(Path.of("target", "load-report.txt"), report);

            assertEquals(0, r.serverErrors.sum(), "5xx responses: " + r.samples());
            assertEquals(0, r.connectionErrors.sum(), "connection errors: " + r.samples());
            assertEquals(0, r.healthFailures.get(), "/health failed: " + r.samples());
            assertTrue(r.requests.sum() > clients, "requests: " + r.requests.sum());
            assertTrue(server.process().isAlive(), "the server survived");
            if (hostile) {
                assertEquals(0, r.ordinaryErrors.sum(), "ordinary searches that failed: " + r.samples());
                if (Boolean.getBoolean("load.assertTargets")) {
                    assertTrue(r.targetsMet(), r.targets());
                }
            }
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

    /** The load generator: one virtual thread per client, each sending its next request as soon as the last returns. */
    private static final class Load {
        private final int port;
        private final List<String> questions;
        private final List<String> ids;
        private final boolean hostile;
        private final HttpClient http;
        /** The /health probe has its own client (own selector thread), apart from the 64 busy connections. */
        private final HttpClient probeHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Load(int port, List<String> questions, List<String> ids, boolean hostile) {
            this.port = port;
            this.questions = questions;
            this.ids = ids;
            this.hostile = hostile;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        }

        Result run(int clients, Duration length) throws Exception {
            Result result = new Result();
            AtomicBoolean stop = new AtomicBoolean();
            long end = System.nanoTime() + length.toNanos();
            long started = System.nanoTime();
            Thread probe = Thread.ofPlatform().name("health-probe").start(() -> health(end, stop, result));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                int hostileClients = hostile ? Integer.getInteger("load.hostileClients", 16) : 0;
                int addresses = Math.max(1, Integer.getInteger("load.hostileAddresses", 1));
                for (int c = 0; c < clients; c++) {
                    long seed = c;
                    if (c < hostileClients) {
                        String address = "10.66.0." + (1 + c % addresses);
                        pool.submit(() -> hostileClient(new Random(seed), address, end, stop, result));
                    } else if (hostile) {
                        String address = "10.1.0." + (1 + c);
                        pool.submit(() -> ordinaryClient(new Random(seed), address, end, stop, result));
                    } else {
                        String address = "10.0." + (c / 250) + "." + (1 + c % 250);
                        pool.submit(() -> client(new Random(seed), address, end, stop, result));
                    }
                }
            }
            result.elapsedNanos = System.nanoTime() - started;
            probe.join();
            return result;
        }

        /** Long hostile queries, one after another, as fast as they are answered (or refused). */
        private void hostileClient(Random random, String address, long end, AtomicBoolean stop, Result result) {
            for (int i = 0; i < 1_000_000 && System.nanoTime() < end && !stop.get(); i++) {
                send("hostile", "/api/search?q=" + enc(longHostile(random)), address, result);
            }
        }

        /** A person: a LiveQA question or a short query, the results read for a moment, the next search. */
        private void ordinaryClient(Random random, String address, long end, AtomicBoolean stop, Result result) {
            long think = Long.getLong("load.thinkMs", 200);
            for (int i = 0; i < 1_000_000 && System.nanoTime() < end && !stop.get(); i++) {
                String q = random.nextBoolean() ? questions.get(random.nextInt(questions.size())) : SHORT[random.nextInt(SHORT.length)];
                send("ordinary", (random.nextInt(4) == 0 ? "/?q=" : "/api/search?q=") + enc(q), address, result);
                try {
                    Thread.sleep(random.nextLong(think / 2, think * 3 / 2 + 1));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** 6-10 kB of question words, made-up words, quotes, exclusions and query syntax. */
        private String longHostile(Random random) {
            StringBuilder q = new StringBuilder();
            int length = 6_000 + random.nextInt(4_000);
            while (q.length() < length) {
                switch (random.nextInt(6)) {
                    case 0 -> q.append(questions.get(random.nextInt(questions.size())));
                    case 1 -> q.append('"').append(SHORT[random.nextInt(SHORT.length)]).append(" zz").append(random.nextInt(1000)).append('"');
                    case 2 -> q.append('-').append(SHORT[random.nextInt(SHORT.length)].split(" ")[0]);
                    case 3 -> {
                        for (int w = 0; w < 20; w++) {
                            for (int k = 0, n = 5 + random.nextInt(10); k < n; k++) {
                                q.append((char) ('a' + random.nextInt(26)));
                            }
                            q.append(' ');
                        }
                    }
                    case 4 -> {
                        String f = QueryFuzzer.next(random);
                        q.append(f, 0, Math.min(f.length(), 600));
                    }
                    default -> q.append("x".repeat(50 + random.nextInt(2_000)));
                }
                q.append(' ');
            }
            return q.substring(0, Math.min(q.length(), 10_000));
        }

        private void client(Random random, String address, long end, AtomicBoolean stop, Result result) {
            // Bounded in time and in count: a load test must stop by itself.
            for (int i = 0; i < 1_000_000 && System.nanoTime() < end && !stop.get(); i++) {
                String kind;
                String path;
                int pick = random.nextInt(100);
                if (pick < 30) {
                    kind = "liveqa";
                    path = (random.nextBoolean() ? "/api/search?q=" : "/?q=") + enc(questions.get(random.nextInt(questions.size())));
                } else if (pick < 60) {
                    kind = "short";
                    path = "/api/search?q=" + enc(SHORT[random.nextInt(SHORT.length)]) + (random.nextInt(4) == 0 ? "&page=2" : "");
                } else if (pick < 75) {
                    kind = "hostile";
                    path = "/api/search?q=" + enc(QueryFuzzer.next(random));
                } else {
                    kind = "article";
                    String id = ids.get(random.nextInt(ids.size()));
                    path = (random.nextBoolean() ? "/api/articles/" : "/articles/") + id;
                }
                send(kind, path, address, result);
            }
        }

        private void send(String kind, String path, String address, Result result) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                result.record(kind, r.statusCode(), System.nanoTime() - t0, path);
            } catch (IOException e) {
                result.connectionErrors.increment();
                result.sample(kind + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void health(long end, AtomicBoolean stop, Result result) {
            while (System.nanoTime() < end && !stop.get()) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<Void> r = probeHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(HEALTH_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        result.healthFailures.incrementAndGet();
                        result.sample("/health -> " + r.statusCode());
                    }
                } catch (IOException e) {
                    result.healthFailures.incrementAndGet();
                    result.sample("/health " + e);
                } catch (InterruptedException e) {
                    return;
                }
                result.healthChecks.incrementAndGet();
                result.healthMaxNanos = Math.max(result.healthMaxNanos, System.nanoTime() - t0);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
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
        final LongAdder ordinaryErrors = new LongAdder();
        final LongAdder refused = new LongAdder();
        final AtomicInteger healthFailures = new AtomicInteger();
        final AtomicInteger healthChecks = new AtomicInteger();
        volatile long healthMaxNanos;
        long elapsedNanos;
        private final ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();
        private final List<String> samples = new CopyOnWriteArrayList<>();

        void record(String kind, int status, long nanos, String path) {
            requests.increment();
            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
            if ("ordinary".equals(kind) && status != 200) {
                ordinaryErrors.increment();
                sample("ordinary " + status + " " + path.substring(0, Math.min(120, path.length())));
            }
            if (status == 429) {
                refused.increment();
            }
            if (status >= 500) {
                serverErrors.increment();
                sample(status + " " + path.substring(0, Math.min(120, path.length())));
            } else if (status >= 400) {
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

        /** The hostile-mode targets, each with its figure. */
        String targets() {
            double p99 = ms(sorted("ordinary"), 0.99);
            double health = healthMaxNanos / 1e6;
            return String.format("%nhostile mode: %,d hostile requests (%,d refused with 429), %,d ordinary%n"
                    + "  ordinary p99 %.1f ms (target <= 150): %s; ordinary errors %d (target 0)%n"
                    + "  5xx %d (target 0); /health slowest %.1f ms (target < 50): %s%n",
                    sorted("hostile").length, refused.sum(), sorted("ordinary").length, p99, p99 <= 150 ? "met" : "missed",
                    ordinaryErrors.sum(), serverErrors.sum(), health, health < 50 ? "met" : "missed");
        }

        boolean targetsMet() {
            return ms(sorted("ordinary"), 0.99) <= 150 && ordinaryErrors.sum() == 0 && serverErrors.sum() == 0
                    && healthMaxNanos / 1e6 < 50;
        }

        private long[] sorted(String kind) {
            ConcurrentLinkedQueue<Long> q = byKind.get(kind);
            return q == null ? new long[0] : q.stream().mapToLong(Long::longValue).sorted().toArray();
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
