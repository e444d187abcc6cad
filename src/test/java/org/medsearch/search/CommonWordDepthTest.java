package org.medsearch.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Common words scored after the pass, for its best sections only, answer as when every match is scored with them:
 * the same sections in the same order, the same totals and facets. The shipped corpus, with a share low enough that
 * its everyday words ('pain', 'child', 'treatment') count as common.
 */
class CommonWordDepthTest {
    private static final String COMMON = "commonWordShare=0.05,commonWordDocs=1,";
    static LiveIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = ShippedCorpusIndex.get();
    }


    private static Searcher searcher(String depth) {
        return new Searcher(index, RankingConfig.defaults().with(COMMON + "commonWordDepth=" + depth), null).withTimeout(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"leg cramps at night in children", "how do i treat a burn at home",
            "what causes pain in the knee when walking", "my child has a fever and a rash what should i do"})
    void scoringTheCommonWordsAfterThePassChangesNoAnswer(String question) {
        Searcher inPass = searcher("0");
        // Depth 1: the pass keeps its usual top 100, and a common word in over 20 documents is scored after it.
        Searcher after = searcher("1");
        List<Searcher.SectionScore> exact = inPass.sections(question, 20);
        List<Searcher.SectionScore> bounded = after.sections(question, 20);
        assertFalse(exact.isEmpty(), question);
        assertEquals(exact.stream().map(Searcher.SectionScore::id).toList(), bounded.stream().map(Searcher.SectionScore::id).toList());
        for (int i = 0; i < exact.size(); i++) {
            assertEquals(exact.get(i).score(), bounded.get(i).score(), 1e-5f * exact.get(i).score(), exact.get(i).id());
        }
        SearchResults a = inPass.search(SearchRequest.of(question));
        SearchResults b = after.search(SearchRequest.of(question));
        assertEquals(a.total(), b.total());
        assertEquals(a.facets(), b.facets());
        assertEquals(a.hits().stream().map(SearchResults.ArticleHit::id).toList(), b.hits().stream().map(SearchResults.ArticleHit::id).toList());
    }
}
