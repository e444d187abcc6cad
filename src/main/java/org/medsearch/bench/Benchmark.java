package org.medsearch.bench;

import org.medsearch.bench.BenchSettings.Step;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.Searcher;
import org.medsearch.search.SemanticRanker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole benchmark: reindex and parse-only passes in child JVMs, in-process query latency, HTTP load
 * against a child {@code serve}, the same on replicated corpora, and the server's memory.
 */
public final class Benchmark {
    /** The launcher's default heap: reindex and serve are measured as users run them. */
    static final String DEFAULT_HEAP = "1g";
    /** Heaps tried, largest first, for the smallest one at which the x10 corpus still serves. */
    private static final List<String> HEAPS = List.of("512m", "256m", "128m", "96m", "64m", "48m", "32m", "24m", "16m");

    private final BenchSettings settings;
    private final PrintStream log;
    private final BenchTable table = new BenchTable();
    /** One-thread in-process p50 by corpus name, then mix name: what the growth ratios compare. */
    private final Map<String, Map<String, Double>> p50s = new java.util.LinkedHashMap<>();

    public Benchmark(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Runs everything and returns the table in Markdown, headed by the machine it ran on. */
    public String run() throws IOException, InterruptedException {
        String machine = Machine.describe();
        Files.createDirectories(settings.work());
        for (int factor : settings.growth()) {
            Path corpus = factor == 1 ? settings.corpus()
                    : ReplicatedCorpus.of(settings.corpus(), settings.work().resolve("corpus-x" + factor), factor);
            String name = "x" + factor;
            Path index = factor == 1 && settings.index() != null ? settings.index() : settings.work().resolve("index-" + name);
            if (settings.runs(Step.REINDEX)) {
                reindex(corpus, index, name);
            }
            if (factor == 1 && settings.runs(Step.PARSE)) {
                parseOnly(corpus, name);
            }
            if (settings.runs(Step.EMBED)) {
                embed(corpus, index, name);
            }
            if (settings.runs(Step.SEARCH) || settings.runs(Step.HTTP) || factor == 10 && settings.runs(Step.HEAP)) {
                // Searched as built above, or an index built before (--index, or this work folder's).
                new IndexStore(index).current().orElseThrow(() -> new IOException("no index to search in " + index
                        + ": run the reindex steps or give --index"));
            }
            if (settings.runs(Step.SEARCH)) {
                queries(index, name);
            }
            if (factor == 1 && settings.runs(Step.HTTP)) {
                http(index, name);
            }
            if (factor == 10 && !settings.quick() && settings.runs(Step.HEAP)) {
                smallestHeap(index, name);
            }
        }
        growthRatios();
        return "Machine: " + machine + "\n\n" + table.toMarkdown();
    }

    private void reindex(Path corpus, Path index, String name) throws IOException {
        table.printNewRows(log);
        long[] size = ReplicatedCorpus.size(corpus);
        List<ChildJvm.Result> runs = new ArrayList<>();
        List<ChildJvm.Result> anserini = new ArrayList<>();
        boolean vs = settings.vsAnserini() && name.equals("x1");
        Path json = settings.work().resolve("anserini-json-" + name);
        Path anseriniIndex = settings.work().resolve("anserini-index-" + name);
        if (vs) {
            IndexStore.deleteTree(json);
            log.printf("writing %,d articles as Anserini JSON%n", AnseriniRun.writeJson(corpus, json));
        }
        int repeat = repeats(name);
        for (int r = 0; r < repeat; r++) {
            IndexStore.deleteTree(index);
            log.printf("reindex %s (%,d pages) run %d/%d, load %.2f%n", name, size[0], r + 1, repeat, Machine.loadAverage());
            runs.add(ChildJvm.run(DEFAULT_HEAP, settings.work().resolve("logs/reindex-" + name + ".log"),
                    "reindex", "--no-semantic", "--corpus", corpus.toString(), "--index", index.toString(),
                    "--threads", Integer.toString(settings.threads())));
            if (vs) {
                // Interleaved with ours, so both see the same machine.
                log.printf("Anserini IndexCollection %s run %d/%d, load %.2f%n", name, r + 1, settings.repeat(), Machine.loadAverage());
                anserini.add(AnseriniRun.index(json, anseriniIndex, settings.threads(), settings.work().resolve("logs/anserini-" + name + ".log")));
            }
        }
        ChildJvm.Result m = median(runs);
        double indexMb = folderBytes(new IndexStore(index).current().orElseThrow()) / 1e6;
        passRow("reindex, lexical", name, size, m, repeat).set(10, indexMb, indexMb < 10 ? "%.2f" : "%.0f");
        // Again on the same index folder: every page unchanged, so its cleaned article comes from the cache.
        // Reported as its own row, never as the reindex figure above (each of those started with no index folder).
        List<ChildJvm.Result> warm = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            log.printf("reindex %s, unchanged corpus, run %d/%d, load %.2f%n", name, r + 1, repeat, Machine.loadAverage());
            warm.add(ChildJvm.run(DEFAULT_HEAP, settings.work().resolve("logs/reindex-cached-" + name + ".log"),
                    "reindex", "--no-semantic", "--corpus", corpus.toString(), "--index", index.toString(),
                    "--threads", Integer.toString(settings.threads())));
        }
        passRow("reindex, lexical, unchanged corpus (cleaned-article cache)", name, size, median(warm), repeat);
        if (vs) {
            ChildJvm.Result a = median(anserini);
            double anseriniMb = folderBytes(anseriniIndex) / 1e6;
            passRow("Anserini 1.5.0 IndexCollection, same articles as JSON", name, size, a, repeat).set(10, anseriniMb, "%.0f");
            table.row(String.format(java.util.Locale.ROOT, "reindex, lexical / Anserini wall time: %.2f", m.seconds() / a.seconds()), name);
        }
    }

