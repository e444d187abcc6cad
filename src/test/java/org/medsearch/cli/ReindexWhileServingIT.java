package org.medsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.GeneratedCorpus;
import org.medsearch.TestCorpus;
import org.medsearch.bench.ChildJvm;
import org.medsearch.bench.HttpLoad;
import org.medsearch.index.IndexStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reindex while serving, with real processes: a {@code serve} process answers searches the whole time while
 * {@code reindex} processes are killed with SIGKILL at different moments, then one runs to the end and the
 * server switches to it. Nothing needs repair in between, and two reindexes at once never both write.
 */
class ReindexWhileServingIT {
    /** A hang guard, not a speed bound: on a busy 2-core machine a JVM start plus a reindex can take minutes. */
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void killedReindexesNeverDisturbTheServerAndTheNextOneSucceeds() throws Exception {
        Path corpus = GeneratedCorpus.write(dir.resolve("corpus"), 2_000);
        IndexStore store = TestCorpus.indexed(corpus, dir.resolve("index"));
        Path first = store.current().orElseThrow();

        try (ChildJvm server = ChildJvm.medsearch(dir.resolve("serve.log"), "512m", "serve", "--index", store.root().toString(),
                "--corpus", corpus.toString(), "--port", "0", "--watch-ms", "50");
             Clients clients = new Clients(server.awaitServingPort(LONG))) {

            List<String> outcomes = new ArrayList<>();
            outcomes.add(killDuring(store, corpus, "after 100 ms", afterMillis(100)));
            outcomes.add(killDuring(store, corpus, "after 500 ms", afterMillis(500)));
            outcomes.add(killDuring(store, corpus, "while writing segments", newGenerationHolds(store, f -> true)));
            outcomes.add(killDuring(store, corpus, "at the commit", newGenerationHolds(store,
                    f -> f.startsWith("pending_segments") || f.startsWith("segments_"))));
            System.out.println("kill-during-reindex: " + outcomes);
            assertEquals(first, store.current().orElseThrow(), "no killed reindex published anything: " + outcomes);
            assertTrue(clients.requests.get() > 0, "the clients got answers while reindexes were killed");

            // The next serve starts cleanly on the same folder, with nothing repaired by hand.
            try (ChildJvm second = ChildJvm.medsearch(dir.resolve("serve2.log"), "256m", "serve", "--index",
                    store.root().toString(), "--corpus", corpus.toString(), "--port", "0")) {
                assertEquals(200, Clients.get(second.awaitServingPort(LONG), "/health").statusCode());
            }

            // The next reindex runs to the end, removes the leftovers, and the running server switches to it.
            Files.writeString(corpus.resolve("croup.txt"), "Croup\n\nOverview\n\nCroup is a barking cough in young children.\n");
            ChildJvm reindex = ChildJvm.medsearch(dir.resolve("reindex-final.log"), "512m", "reindex", "--no-semantic",
                    "--index", store.root().toString(), "--corpus", corpus.toString());
            assertEquals(0, reindex.waitFor(LONG), reindex.output());
            assertTrue(reindex.output().contains("articles indexed  2,001"), reindex.output());
            Path live = store.current().orElseThrow();
            assertFalse(live.equals(first));
            assertEquals(List.of(first.getFileName().toString(), live.getFileName().toString()), generations(store),
                    "only the live generation and the one before it remain");
            assertFalse(Files.exists(store.root().resolve("CURRENT.tmp")));
            clients.awaitHit("barking", LONG);

            clients.stop();
            assertEquals(List.of(), clients.failures(), "failed or empty responses while reindexing: " + outcomes);
            assertTrue(clients.requests.get() > 50, "requests served: " + clients.requests.get());
        }
    }

    @Test
    void secondReindexStartedMeanwhileRefusesWithAClearMessage() throws Exception {
        Path corpus = GeneratedCorpus.write(dir.resolve("corpus"), 2_000);
        IndexStore store = new IndexStore(dir.resolve("index"));
        ChildJvm first = ChildJvm.medsearch(dir.resolve("first.log"), "512m", "reindex", "--index", store.root().toString(),
                "--corpus", corpus.toString(), "--threads", "1");
        awaitUntil(newGenerationHolds(store, f -> true), first);
        ChildJvm second = ChildJvm.medsearch(dir.resolve("second.log"), "256m", "reindex", "--index", store.root().toString(),
                "--corpus", corpus.toString());
        int secondExit = second.waitFor(LONG);
        boolean firstStillRan = first.process().isAlive();
        assertEquals(0, first.waitFor(LONG), first.output());
        if (firstStillRan) {
            assertEquals(1, secondExit, second.output());
            assertTrue(second.output().contains("another reindex is already writing"), second.output());
        }
        assertTrue(firstStillRan, "the first reindex finished before the second started; the race was not tested");
        assertTrue(store.exists());
        assertEquals(List.of("gen-000001"), generations(store));
    }

