package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.Reindex;
import org.medsearch.index.ReindexProgress;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.Searcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/admin/reindex}: off without a token, 401 with a wrong one, never two at once. */
class AdminReindexTest {
    private static final String TOKEN = "s3cret-admin-token";

    @TempDir
    Path dir;
    LiveIndex index;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (index != null) {
            index.close();
        }
    }

    @Test
    void adminRouteDoesNotExistWithoutAToken() throws Exception {
        start(live -> null);
        assertEquals(404, send("POST", null).statusCode());
        assertEquals(404, send("POST", TOKEN).statusCode());
    }

    @Test
    void missingOrWrongTokenIs401Json() throws Exception {
        start(live -> new AdminReindex(TOKEN, lexical(TestCorpus.mini(), ReindexProgress.NONE), live));
        for (String token : new String[] {null, "", "wrong", TOKEN + "x", TOKEN.substring(1)}) {
            HttpResponse<String> r = send("POST", token);
            assertEquals(401, r.statusCode(), "token " + token);
            assertEquals(401, json.readTree(r.body()).get("status").asInt());
            assertEquals(401, send("GET", token).statusCode());
        }
    }

    @Test
    void reindexRunsInTheBackgroundAndTheServerSwitchesToIt() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestCorpus.copyTree(TestCorpus.mini(), corpus);
        IndexStore store = TestCorpus.indexed(corpus, dir.resolve("index"));
        index = new LiveIndex(store);
        startOn(index, new AdminReindex(TOKEN, new Reindex(corpus, store, 2, false, ReindexProgress.NONE), index));
        assertEquals(0, search("barking"));

        Files.writeString(corpus.resolve("wiki/croup.txt"), "Croup\n\nOverview\n\nCroup is a barking cough in young children.\n");
        HttpResponse<String> r = send("POST", TOKEN);
        assertEquals(202, r.statusCode(), r.body());
        JsonNode status = waitUntilNotRunning();
        assertEquals("done", status.get("state").asText(), status.toString());
        assertEquals(5, status.get("articles").asInt());
        assertEquals(0, status.get("errors").asInt());
        assertEquals(1, search("barking"));
    }

    @Test
    void secondReindexWhileOneRunsIs409() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // The reindex waits for the test once it has listed the corpus: it is running until released.
        ReindexProgress held = new ReindexProgress() {
            @Override
            public void started(int totalFiles) {
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void fileDone(int done, int total) {
            }
        };
        start(live -> new AdminReindex(TOKEN, lexical(TestCorpus.mini(), held), live));
        assertEquals(202, send("POST", TOKEN).statusCode());
        HttpResponse<String> second = send("POST", TOKEN);
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("already running"), second.body());
        assertEquals("running", json.readTree(send("GET", TOKEN).body()).get("state").asText());
        release.countDown();
        assertEquals("done", waitUntilNotRunning().get("state").asText());
        release.countDown();
        assertEquals(202, send("POST", TOKEN).statusCode(), "a new one may start once the last has finished");
        assertEquals("done", waitUntilNotRunning().get("state").asText());
    }

    @Test
    void failedReindexIsReportedAndTheOldIndexServes() throws Exception {
        start(live -> new AdminReindex(TOKEN, lexical(dir.resolve("no-such-corpus"), ReindexProgress.NONE), live));
        assertEquals(202, send("POST", TOKEN).statusCode());
        JsonNode status = waitUntilNotRunning();
        assertEquals("failed", status.get("state").asText());
        assertTrue(status.get("error").asText().contains("corpus folder not found"), status.toString());
        assertTrue(search("asthma") > 0);
    }

    private Reindex lexical(Path corpus, ReindexProgress progress) {
        return new Reindex(corpus, new IndexStore(dir.resolve("index")), 2, false, progress);
    }

    private void start(Function<LiveIndex, AdminReindex> admin) throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index"));
        index = new LiveIndex(store);
        startOn(index, admin.apply(index));
    }

    private void startOn(LiveIndex live, AdminReindex admin) {
        app = WebServer.create(new Searcher(live), WebConfig.defaults().withPort(0), admin);
        app.start("127.0.0.1", 0);
    }

    private JsonNode waitUntilNotRunning() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            JsonNode s = json.readTree(send("GET", TOKEN).body());
            if (!s.get("state").asText().equals("running") || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(20);
        }
    }

    private int search(String q) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/search?q=" + q)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("total").asInt();
    }

    private HttpResponse<String> send(String method, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/admin/reindex"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
