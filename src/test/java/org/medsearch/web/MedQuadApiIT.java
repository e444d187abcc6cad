package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsearch.TestCorpus;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API on the real MedQuAD corpus (indexed once for the class, tens of seconds): the 39 LiveQA
 * questions as people wrote them get results from the API and the page; misspellings people make are
 * corrected, correct words are left alone.
 */
class MedQuadApiIT {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestCorpus.requireShared("medquad/corpus"), dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode get(String path) throws Exception {
        return server.json(path, 200);
    }

    @Test
    void everyLiveQaQuestionGetsResultsFromTheApiAndThePage() throws Exception {
        List<String> questions = java.nio.file.Files.readAllLines(TestCorpus.shared().resolve("medquad/liveqa-dev-queries.tsv"))
                .stream().filter(l -> l.contains("\t")).map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        assertEquals(39, questions.size());
        for (String q : questions) {
            JsonNode body = search(q);
            assertTrue(body.get("hits").size() > 0, "no results for: " + q);
            HttpResponse<String> page = server.get("/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(200, page.statusCode(), q);
            assertTrue(page.body().contains("/articles/" + body.at("/hits/0/id").asText()), "page lacks the top hit for: " + q);
        }
    }

    static JsonNode search(String q) throws Exception {
        return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"diabetis, diabetes", "astma, asthma", "hart attack, heart attack", "leg cramsp, leg cramps",
            "high blood presure, high blood pressure"})
    void misspellingsAreCorrected(String typed, String corrected) throws Exception {
        assertEquals(corrected, search(typed).get("suggestion").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"asthma", "diabetes", "heart attack", "leg cramps", "what causes glaucoma",
            "how to treat migraine", "children"})
    void correctQueriesAreLeftAlone(String q) throws Exception {
        JsonNode r = search(q);
        assertTrue(r.get("suggestion").isNull(), q + " -> " + r.get("suggestion"));
        assertTrue(r.get("total").asInt() > 0);
    }

    @Test
    void typingSuggestionsForgiveATypo() throws Exception {
        for (String prefix : new String[] {"diabet", "diabte"}) {
            List<String> s = new ArrayList<>();
            get("/api/suggest?q=" + prefix).get("suggestions").forEach(n -> s.add(n.asText()));
            assertEquals(10, s.size(), prefix + ": " + s);
            assertTrue(s.stream().allMatch(x -> x.toLowerCase().startsWith("diabet")), prefix + ": " + s);
        }
    }
}
