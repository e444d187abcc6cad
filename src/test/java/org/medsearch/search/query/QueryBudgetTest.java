package org.medsearch.search.query;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsearch.index.Analyzers;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query budget: how much of a query is read, and how many spelling lookups a query may cost. */
class QueryBudgetTest {
    private static final QueryBudget BUDGET = QueryBudget.DEFAULT;
    private static DirectoryReader reader;
    private static Spelling spelling;

    @BeforeAll
    static void index() throws IOException {
        reader = TitleIndex.open("Asthma attacks at night", "Asthma in adults", "Heart attack symptoms",
                "After a heart attack", "Kidney stones");
        spelling = new Spelling(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    @Test
    void aLongQueryIsReadUpToItsWordAndCharacterBudget() {
        String words = "pain ".repeat(1_000);
        QueryBudget.Cut cut = BUDGET.cut(words);
        assertTrue(cut.truncated());
        assertEquals(BUDGET.maxWords(), QueryBudget.words(cut.text()));
        QueryBudget.Cut word = BUDGET.cut("x".repeat(19_999));
        assertTrue(word.truncated());
        assertEquals(BUDGET.maxChars(), word.text().length(), "one enormous word is cut too");
        String question = "my child has leg cramps at night, could it be low calcium?";
        assertFalse(BUDGET.cut(question).truncated());
        assertEquals(question, BUDGET.cut(question).text());
    }

    @Test
    void didYouMeanLooksUpNoMoreWordsThanTheBudget() throws IOException {
        QueryBudget.Lookups lookups = BUDGET.lookups();
        String suggested = spelling.suggest("astma ".repeat(40).strip(), lookups);
        assertEquals(BUDGET.spellingLookups(), lookups.words());
        assertTrue(lookups.phrases() <= BUDGET.phraseChecks());
        // The words within the budget are corrected, the rest kept as typed.
        assertEquals("asthma ".repeat(BUDGET.spellingLookups()) + "astma ".repeat(40 - BUDGET.spellingLookups()).strip(),
                suggested + "");
    }

    @Test
    void aHostileQueryCostsAtMostTheBudgetedLookups() throws IOException {
        Random random = new Random(13);
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 10_000) {
            for (int i = 0, n = 4 + random.nextInt(9); i < n; i++) {
                junk.append((char) ('a' + random.nextInt(26)));
            }
            junk.append(' ');
        }
        String read = BUDGET.cut(junk.toString()).text();
        QueryBudget.Lookups suggest = BUDGET.lookups();
        spelling.suggest(read, suggest);
        assertEquals(BUDGET.spellingLookups(), suggest.words());
        QueryBudget.Lookups correct = BUDGET.lookups();
        QueryBuilder.TermCorrector corrector = spelling.within(correct);
        for (String token : Analyzers.tokens(read)) {
            corrector.correct(token);
        }
        assertEquals(BUDGET.spellingLookups(), correct.words());
    }
}
