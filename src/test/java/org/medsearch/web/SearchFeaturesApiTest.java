package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggestions, 'did you mean', facets and related articles over HTTP, on the mini corpus. */
class SearchFeaturesApiTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared();
    }

    static JsonNode getJson(String path, int status) throws Exception {
        return server.json(path, status);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> suggestions(String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        getJson("/api/suggest?q=" + enc(prefix), 200).get("suggestions").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void suggestCompletesArticleTitlesFirst() throws Exception {
        List<String> s = suggestions("ast");
        assertEquals("Asthma", s.get(0), s.toString());
        assertTrue(s.size() <= 10);
    }

    @Test
    void suggestForgivesATypoInALongerPrefix() throws Exception {
        assertTrue(suggestions("asthm").contains("Asthma"));
        assertTrue(suggestions("ashtm").contains("Asthma"), suggestions("ashtm").toString());
    }

    @Test
    void suggestOffersAliasesAndFrequentWords() throws Exception {
        assertTrue(suggestions("hypoc").stream().anyMatch(x -> x.toLowerCase().startsWith("hypocalc")),
                suggestions("hypoc").toString());
        assertTrue(suggestions("low ca").stream().anyMatch(x -> x.startsWith("Low calcium")), suggestions("low ca").toString());
        assertTrue(suggestions("calc").contains("calcium"), suggestions("calc").toString());
    }

    @Test
    void suggestAnswersNothingForABlankOrUnknownPrefix() throws Exception {
        assertEquals(List.of(), suggestions(""));
        assertEquals(List.of(), suggestions("zzzzqq"));
        assertEquals("", getJson("/api/suggest", 200).get("query").asText());
    }

    @Test
    void misspelledQueryIsAnsweredWithTheCorrection() throws Exception {
        JsonNode r = getJson("/api/search?q=astma", 200);
        assertEquals("asthma", r.get("suggestion").asText());
        assertEquals("clinic/asthma", r.at("/hits/0/id").asText());
    }

    @Test
    void searchedCorrectionsAreNamedAsReadableWordsTwiceInARow() throws Exception {
        // The second time the correction is remembered by the index generation: it must still be named.
        for (int i = 0; i < 2; i++) {
            JsonNode c = getJson("/api/search?q=" + enc("astma inhaler"), 200).at("/understood/corrections");
            assertEquals(1, c.size(), c.toString());
            assertEquals("astma", c.at("/0/typed").asText());
            assertEquals("asthma", c.at("/0/searched").asText());
        }
    }

    @Test
    void correctionKeepsTheTypedCapitalisationAndLeavesNamesWithInnerCapitals() throws Exception {
        assertEquals("Asthma", getJson("/api/search?q=Astma", 200).get("suggestion").asText());
        assertTrue(getJson("/api/search?q=AstMa", 200).get("suggestion").isNull(), "brand-like spelling kept");
    }

    @Test
    void pageOffersTheCorrectionAndFacetChipsWithoutJavaScript() throws Exception {
        HttpResponse<String> r = server.get("/?q=calcuim");
        assertTrue(r.body().matches("(?s).*Did you mean <a href=\"/\\?q&#61;calcium[^\"]*\">calcium</a>\\?.*"), r.body());
        assertTrue(r.body().contains("name=\"source\" value=\"Test Clinic\""), "source chips");
    }

    @Test
    void misspelledPhraseIsCorrectedWordByWord() throws Exception {
        JsonNode r = getJson("/api/search?q=" + enc("sprainde ankle"), 200);
        assertEquals("sprained ankle", r.get("suggestion").asText());
        assertEquals("wiki/sprained-ankle", r.at("/hits/0/id").asText());
    }

    @Test
    void queryWithNoResultsServesTheCorrectionsResults() throws Exception {
        JsonNode r = getJson("/api/search?q=anle", 200);
        assertEquals("anle", r.get("correctedFrom").asText());
        assertEquals("ankle", r.get("query").asText());
        assertEquals("wiki/sprained-ankle", r.at("/hits/0/id").asText());
    }

    @Test
    void correctWordsAreNeverCorrected() throws Exception {
        for (String q : new String[] {"asthma", "calcium", "growing pains", "sprained ankle", "asthma -children",
                "how to treat asthma"}) {
            JsonNode r = getJson("/api/search?q=" + enc(q), 200);
            assertTrue(r.get("suggestion").isNull(), q + " -> " + r.get("suggestion"));
            assertTrue(r.get("correctedFrom").isNull(), q);
        }
    }

    @Test
    void facetsCountMatchingArticlesByKindAndSource() throws Exception {
        JsonNode r = getJson("/api/search?q=calcium", 200);
        JsonNode facets = r.get("facets");
        long total = r.get("total").asLong();
        long bySource = 0;
        for (JsonNode n : facets.get("source")) {
            bySource += n.asLong();
        }
        assertEquals(total, bySource, "every matching article has one source");
        assertTrue(facets.get("source").has("Test Clinic"), facets.toString());
        facets.get("kind").forEach(n -> assertTrue(n.asLong() >= 1 && n.asLong() <= total));
        assertTrue(facets.get("kind").has("treatment"), facets.toString());
    }

    @Test
    void sourceFilterKeepsOnlyThatSourceAndKeepsTheOtherCounts() throws Exception {
        JsonNode all = getJson("/api/search?q=calcium", 200);
        JsonNode clinic = getJson("/api/search?q=calcium&source=" + enc("Test Clinic"), 200);
        assertEquals(all.at("/facets/source/Test Clinic").asLong(), clinic.get("total").asLong());
        assertTrue(all.get("total").asLong() > clinic.get("total").asLong(), "another source matches too");
        clinic.get("hits").forEach(h -> assertEquals("Test Clinic", h.get("source").asText()));
        // The source counts still show what the other sources would give.
        assertEquals(all.at("/facets/source"), clinic.at("/facets/source"));
    }

    @Test
    void unknownSourceGivesNoResultsNotAnError() throws Exception {
        JsonNode r = getJson("/api/search?q=calcium&source=" + enc("No Such Site"), 200);
        assertEquals(0, r.get("total").asInt());
    }

    @Test
    void kindFacetMatchesTheSectionFilter() throws Exception {
        JsonNode all = getJson("/api/search?q=calcium", 200);
        JsonNode treatment = getJson("/api/search?q=calcium&section=treatment", 200);
        assertEquals(all.at("/facets/kind/treatment").asLong(), treatment.get("total").asLong());
    }

    @Test
    void relatedArticlesExcludeTheArticleItself() throws Exception {
        JsonNode r = getJson("/api/articles/clinic/hypocalcaemia/related", 200);
        assertTrue(r.isArray());
        assertTrue(r.size() >= 1 && r.size() <= 5, r.toString());
        for (JsonNode a : r) {
            assertFalse(a.get("id").asText().equals("clinic/hypocalcaemia"));
            for (String f : new String[] {"id", "title", "url", "source"}) {
                assertTrue(a.hasNonNull(f), "missing " + f);
            }
        }
    }

    @Test
    void relatedOfAnUnknownArticleIs404() throws Exception {
        assertEquals(404, getJson("/api/articles/clinic/nope/related", 404).get("status").asInt());
    }

    @Test
    void articleStillServedBesideTheRelatedRoute() throws Exception {
        assertEquals("Asthma", getJson("/api/articles/clinic/asthma", 200).get("title").asText());
    }
}
