package org.medsearch.search.query;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsearch.index.Analyzers;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both uses of {@link Spelling} over a small index with the real analysers and fields. */
class SpellingTest {
    private static final String[] ARTICLES = {
            "Chronic diarrhea", "Diarrhea in children", "Asthma attacks at night", "Asthma in adults",
            "After a heart attack", "Heart attack symptoms", "Kidney stones", "Kidney disease", "Kidney failure",
    };
    private static DirectoryReader reader;
    private static Spelling spelling;

    @BeforeAll
    static void index() throws IOException {
        reader = TitleIndex.open(ARTICLES);
        spelling = new Spelling(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    private static String stem(String word) {
        return Analyzers.tokens(word).get(0);
    }

    @Test
    void aSearchedWordTheIndexDoesNotKnowBecomesTheClosestStemItDoes() {
        assertEquals(stem("diarrhea"), spelling.correct(stem("diahrrea")));
        assertEquals(stem("asthma"), spelling.correct(stem("asthma")), "a known word is never touched");
    }

    @Test
    void aCorrectionReadsAsTheIndexsWordNeverItsStem() {
        String searched = spelling.correct(stem("diahrrea"));
        assertEquals("diarrhea", spelling.readable("Diahrrea", searched));
        assertEquals("diarrhea", spelling.within(QueryBudget.Lookups.unlimited()).readable("Diahrrea", searched),
                "the corrector a search uses names corrections too");
        assertEquals("asthma", spelling.readable("astmha", spelling.correct(stem("astmha"))));
    }

    @Test
    void aQuestionReadsBackInItsOwnWordsWithCorrectionsAndSynonymsNamed() {
        QueryBuilder builder = new QueryBuilder(Analyzers.english(), org.medsearch.search.RankingConfig.defaults().queryWeights());
        Understanding u = builder.build(UserQueryParser.parse("Hi, my son has chronic Diahrrea and \"leg cramps\" at night, getting worse"),
                java.util.Set.of(), new QueryBuilder.Context(spelling, null)).understood();
        assertEquals(java.util.List.of("son", "chronic", "diarrhea", "\"leg cramps\"", "night", "worse"), u.words());
        assertEquals(java.util.List.of(new Understanding.Correction("Diahrrea", "diarrhea")), u.corrections());
        assertEquals(java.util.List.of("diarrhoea", "loose stools"), u.synonyms());
        assertTrue(u.terms().contains("wors"), "the terms are the index's stems: " + u.terms());
    }

    @Test
    void aPastedPageOfTyposNamesOnlyTheFirstFewCorrections() {
        QueryBuilder builder = new QueryBuilder(Analyzers.english(), org.medsearch.search.RankingConfig.defaults().queryWeights());
        int[] lookups = {0};
        QueryBuilder.TermCorrector counting = new QueryBuilder.TermCorrector() {
            @Override
            public String correct(String token) {
                return token + "x";
            }

            @Override
            public String readable(String typed, String stem) {
                lookups[0]++;
                return stem;
            }
        };
        StringBuilder typos = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            typos.append("kidny").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        Understanding u = builder.build(UserQueryParser.parse(typos.toString()), java.util.Set.of(),
                new QueryBuilder.Context(counting, null)).understood();
        assertEquals(QueryBuilder.MAX_NAMED_CORRECTIONS, lookups[0], "the lookups are bounded");
        assertEquals(QueryBuilder.MAX_NAMED_CORRECTIONS, u.corrections().size());
        assertEquals(40, u.words().size(), "every word is still shown, the rest as typed");
    }

    @Test
    void shortWordsCodesAndPastedJunkAreSearchedAsTyped() {
        assertEquals("astm", spelling.correct("astm"), "four letters: too many neighbours to correct silently");
        assertEquals("kidny2", spelling.correct("kidny2"));
        String junk = "kidney".repeat(7);
        assertEquals(junk, spelling.correct(junk));
    }

    @Test
    void didYouMeanRewritesOnlyTheMisspelledWordsKeepingTheirCase() throws IOException {
        assertEquals("Asthma at night", spelling.suggest("Astma at night"));
        assertEquals("heart attack", spelling.suggest("hart attack"));
        assertNull(spelling.suggest("asthma attacks"));
        assertNull(spelling.suggest("AstMa"), "a capital inside a word marks a name, not a typo");
    }

    @Test
    void didYouMeanTakesTwoEditsOnlyOnLongWords() throws IOException {
        // 'kindly' is two edits from 'kidney': too far for a six-letter word.
        assertNull(spelling.suggest("kindly"));
        assertEquals("chronic diarrhea", spelling.suggest("chronic diahrrea"));
    }

    @Test
    void knownWordsThatNoNeighbourCouldReplaceCostNoFuzzyLookup() throws IOException {
        Spelling fresh = new Spelling(reader);
        assertNull(fresh.suggest("asthma"));
        assertNull(fresh.suggest("kidney stones"));
        assertNull(fresh.suggest("heart attack symptoms"));
        assertEquals(0, fresh.lookupCount(), "a single known word, and known words in a known phrase, are never looked up");
        assertEquals("heart attack", fresh.suggest("hart attack"));
        assertTrue(fresh.lookupCount() > 0, "a word that could be a slip is looked up");
    }
}
