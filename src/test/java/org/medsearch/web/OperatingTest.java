package org.medsearch.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees of a running server: Prometheus metrics, the access log and the slow-query log. */
class OperatingTest {
    /** A question whose words are easy to look for in a log. */
    static final String QUESTION = "calcium deficiency cramps";

    @TempDir
    static Path dir;
    static TestServer server;
    static TestServer privateServer;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path corpus = TestCorpus.miniWithSample(dir.resolve("corpus"));
        // Every search is 'slow' at threshold 0, so each one is logged.
        server = TestServer.start(corpus, dir.resolve("a"), WebConfig.defaults().withLogging(new WebConfig.Logging(
                dir.resolve("logs/access.log").toString(), false, dir.resolve("logs/slow.log").toString(), 0, true)), null);
        // Query strings asked for in the access log, but --no-query-log wins.
        privateServer = TestServer.start(corpus, dir.resolve("b"), WebConfig.defaults().withLogging(new WebConfig.Logging(
                dir.resolve("private/access.log").toString(), true, dir.resolve("private/slow.log").toString(), 0, false)), null);
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestServer s : new TestServer[]{server, privateServer}) {
            if (s != null) {
                s.close();
            }
        }
    }

    static HttpResponse<String> get(TestServer s, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(s.uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String q() {
        return java.net.URLEncoder.encode(QUESTION, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void metricsCountRequestsByRouteAndStatusWithALatencyHistogram() throws Exception {
        get(server, "/api/search?q=" + q());
        get(server, "/api/search?q=x&size=0");
        get(server, "/api/articles/no/such");
        HttpResponse<String> r = get(server, "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String m = r.body();
        assertTrue(value(m, "jetty_server_requests_seconds_count", "status=\"200\",uri=\"/api/search\"") >= 1, m);
        assertTrue(value(m, "jetty_server_requests_seconds_count", "status=\"400\",uri=\"/api/search\"") >= 1);
        // The route's template, never the article id: labels stay few however many articles are read.
        assertTrue(value(m, "jetty_server_requests_seconds_count", "status=\"404\",uri=\"/api/articles/<id>\"") >= 1);
        assertFalse(m.contains("no/such"));
        assertTrue(value(m, "jetty_server_requests_seconds_bucket", "uri=\"/api/search\",le=\"0.1\"") >= 0, "histogram buckets");
        assertTrue(value(m, "jetty_server_requests_seconds_bucket", "uri=\"/api/search\",le=\"+Inf\"") >= 1);
    }

    @Test
    void metricsShowSearchesTheIndexAndTheJvm() throws Exception {
        String m = get(server, "/metrics").body();
        assertEquals(0, value(m, "medsearch_searches_running", ""));
        assertEquals(0, value(m, "medsearch_searches_queued", ""));
        assertEquals(0, value(m, "medsearch_searches_rejected_total", ""));
        assertEquals(1, value(m, "medsearch_index_generation", ""), "the first generation is live");
        String health = get(server, "/health").body();
        assertTrue(health.contains("\"articles\":" + (long) value(m, "medsearch_index_articles", "")), health);
        assertTrue(health.contains("\"sections\":" + (long) value(m, "medsearch_index_sections", "")), health);
        double finished = value(m, "medsearch_reindex_last_finished_timestamp_seconds", "");
        assertTrue(Math.abs(finished - System.currentTimeMillis() / 1000.0) < 3600, "indexed within the hour: " + finished);
        assertTrue(value(m, "medsearch_reindex_last_duration_seconds", "") > 0);
        assertTrue(value(m, "jvm_memory_used_bytes", "area=\"heap\"") > 0);
        assertTrue(m.contains("jvm_gc_"), "GC metrics");
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutTheQueryString() throws Exception {
        get(server, "/api/search?q=" + q() + "&size=3");
        HttpResponse<String> r = get(server, "/health");
        String line = await(dir.resolve("logs/access.log"), " GET /health ");
        Matcher m = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z] GET /health 200 \\d+ms (\\d+)B$").matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(r.body().length(), Integer.parseInt(m.group(1)), "bytes of the body");
        String search = await(dir.resolve("logs/access.log"), " GET /api/search 200 ");
        assertFalse(search.contains("calcium") || search.contains("?"), search);
    }

    @Test
    void slowQueryLogShowsTheSearchAndHowItWasUnderstood() throws Exception {
        get(server, "/api/search?q=" + q() + "&section=causes");
        String line = await(dir.resolve("logs/slow.log"), "section=causes");
        assertTrue(line.matches("^\\[.*Z] slow-query \\d+ms route=/api/search total=\\d+ .*"), line);
        assertTrue(line.contains("q=\"" + QUESTION + "\""), line);
        assertTrue(line.contains("understood="), line);
        get(server, "/?q=" + q());
        assertTrue(await(dir.resolve("logs/slow.log"), "route=/ ").contains("calcium"), "the page's searches too");
    }

    @Test
    void noQueryLogKeepsQueryTextOutOfEveryLog() throws Exception {
        get(privateServer, "/api/search?q=" + q());
        get(privateServer, "/?q=" + q() + "&page=1");
        get(privateServer, "/articles/no/such?q=" + q());
        await(dir.resolve("private/access.log"), " GET /articles/");
        String slow = await(dir.resolve("private/slow.log"), "route=/ ");
        assertTrue(slow.contains("query=<not logged>"), slow);
        for (String log : List.of("private/access.log", "private/slow.log")) {
            String text = Files.readString(dir.resolve(log));
            for (String word : QUESTION.split(" ")) {
                assertFalse(text.contains(word), log + " mentions '" + word + "':\n" + text);
            }
        }
    }

    /** The first line of a log containing {@code needle}, waiting briefly: Jetty logs just after responding. */
    static String await(Path log, String needle) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(needle)) {
                        return line;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line with '" + needle + "' in " + log + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no file)"));
    }

    /** The value of a sample whose labels contain {@code labels}; fails if there is none. */
    static double value(String metrics, String name, String labels) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                int space = line.lastIndexOf(' ');
                if (line.substring(0, space).contains(labels)) {
                    return Double.parseDouble(line.substring(space + 1));
                }
            }
        }
        throw new AssertionError("no sample " + name + "{" + labels + "} in\n" + metrics);
    }
}