    /**
     * The semantic reindex, as {@code reindex} runs by default: once with an empty embedding cache (every
     * section embedded), then again on the unchanged corpus (nothing embedded). The searches that follow
     * run on this index, so they measure the semantic blend. A replicated corpus repeats x1's texts, so it
     * starts from x1's embedding cache when there is one and runs once: what it measures is the index, not
     * the model embedding the same 17,841 passages again.
     */
    private void embed(Path corpus, Path index, String name) throws IOException {
        table.printNewRows(log);
        long[] size = ReplicatedCorpus.size(corpus);
        IndexStore.deleteTree(index);
        List<String> passes = List.of("first, empty embedding cache", "unchanged corpus, cache");
        if (!name.equals("x1")) {
            Path x1Cache = settings.work().resolve("index-x1").resolve(IndexWriterJob.EMBEDDING_CACHE);
            boolean seeded = Files.isRegularFile(x1Cache);
            if (seeded) {
                Files.createDirectories(index);
                Files.copy(x1Cache, index.resolve(IndexWriterJob.EMBEDDING_CACHE));
            }
            passes = List.of(seeded ? "replicated texts, embedding cache from x1"
                    : "first, empty embedding cache (each distinct text embedded once)");
        }
        for (String pass : passes) {
            log.printf("reindex with embeddings %s (%s), load %.2f%n", name, pass, Machine.loadAverage());
            ChildJvm.Result r = ChildJvm.run(DEFAULT_HEAP, settings.work().resolve("logs/embed-" + name + ".log"),
                    "reindex", "--corpus", corpus.toString(), "--index", index.toString(),
                    "--threads", Integer.toString(settings.threads()));
            double indexMb = folderBytes(new IndexStore(index).current().orElseThrow()) / 1e6;
            table.row("reindex with embeddings, " + pass, name)
                    .set(2, Integer.toString(settings.threads()))
                    .set(3, r.seconds(), "%.2f")
                    .set(4, size[0] / r.seconds(), "%,.0f pages")
                    .set(5, size[1] / 1e6 / r.seconds(), "%.1f")
                    .set(9, r.peakRssMb(), "%.0f")
                    .set(10, indexMb, indexMb < 10 ? "%.2f" : "%.0f");
        }
    }

