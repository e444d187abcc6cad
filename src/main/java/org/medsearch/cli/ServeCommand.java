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
        WebConfig config = new WebConfig(host, port, WebConfig.defaults().maxQueryChars());
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
}
