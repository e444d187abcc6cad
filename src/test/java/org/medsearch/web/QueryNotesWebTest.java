package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.PastedQuestionCorpus;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the API and the page say when a query was read otherwise than typed, or a search was cut short. */
class QueryNotesWebTest {
    @TempDir
    static Path dir;
    static TestServer server;
    /** Every search of this one is past its deadline at the first check (counted, not timed). */
    static TestServer late;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path corpus = PastedQuestionCorpus.write(dir.resolve("corpus"));
        server = TestServer.start(corpus, dir.resolve("a"), s -> s.withTimeout(0));
        late = TestServer.start(corpus, dir.resolve("b"), s -> s.withDeadline(() -> () -> true));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        late.close();
    }

    private static HttpResponse<String> get(TestServer s, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void anUnmatchedQuotationIsNamedInTheApiAndOnThePage() throws Exception {
        String q = enc(PastedQuestionCorpus.CALCITONIN_QUESTION);
        JsonNode body = json.readTree(get(server, "/api/search?q=" + q).body());
        assertEquals("Calcitonin Salmon Nasal Spray", body.get("hits").get(0).get("title").asText());
        String note = body.get("understood").get("notes").get(0).asText();
        assertTrue(note.startsWith("No page contains \"refrigerate until opened.\" exactly; showing results"), note);
        assertFalse(body.get("partial").asBoolean());
        String page = get(server, "/?q=" + q).body();
        assertTrue(page.contains("data-query-note>No page contains &quot;refrigerate until opened.&quot; exactly"), page);
    }

    @Test
    void aSearchCutShortSaysSoInTheApiAndOnThePage() throws Exception {
        assertTrue(json.readTree(get(late, "/api/search?q=kidney").body()).get("partial").asBoolean());
        assertTrue(get(late, "/?q=kidney").body().contains("data-partial"));
        assertFalse(get(server, "/?q=kidney").body().contains("data-partial"));
    }
}
