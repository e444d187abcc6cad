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
import org.medsearch.web.WebConfig;
import org.medsearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
                "  MEDSEARCH_NO_QUERY_LOG (true or false for the switches).",
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

    @Override
    public Integer call() throws Exception {
        IndexStore store = options.store();
        if (!store.exists()) {
            System.err.printf("No index in %s yet: building it from %s%n", store.root(), options.corpus);
            ReindexCommand.print(reindex(store).run(), System.err);
        }
        LiveIndex index = new LiveIndex(store);
        index.watch(watchMillis);
        Searcher searcher = SemanticRanker.searcher(index, RankingConfig.defaults());
        WebConfig config = new WebConfig(host, port, WebConfig.defaults().maxQueryChars(), logging());
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
}
