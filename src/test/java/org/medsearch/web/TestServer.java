package org.medsearch.web;

import io.javalin.Javalin;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.Searcher;

import java.net.URI;
import java.nio.file.Path;

/** A real medsearch server on a free loopback port over a freshly indexed corpus, for HTTP tests. */
final class TestServer implements AutoCloseable {
    private final LiveIndex index;
    private final Javalin app;

    private TestServer(LiveIndex index, Javalin app) {
        this.index = index;
        this.app = app;
    }

    /** Indexes {@code corpus} into {@code work/index} and starts a server on it. */
    static TestServer start(Path corpus, Path work) throws Exception {
        return start(corpus, work, WebConfig.defaults(), null);
    }

    /** The same with these settings (the port is always a free one), and the admin routes if given. */
    static TestServer start(Path corpus, Path work, WebConfig config, AdminReindex admin) throws Exception {
        IndexStore store = new IndexStore(work.resolve("index"));
        new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
        LiveIndex index = new LiveIndex(store);
        Javalin app = WebServer.create(new Searcher(index), config.withPort(0), admin).start("127.0.0.1", 0);
        return new TestServer(index, app);
    }

    /** The running Javalin app, for checks on its Jetty configuration. */
    Javalin app() {
        return app;
    }

    int port() {
        return app.port();
    }

    /** The server's address for a path with its query string. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        app.stop();
        index.close();
    }
}
