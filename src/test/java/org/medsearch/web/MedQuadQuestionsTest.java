package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.Searcher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 39 real LiveQA questions (long, messy) against the whole MedQuAD corpus, through the API and the page. */
class MedQuadQuestionsTest {
    @TempDir
    static Path dir;
    static LiveIndex index;
    static Javalin app;
    static List<String> questions;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = TestCorpus.requireShared("medquad/corpus");
        questions = Files.readAllLines(TestCorpus.shared().resolve("medquad/liveqa-dev-queries.tsv")).stream()
                .filter(l -> l.contains("\t")).map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        IndexStore store = new IndexStore(dir.resolve("index"));
        var report = new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
        assertEquals(6154, report.articles());
        assertEquals(17841, report.sections());
        index = new LiveIndex(store);
        app = WebServer.create(new Searcher(index), WebConfig.defaults().withPort(0)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
            index.close();
        }
    }

    @Test
    void everyQuestionGetsResultsFromTheApiAndThePage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        assertEquals(39, questions.size());
        for (String q : questions) {
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=" + enc)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), q);
            JsonNode body = json.readTree(api.body());
            assertTrue(body.get("hits").size() > 0, "no results for: " + q);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/?q=" + enc)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), q);
            assertTrue(page.body().contains(body.at("/hits/0/title").asText().replace("'", "&#39;").replace("&", "&amp;"))
                    || page.body().contains("/articles/" + body.at("/hits/0/id").asText()), "page lacks the top hit for: " + q);
        }
    }
}
