package org.medsearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.bench.ChildJvm;
import org.medsearch.TestCorpus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin reindex as an operator enables it: {@code serve} with MEDSEARCH_ADMIN_TOKEN, in its own process. */
class ServeAdminIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tokenFromTheEnvironmentEnablesTheAdminReindex() throws Exception {
        Path corpus = TestCorpus.miniCopy(dir);
        try (ChildJvm server = ChildJvm.medsearch(Map.of("MEDSEARCH_ADMIN_TOKEN", "t0ken-from-env"), dir.resolve("serve.log"),
                "256m", "serve", "--index", dir.resolve("index").toString(), "--corpus", corpus.toString(), "--port", "0")) {
            int port = server.awaitServingPort(LONG);
            assertEquals(401, send(port, "POST", null).statusCode());
            assertEquals(401, send(port, "POST", "wrong").statusCode());

            TestCorpus.addCroup(corpus);
            assertEquals(202, send(port, "POST", "t0ken-from-env").statusCode());
            JsonNode status = json.readTree(send(port, "GET", "t0ken-from-env").body());
            long deadline = System.nanoTime() + LONG.toNanos();
            while (status.get("state").asText().equals("running") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = json.readTree(send(port, "GET", "t0ken-from-env").body());
            }
            assertEquals("done", status.get("state").asText(), status.toString());
            assertEquals(5, status.get("articles").asInt());
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/search?q=barking")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("wiki/croup", json.readTree(found.body()).at("/hits/0/id").asText());
        }
    }

    @Test
    void withoutATokenThereIsNoAdminRoute() throws Exception {
        try (ChildJvm server = ChildJvm.medsearch(dir.resolve("serve.log"), "256m", "serve", "--index",
                dir.resolve("index").toString(), "--corpus", TestCorpus.mini().toString(), "--port", "0")) {
            int port = server.awaitServingPort(LONG);
            HttpResponse<String> r = send(port, "POST", "anything");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("\"status\":404"), r.body());
        }
    }

    private HttpResponse<String> send(int port, String method, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/reindex"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