    /** For each replicated corpus, its one-thread search p50 as a multiple of x1's, per mix (the growth target). */
    private void growthRatios() {
        Map<String, Double> x1 = p50s.get("x1");
        if (x1 == null) {
            return;
        }
        p50s.forEach((name, mixes) -> {
            if (!name.equals("x1")) {
                List<String> ratios = new ArrayList<>();
                mixes.forEach((mix, p50) -> {
                    if (x1.containsKey(mix)) {
                        ratios.add(String.format(java.util.Locale.ROOT, "%s %.2f", mix, p50 / x1.get(mix)));
                    }
                });
                table.row("search p50 " + name + " / x1, 1 thread: " + String.join(", ", ratios), name);
            }
        });
    }

    private void parseOnly(Path corpus, String name) throws IOException {
        long[] size = ReplicatedCorpus.size(corpus);
        List<ChildJvm.Result> runs = new ArrayList<>();
        for (int r = 0; r < settings.repeat(); r++) {
            log.printf("parse-only %s run %d/%d, load %.2f%n", name, r + 1, settings.repeat(), Machine.loadAverage());
            runs.add(ChildJvm.runMain(DEFAULT_HEAP, settings.work().resolve("logs/parse-" + name + ".log"),
                    ParseOnlyPass.class.getName(), corpus.toString(), Integer.toString(settings.threads())));
        }
        passRow("parse-only (no index)", name, size, median(runs), settings.repeat());
    }

    /**
     * Runs of the lexical reindex for a corpus: {@code --repeat} on x1 (the Anserini comparison), one on a
     * replicated corpus, where a single run takes minutes and the JIT's share, the main noise, is small.
     */
    private int repeats(String name) {
        return name.equals("x1") ? settings.repeat() : 1;
    }

    private BenchTable.Row passRow(String measure, String name, long[] size, ChildJvm.Result m, int repeat) {
        return table.row(measure + (repeat > 1 ? ", median of " + repeat : ""), name)
                .set(2, Integer.toString(settings.threads()))
                .set(3, m.seconds(), "%.2f")
                .set(4, size[0] / m.seconds(), "%,.0f pages")
                .set(5, size[1] / 1e6 / m.seconds(), "%.1f")
                .set(9, m.peakRssMb(), "%.0f");
    }

