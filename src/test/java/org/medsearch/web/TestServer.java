package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.Searcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.function.UnaryOperator;

/** A real medsearch server on a free loopback port over a freshly indexed corpus, for HTTP tests. */
final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer shared;

    private final LiveIndex index;
    private final Javalin app;

    private TestServer(LiveIndex index, Javalin app) {
        this.index = index;
        this.app = app;
    }

    /** Indexes {@code corpus} into {@code work/index} and starts a server on it. */
    static TestServer start(Path corpus, Path work) throws Exception {
        return start(corpus, work, s -> s);
    }

    /** {@link #start(Path, Path)} with the searcher configured (a deadline, say). */
    static TestServer start(Path corpus, Path work, UnaryOperator<Searcher> configure) throws Exception {
        return start(corpus, work, configure, WebConfig.defaults(), null);
    }

    /** The same with these settings (the port is always a free one), and the admin routes if given (made for the live index). */
    static TestServer start(Path corpus, Path work, WebConfig config, java.util.function.Function<LiveIndex, AdminReindex> admin)
            throws Exception {
        return start(corpus, work, s -> s, config, admin);
    }

    private static TestServer start(Path corpus, Path work, UnaryOperator<Searcher> configure, WebConfig config,
                                    java.util.function.Function<LiveIndex, AdminReindex> admin) throws Exception {
        LiveIndex index = new LiveIndex(TestCorpus.indexed(corpus, work.resolve("index")));
        Javalin app = WebServer.create(configure.apply(new Searcher(index)), config.withPort(0),
                admin == null ? null : admin.apply(index)).start("127.0.0.1", 0);
        return new TestServer(index, app);
    }

    /**
     * The one server over the mini corpus (with the user's sample page when ../shared has it), indexed once
     * per test JVM and shared by every test that only reads: tests that change an index or the server's
     * settings start their own. It stops when the JVM ends.
     */
    static synchronized TestServer shared() throws Exception {
        if (shared == null) {
            Path work = Files.createTempDirectory("medsearch-mini-server");
            TestServer server = start(TestCorpus.miniWithSample(work.resolve("corpus")), work);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    IndexStore.deleteTree(work);
                } catch (Exception e) {
                    // The JVM is ending; a temporary folder left behind is all that can happen.
                }
            }));
            shared = server;
        }
        return shared;
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

    /** GET of a path with its query string (bounded: a request that hangs fails the test, not the build). */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a JSON route, checking its status. */
    JsonNode json(String pathAndQuery, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Override
    public void close() throws Exception {
        app.stop();
        index.close();
    }
}
