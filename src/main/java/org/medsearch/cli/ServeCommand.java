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
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web search page and the JSON API (indexes the corpus first if no index exists).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options = new IndexOptions();

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
    int port;

    @Option(names = "--watch-ms", description = "How often to look for a new index from a reindex (default: ${DEFAULT-VALUE} ms).",
            defaultValue = "1000")
    long watchMillis;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:MEDSEARCH_ADMIN_TOKEN}",
            description = "Enables POST /api/admin/reindex for callers sending 'Authorization: Bearer TOKEN' "
                    + "(default: env MEDSEARCH_ADMIN_TOKEN; off when unset; prefer the env variable, "
                    + "command lines are visible to other users).")
    String adminToken;

    @Option(names = "--search-timeout-ms", defaultValue = "1000",
            description = "A search stops after this long and answers with what it found, marked partial (default: ${DEFAULT-VALUE}; 0: no limit).")
    long searchTimeoutMillis;

    @Option(names = "--search-slots", description = "Searches run at once, all clients together (default: one per core).")
    Integer searchSlots;

    @Option(names = "--client-searches", description = "Searches one client runs at once (default: half the slots, at least 1).")
    Integer clientSearches;

    @Option(names = "--client-queue", defaultValue = "16",
            description = "Searches one client may have waiting beyond those; more get 429 with Retry-After (default: ${DEFAULT-VALUE}).")
    int clientQueue;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS",
            description = "Peers (a reverse proxy) whose X-Forwarded-For header names the client; repeatable or comma-separated (default: none).")
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
        WebConfig config = new WebConfig(host, port, WebConfig.defaults().maxQueryChars(), limits);
        Javalin app = WebServer.create(searcher, config);
        if (adminToken != null && !adminToken.isBlank()) {
            new AdminReindex(adminToken, reindex(store), index).register(app);
        }
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