    private static ChildJvm.Result median(List<ChildJvm.Result> runs) {
        List<ChildJvm.Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(ChildJvm.Result::seconds));
        double[] rss = runs.stream().mapToDouble(ChildJvm.Result::peakRssMb).sorted().toArray();
        return new ChildJvm.Result(sorted.get(sorted.size() / 2).seconds(), rss[rss.length / 2]);
    }

    private List<QueryMix> mixes(Path index) throws IOException {
        return QueryMix.all(settings.queries(), index);
    }

    private void queries(Path index, String name) throws IOException, InterruptedException {
        try (LiveIndex live = new LiveIndex(new IndexStore(index))) {
            // As serve runs it (semantic blend on when the index holds vectors), but without the result
            // cache: the mixes repeat, and every measured call should do a whole search.
            Searcher served = SemanticRanker.searcher(live, RankingConfig.defaults());
            Searcher searcher = served.withoutResultCache();
            List<QueryMix> mixes = mixes(index);
            for (QueryMix mix : mixes) {
                for (int threads : List.of(1, 2)) {
                    table.printNewRows(log);
                    log.printf("queries %s %s, %d thread(s), load %.2f%n", name, mix.name(), threads, Machine.loadAverage());
                    Latencies l = QueryLoad.run(searcher, mix, threads, threads == 1 ? settings.warmupRounds() : 1,
                            settings.calls(mix.requests().size()));
                    table.row("search in process: " + mix.name() + " (" + mix.requests().size() + " queries)", name)
                            .set(2, Integer.toString(threads)).latencies(l);
                    if (threads == 1) {
                        p50s.computeIfAbsent(name, k -> new java.util.LinkedHashMap<>()).put(mix.name(), l.p50Ms());
                    }
                }
            }
            QueryMix first = mixes.getFirst();
            if (first.name().equals("liveqa")) {
                // Every question embedded again: what a question never asked before costs.
                table.printNewRows(log);
                log.printf("queries %s %s, embedding not cached, load %.2f%n", name, first.name(), Machine.loadAverage());
                Latencies l = QueryLoad.run(served.uncached(), first, 1, 1, first.requests().size() * (settings.quick() ? 1 : 2));
                table.row("search in process: " + first.name() + ", query embedding not cached", name)
                        .set(2, "1").latencies(l);
            }
            QueryMix keywords = mixes.stream().filter(m -> m.name().equals("keywords")).findFirst().orElse(first);
            table.printNewRows(log);
            Latencies cached = QueryLoad.run(served, keywords, 1, 1, settings.calls(keywords.requests().size()));
            table.row("search in process: " + keywords.name() + " repeated, result cache on", name)
                    .set(2, "1").latencies(cached);
        }
    }

    private void http(Path index, String name) throws IOException, InterruptedException {
        int port = freePort();
        HttpLoad load = new HttpLoad("http://127.0.0.1:" + port);
        try (ChildJvm server = ChildJvm.start(DEFAULT_HEAP, settings.work().resolve("logs/serve-" + name + ".log"),
                "org.medsearch.cli.Main", serveArgs(index, port))) {
            double startup = awaitHealthy(server, load, Duration.ofSeconds(60));
            table.row("serve: start to first /health 200", name).set(3, startup, "%.2f");
            Thread.sleep(1000);
            table.row("serve: RSS idle", name).set(9, server.rssMb(), "%.0f");
            Map<Integer, Latencies> health = new HashMap<>();
            for (int c : settings.connections()) {
                // The HTTP stack alone, in the same run: what each search figure is compared with.
                Latencies l = load.runPaths(List.of("/health"), c, settings.httpWarmup(), settings.httpMeasured());
                health.put(c, l);
                table.row("HTTP /health", name).set(2, Integer.toString(c)).latencies(l);
            }
            for (QueryMix mix : mixes(index)) {
                for (int c : settings.connections()) {
                    table.printNewRows(log);
                    log.printf("http %s %s, %d connection(s), load %.2f%n", name, mix.name(), c, Machine.loadAverage());
                    Latencies l = load.run(mix, c, settings.httpWarmup(), settings.httpMeasured());
                    table.row("HTTP /api/search: " + mix.name() + " (repeats served from the result cache)", name)
                            .set(2, Integer.toString(c)).latencies(l).set(13, l.perSecond() / health.get(c).perSecond(), "%.3f");
                }
            }
            wrkRows("http://127.0.0.1:" + port, index, name, " (repeats served from the result cache)", "");
            table.row("serve: RSS under load (peak)", name).set(9, server.peakRssMb(), "%.0f");
        }
        httpUncached(index, name);
    }

    /**
     * The same figures at 8 connections from wrk when it is on the PATH ({@link WrkLoad}): the JDK client takes
     * about as much of the two cores as the server, so its rows understate what the server can do.
     */
    private void wrkRows(String base, Path index, String name, String served, String health) throws IOException, InterruptedException {
        Optional<WrkLoad> wrk = WrkLoad.find(base, settings.work().resolve("wrk"));
        if (wrk.isEmpty()) {
            log.println("wrk is not on the PATH: no wrk rows (Debian: apt-get install wrk)");
            return;
        }
        int c = 8;
        Latencies h = wrk.get().run(List.of("/health"), c, settings.httpWarmup(), settings.httpMeasured());
        table.row("HTTP (wrk) /health" + health, name).set(2, Integer.toString(c)).latencies(h);
        for (QueryMix mix : mixes(index)) {
            table.printNewRows(log);
            log.printf("wrk %s %s%s, %d connections, load %.2f%n", name, mix.name(), served, c, Machine.loadAverage());
            Latencies l = wrk.get().run(HttpLoad.paths(mix), c, settings.httpWarmup(), settings.httpMeasured());
            table.row("HTTP (wrk) /api/search: " + mix.name() + served, name)
                    .set(2, Integer.toString(c)).latencies(l).set(13, l.perSecond() / h.perSecond(), "%.3f");
        }
    }

    /** The same load on a server with its result cache off: every request a whole search. */
    private void httpUncached(Path index, String name) throws IOException, InterruptedException {
        int port = freePort();
        HttpLoad load = new HttpLoad("http://127.0.0.1:" + port);
        try (ChildJvm server = ChildJvm.start(DEFAULT_HEAP, List.of("-D" + Searcher.RESULT_CACHE_PROPERTY + "=false"),
                System.getProperty("java.class.path"), settings.work().resolve("logs/serve-nocache-" + name + ".log"),
                "org.medsearch.cli.Main", serveArgs(index, port))) {
            awaitHealthy(server, load, Duration.ofSeconds(60));
            int c = 8;
            Latencies health = load.runPaths(List.of("/health"), c, settings.httpWarmup(), settings.httpMeasured());
            table.row("HTTP /health, result cache off", name).set(2, Integer.toString(c)).latencies(health);
            for (QueryMix mix : mixes(index)) {
                table.printNewRows(log);
                log.printf("http %s %s, result cache off, %d connections, load %.2f%n", name, mix.name(), c, Machine.loadAverage());
                Latencies l = load.run(mix, c, settings.httpWarmup(), settings.httpMeasured());
                table.row("HTTP /api/search: " + mix.name() + ", result cache off", name)
                        .set(2, Integer.toString(c)).latencies(l).set(13, l.perSecond() / health.perSecond(), "%.3f");
            }
            wrkRows("http://127.0.0.1:" + port, index, name, ", result cache off", ", result cache off");
        }
    }

    /**
     * The arguments of every measured {@code serve}. The load comes from one address and measures capacity,
     * so no per-client share applies (with it, one client runs half the slots: the result-cache-off rows of
     * earlier benches ran one search at a time on two cores).
     */
    private static String[] serveArgs(Path index, int port) {
        return new String[]{"serve", "--index", index.toString(), "--port", Integer.toString(port),
                "--client-searches", "1000", "--client-queue", "100000"};
    }

    /** Seconds from process start until /health answers, or fails if it never does. */
    private static double awaitHealthy(ChildJvm server, HttpLoad load, Duration limit) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        while (!load.healthy()) {
            if (!server.alive() || System.nanoTime() - t0 > limit.toNanos()) {
                throw new IOException("serve did not answer /health within " + limit.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Tries ever smaller heaps until the server fails to start or to answer a LiveQA load without errors. */
    private void smallestHeap(Path index, String name) throws IOException, InterruptedException {
        QueryMix mix = mixes(index).getFirst();
        String smallest = null;
        for (String heap : HEAPS) {
            table.printNewRows(log);
            log.printf("serve %s with -Xmx%s%n", name, heap);
            if (!servesWith(heap, index, mix)) {
                break;
            }
            smallest = heap;
        }
        table.row("serve: smallest -Xmx that serves " + mix.name() + " at 8 conns with 0 errors: "
                + (smallest == null ? "none of " + HEAPS : smallest), name);
    }

    private boolean servesWith(String heap, Path index, QueryMix mix) throws IOException, InterruptedException {
        int port = freePort();
        HttpLoad load = new HttpLoad("http://127.0.0.1:" + port);
        try (ChildJvm server = ChildJvm.start(heap, settings.work().resolve("logs/serve-heap-" + heap + ".log"),
                "org.medsearch.cli.Main", serveArgs(index, port))) {
            try {
                awaitHealthy(server, load, Duration.ofSeconds(60));
            } catch (IOException e) {
                return false;
            }
            Latencies l = load.run(mix, 8, Duration.ofSeconds(1), Duration.ofSeconds(4));
            return l.errors() == 0 && l.count() > 0 && server.alive();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