    /**
     * Starts a reindex, kills it at the moment {@code when} says, and checks the index folder is untouched.
     * Lexical (--no-semantic) here and in the final reindex: what is tested is the kill, and embedding 2,000 pages
     * is the work that made the run time out on a busy machine.
     */
    private static String killDuring(IndexStore store, Path corpus, String label, Moment when) throws Exception {
        Path before = store.current().orElseThrow();
        ChildJvm reindex = ChildJvm.medsearch(store.root().resolveSibling("reindex-" + label.replace(' ', '-') + ".log"),
                "512m", "reindex", "--no-semantic", "--index", store.root().toString(), "--corpus", corpus.toString());
        boolean reached = awaitUntil(when, reindex);
        boolean finished = !reindex.process().isAlive();
        reindex.kill();
        assertTrue(store.exists(), label + ": CURRENT must name a complete index");
        if (!finished) {
            assertEquals(before, store.current().orElseThrow(), label + ": a killed reindex must not publish");
        } else {
            assertEquals(0, reindex.process().exitValue(), reindex.output());
        }
        return label + (finished ? ": finished before the kill" : reached ? ": killed" : ": killed (moment not seen)");
    }

    private interface Moment {
        boolean reached() throws IOException;
    }

    private static Moment afterMillis(long millis) {
        long at = System.nanoTime() + millis * 1_000_000;
        return () -> System.nanoTime() >= at;
    }

    /** True once an unpublished generation folder holds a file the predicate accepts. */
    private static Moment newGenerationHolds(IndexStore store, Predicate<String> file) {
        return () -> {
            String live = store.current().map(p -> p.getFileName().toString()).orElse("");
            for (String gen : generations(store)) {
                if (gen.compareTo(live) > 0) {
                    try (Stream<Path> s = Files.list(store.root().resolve(gen))) {
                        if (s.anyMatch(p -> file.test(p.getFileName().toString()))) {
                            return true;
                        }
                    } catch (IOException e) {
                        // The folder went away between listing and reading: not yet.
                    }
                }
            }
            return false;
        };
    }

    /** Polls tightly until the moment comes or the process ends; true when the moment came. */
    private static boolean awaitUntil(Moment moment, ChildJvm process) throws Exception {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (System.nanoTime() < deadline) {
            if (moment.reached()) {
                return true;
            }
            if (!process.process().isAlive()) {
                return false;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static List<String> generations(IndexStore store) throws IOException {
        if (!Files.isDirectory(store.root())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store.root())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).sorted().toList();
        }
    }

    /** Four clients searching and checking health in a loop (the benchmark's {@link HttpLoad}); every failed or empty answer is recorded. */
    private static final class Clients implements AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String[] PATHS = {"/api/search?q=rare+disorder+kidney", "/api/search?q=rare+disorder+liver",
                "/api/search?q=rare+disorder+heart", "/health"};
        final AtomicInteger requests = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread driver;
        private final int port;

        Clients(int port) {
            this.port = port;
            // A hang guard, not a speed bound: a search on a busy machine may take seconds.
            HttpLoad load = new HttpLoad("http://127.0.0.1:" + port, Duration.ofSeconds(60));
            // Bounded in time too: the clients stop by themselves even if the test never stops them.
            driver = Thread.ofPlatform().daemon().start(() -> {
                try {
                    load.drive(PATHS.length, Duration.ofMinutes(30), this::next, this::check);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        private String next(int connection, int n) {
            try {
                if (n > 0) {
                    Thread.sleep(5); // steady traffic, leaving the reindexes CPU on a 2-core machine
                }
            } catch (InterruptedException e) {
                return null;
            }
            return stop.get() ? null : PATHS[connection];
        }

        private void check(HttpLoad.Answer a) {
            if (a.failure() != null) {
                failures.add(a.path() + " -> " + a.failure());
                return;
            }
            try {
                if (a.status() != 200) {
                    failures.add(a.path() + " -> " + a.status());
                } else if (a.path().startsWith("/api/search") && JSON.readTree(a.body()).get("total").asInt() == 0) {
                    failures.add(a.path() + " -> empty");
                }
            } catch (IOException e) {
                failures.add(a.path() + " -> " + e);
            }
            requests.incrementAndGet();
        }

        static HttpResponse<String> get(int port, String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void awaitHit(String q, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (JSON.readTree(get(port, "/api/search?q=" + q).body()).get("total").asInt() == 0) {
                assertTrue(System.nanoTime() < deadline, "the server did not switch to the new index");
                Thread.sleep(50);
            }
        }

        List<String> failures() {
            return failures.stream().limit(10).toList();
        }

        void stop() throws InterruptedException {
            stop.set(true);
            driver.join(60_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
