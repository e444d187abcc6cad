package org.medsearch.cli;

import io.javalin.Javalin;
import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.index.Reindex;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.Searcher;
import org.medsearch.search.SemanticRanker;
import org.medsearch.web.AdminReindex;
import org.medsearch.web.AdmissionLimits;
import org.medsearch.web.WebConfig;
import org.medsearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code medsearch serve}: builds the index if there is none, then serves the search page and the API. */
@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class,
        description = "Serve the web search page and the JSON API (indexes the corpus first if no index exists).",
        footer = {"",
                "Every option can also come from an environment variable (the command line wins):",
                "  MEDSEARCH_INDEX, MEDSEARCH_CORPUS, MEDSEARCH_HOST, MEDSEARCH_PORT,",
                "  MEDSEARCH_WATCH_MS, MEDSEARCH_ADMIN_TOKEN, MEDSEARCH_ACCESS_LOG,",
                "  MEDSEARCH_ACCESS_LOG_QUERY, MEDSEARCH_SLOW_QUERY_LOG, MEDSEARCH_SLOW_QUERY_MS,",
                "  MEDSEARCH_NO_QUERY_LOG, MEDSEARCH_SEARCH_TIMEOUT_MS, MEDSEARCH_SEARCH_SLOTS,",
                "  MEDSEARCH_CLIENT_SEARCHES, MEDSEARCH_CLIENT_QUEUE, MEDSEARCH_TRUSTED_PROXY",
                "  (true or false for the switches; a comma-separated list for the proxies).",
                "Also served: /metrics (Prometheus), /openapi.json, and the API page /api/docs.",
                ""})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options = new IndexOptions();

    @Option(names = "--host", description = "Interface to listen on (env MEDSEARCH_HOST; default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "Port to listen on (env MEDSEARCH_PORT; default: ${DEFAULT-VALUE}).", defaultValue = "7070")
    int port;

    @Option(names = "--watch-ms", description = "How often to look for a new index from a reindex "
            + "(env MEDSEARCH_WATCH_MS; default: ${DEFAULT-VALUE} ms).", defaultValue = "1000")
    long watchMillis;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Enables POST /api/admin/reindex for callers sending 'Authorization: Bearer TOKEN' "
                    + "(env MEDSEARCH_ADMIN_TOKEN; off when unset; prefer the env variable, "
                    + "command lines are visible to other users).")
    String adminToken;

    @Option(names = "--access-log", paramLabel = "TARGET", defaultValue = "stdout",
            description = "One line per request (time, method, path, status, ms, bytes): stdout, stderr, off, "
                    + "or a file to append to (env MEDSEARCH_ACCESS_LOG; default: ${DEFAULT-VALUE}).")
    String accessLog;

    @Option(names = "--access-log-query", defaultValue = "false",
            description = "Show query strings in the access log (env MEDSEARCH_ACCESS_LOG_QUERY; never with --no-query-log).")
    boolean accessLogQuery;

    @Option(names = "--slow-query-log", paramLabel = "TARGET", defaultValue = "stdout",
            description = "Searches slower than --slow-query-ms, with how they were understood: stdout, stderr, off, "
                    + "or a file (env MEDSEARCH_SLOW_QUERY_LOG; default: ${DEFAULT-VALUE}).")
    String slowQueryLog;

    @Option(names = "--slow-query-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Threshold of the slow-query log; 0 logs every search (env MEDSEARCH_SLOW_QUERY_MS; default: ${DEFAULT-VALUE}).")
    long slowQueryMillis;

    @Option(names = "--no-query-log", defaultValue = "false",
            description = "Never write a query's text (or its understood words) to a log: medical questions are "
                    + "sensitive (env MEDSEARCH_NO_QUERY_LOG).")
    boolean noQueryLog;

    @Option(names = "--search-timeout-ms", defaultValue = "1000",
            description = "A search stops after this long and answers with what it found, marked partial (env MEDSEARCH_SEARCH_TIMEOUT_MS; default: ${DEFAULT-VALUE}; 0: no limit).")
    long searchTimeoutMillis;

    @Option(names = "--search-slots", description = "Searches run at once, all clients together (env MEDSEARCH_SEARCH_SLOTS; default: one per core).")
    Integer searchSlots;

    @Option(names = "--client-searches", description = "Searches one client runs at once (env MEDSEARCH_CLIENT_SEARCHES; default: half the slots, at least 1).")
    Integer clientSearches;

    @Option(names = "--client-queue", defaultValue = "16",
            description = "Searches one client may have waiting beyond those; more get 429 with Retry-After (env MEDSEARCH_CLIENT_QUEUE; default: ${DEFAULT-VALUE}).")
    int clientQueue;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS",
            description = "Peers (a reverse proxy) whose X-Forwarded-For header names the client; repeatable or comma-separated (env MEDSEARCH_TRUSTED_PROXY; default: none).")
    Set<String> trustedProxies = Set.of();

    @Override
    public Integer call() throws Exception {
        AdmissionLimits limits = admission(); // bad limits stop here, before any index is built
        IndexStore store = options.store();
        if (!store.exists()) {
            System.err.printf("No index in %s yet: building it from %s%n", store.root(), options.corpus);
            ReindexCommand.print(reindex(store).run(), System.err);
        }
        LiveIndex index = new LiveIndex(store);
        index.watch(watchMillis);
        Searcher searcher = SemanticRanker.searcher(index, RankingConfig.defaults()).withTimeout(searchTimeoutMillis);
        searcher.warmCurrent();
        WebConfig config = new WebConfig(host, port, WebConfig.defaults().maxQueryChars(), limits, logging());
        boolean admin = adminToken != null && !adminToken.isBlank();
        Javalin app = WebServer.create(searcher, config, admin ? new AdminReindex(adminToken, reindex(store), index) : null);
        app.start(host, port);
        System.out.printf("medsearch is serving %s articles at http://%s:%d/ (Ctrl-C to stop)%n",
                searcher.stats().getOrDefault(Fields.COMMIT_ARTICLES, "?"), host, app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                index.close();
            } catch (Exception ignored) {
                // Shutting down: nothing left to report to.
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    WebConfig.Logging logging() {
        return new WebConfig.Logging(accessLog, accessLogQuery, slowQueryLog, slowQueryMillis, !noQueryLog);
    }

    /** The same reindex as the command, embeddings included, so a rebuilt index is as semantic as the old. */
    private Reindex reindex(IndexStore store) {
        return ReindexCommand.service(options.corpus, store, Runtime.getRuntime().availableProcessors(), true);
    }

    /** The sharing of search slots from the options, the defaults where none is given. */
    private AdmissionLimits admission() {
        AdmissionLimits d = AdmissionLimits.defaults();
        int slots = searchSlots == null ? d.slots() : searchSlots;
        int perClient = clientSearches == null ? Math.max(1, slots / 2) : clientSearches;
        return new AdmissionLimits(slots, perClient, clientQueue, d.maxWaitMillis(), trustedProxies);
    }
}
