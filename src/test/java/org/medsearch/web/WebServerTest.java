package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsearch.TestCorpus;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract, against a real server on a free port with a real HTTP client. */
class WebServerTest {
    static final ObjectMapper json = new ObjectMapper();
    static TestServer server;
    static boolean withSample;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared();
        withSample = TestCorpus.hasSample();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return server.get(pathAndQuery);
    }

    static JsonNode search(String q, String extra) throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    @Test
    void healthAnswersWithCounts() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        assertTrue(json.readTree(r.body()).get("articles").asInt() >= 4);
    }

    @Test
    void legCrampsArticleRanksFirst() throws Exception {
        TestCorpus.requireShared("samples/leg-cramps-in-children.html");
        JsonNode r = search("leg cramps children calcium", "");
        assertEquals("samples/leg-cramps-in-children", r.at("/hits/0/id").asText());
        JsonNode section = r.at("/hits/0/sections/0");
        assertEquals(r.at("/hits/0/url").asText() + "#" + section.get("anchor").asText(), section.get("link").asText());
    }

    @Test
    void searchResponseHasTheDocumentedShape() throws Exception {
        JsonNode r = search("asthma", "");
        for (String f : new String[] {"query", "total", "tookMs", "page", "size", "hits"}) {
            assertTrue(r.has(f), "missing " + f);
        }
        JsonNode hit = r.at("/hits/0");
        for (String f : new String[] {"id", "title", "url", "source", "score", "sections"}) {
            assertTrue(hit.has(f), "missing hit." + f);
        }
        for (String f : new String[] {"heading", "kind", "anchor", "link", "snippet"}) {
            assertTrue(hit.at("/sections/0").has(f), "missing section." + f);
        }
        assertEquals("clinic/asthma", hit.get("id").asText());
        assertEquals("Asthma", hit.get("title").asText());
    }

    @Test
    void kindScopedWordMatchesOnlyThroughThatKindOfSection() throws Exception {
        JsonNode r = search("causes:calcium", "");
        assertTrue(r.get("total").asInt() >= 1);
        for (JsonNode hit : r.get("hits")) {
            assertFalse(hit.get("id").asText().equals("clinic/asthma"), "asthma mentions calcium only under treatment");
            for (JsonNode s : hit.get("sections")) {
                assertEquals("causes", s.get("kind").asText());
            }
        }
    }

    @Test
    void sectionFilterLimitsKinds() throws Exception {
        JsonNode r = search("calcium", "&section=treatment");
        assertEquals("clinic/asthma", r.at("/hits/0/id").asText());
        r.get("hits").forEach(h -> h.get("sections").forEach(s -> assertEquals("treatment", s.get("kind").asText())));
    }

    @Test
    void snippetsMarkMatchedWordsInWholeSentences() throws Exception {
        String snippet = search("vitamin D parathyroid", "").at("/hits/0/sections/0/snippet").asText();
        assertTrue(snippet.contains("<mark>parathyroid</mark>"), snippet);
        assertFalse(snippet.startsWith(" "), snippet);
    }

    @Test
    void markupInArticleTextIsEscapedInSnippets() throws Exception {
        String snippet = search("alert developers", "").at("/hits/0/sections/0/snippet").asText();
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
    }

    @Test
    void excludedWordRemovesArticles() throws Exception {
        JsonNode r = search("calcium -steroid", "");
        r.get("hits").forEach(h -> assertFalse(h.get("id").asText().equals("clinic/asthma")));
        assertTrue(r.get("total").asInt() >= 1);
    }

    @Test
    void quotedPhraseMustMatchAsAPhrase() throws Exception {
        assertEquals(0, search("\"calcium asthma\"", "").get("total").asInt());
        assertEquals("clinic/asthma", search("\"preventer inhalers\"", "").at("/hits/0/id").asText());
    }

    @Test
    void pagingServesDistinctArticles() throws Exception {
        JsonNode all = search("children legs calcium pain asthma ankle", "&size=100");
        int total = all.get("total").asInt();
        assertTrue(total >= 3);
        assertEquals(total, all.get("hits").size());
        JsonNode p1 = search("children legs calcium pain asthma ankle", "&size=2&page=1");
        JsonNode p2 = search("children legs calcium pain asthma ankle", "&size=2&page=2");
        assertEquals(all.at("/hits/0/id"), p1.at("/hits/0/id"));
        assertEquals(all.at("/hits/2/id"), p2.at("/hits/0/id"));
        assertEquals(total, p2.get("total").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "size=ten", "page=0", "page=-1", "page=abc", "section=nonsense", "page=100&size=100"})
    void badParametersAre400WithAMessage(String params) throws Exception {
        HttpResponse<String> r = get("/api/search?q=asthma&" + params);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = json.readTree(r.body());
        assertEquals(400, body.get("status").asInt());
        assertFalse(body.get("error").asText().isBlank());
    }

    @Test
    void missingQueryIs400() throws Exception {
        assertEquals(400, get("/api/search").statusCode());
    }

    @Test
    void articleById() throws Exception {
        HttpResponse<String> r = get("/api/articles/clinic/asthma");
        assertEquals(200, r.statusCode());
        JsonNode a = json.readTree(r.body());
        assertEquals("Asthma", a.get("title").asText());
        assertEquals("overview", a.at("/sections/0/kind").asText());
        assertTrue(a.get("aliases").toString().contains("bronchial asthma"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/articles/nope", "/api/articles/clinic/nope", "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/nothing"})
    void unknownArticleOrRouteIs404Json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(404, json.readTree(r.body()).get("status").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"unbalanced", "((((((", "))", "causes:", "a:b:c", "/slashes/", "* ? ~ ^ \\",
            "leg~1000000000", "asthma^99999999999", "*ma", "AND OR NOT", "NOT asthma", "casues:calcium",
            "\uD83D\uDE00 emoji", "астма", "哮喘", "\u0000\u0007", "&lt;script&gt;", "<script>alert(1)</script>", "-", "--asthma"})
    void hostileQueriesAnswer200(String q) throws Exception {
        JsonNode r = search(q, "");
        assertEquals(Math.min(10, r.get("total").asInt()), r.get("hits").size(), "a first page of the matches: " + r);
    }

    @Test
    void tenKilobytesOfTextAnswers200() throws Exception {
        String q = "my child has leg cramps at night and I wonder about calcium ".repeat(170);
        assertTrue(q.length() > 10_000);
        assertTrue(search(q, "").get("total").asInt() > 0);
    }

    @Test
    void overLongQueryIs414() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + "a".repeat(25_000));
        assertEquals(414, r.statusCode());
    }

    @Test
    void homePageHasASearchBox() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("name=\"q\""), r.body());
        assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void resultsPageIsServerRenderedAndEscaped() throws Exception {
        HttpResponse<String> r = get("/?q=" + URLEncoder.encode("asthma <b>bold</b>", StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Asthma"));
        assertTrue(r.body().contains("<mark>"));
        assertFalse(r.body().contains("<b>bold</b>"), "query text must be escaped");
        assertTrue(r.body().contains("/articles/clinic/asthma"));
        assertTrue(r.body().contains("Searched for"), "the page shows how the query was understood");
    }

    @Test
    void noResultsPageSaysSo() throws Exception {
        HttpResponse<String> r = get("/?q=zzzzqqq");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().toLowerCase().contains("no results") || r.body().toLowerCase().contains("no articles"), r.body());
    }

    @Test
    void articlePageShowsEverySection() throws Exception {
        HttpResponse<String> r = get("/articles/clinic/hypocalcaemia?q=calcium");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"causes\""));
        assertTrue(r.body().contains("What causes low calcium?"));
        assertEquals(404, get("/articles/clinic/none").statusCode());
    }

    @Test
    void staticFilesAreServedAndTraversalIsNot() throws Exception {
        assertEquals(200, get("/static/style.css").statusCode());
        for (String path : new String[] {"/static/../templates/search.mustache", "/static/%2e%2e/%2e%2e/pom.xml",
                "/static/..%2F..%2Fpom.xml", "/static/"}) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("<project") || r.body().contains("{{"), path + " leaked a file");
        }
    }
}
