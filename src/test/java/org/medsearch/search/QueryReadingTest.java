package org.medsearch.search;

import org.apache.lucene.index.QueryTimeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.PastedQuestionCorpus;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the searcher reads what people paste (issue 13): quoted phrases no page contains, excluded phrases,
 * queries past the budget, and searches past their deadline. A small real index of plain-text articles.
 */
class QueryReadingTest {
    @TempDir
    static Path dir;
    static LiveIndex index;
    static Searcher searcher;

    @BeforeAll
    static void build() throws Exception {
        Path corpus = PastedQuestionCorpus.write(dir.resolve("corpus"));
        IndexStore store = new IndexStore(dir.resolve("index"));
        new IndexWriterJob(corpus, store, 1, ReindexProgress.NONE).run();
        index = new LiveIndex(store);
        // No wall-clock deadline here: these tests are about what is read, not how fast.
        searcher = new Searcher(index).withTimeout(0);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static SearchResults search(String q) {
        return searcher.search(SearchRequest.of(q));
    }

    @Test
    void aPastedQuestionQuotingSomethingNoPageSaysStillFindsItsArticle() {
        SearchResults r = search(PastedQuestionCorpus.CALCITONIN_QUESTION);
        assertTrue(r.total() > 0, "the quotation emptied the results");
        assertEquals("Calcitonin Salmon Nasal Spray", r.hits().get(0).title());
        assertTrue(r.understood().notes().stream().anyMatch(n -> n.startsWith("No page contains \"refrigerate until opened.\" exactly")),
                r.understood().notes().toString());
    }

    @Test
    void aQuotedPhraseThatMatchesStaysRequired() {
        SearchResults r = search("medicines \"room temperature for 30 days\"");
        assertEquals(1, r.total());
        assertEquals("Storing medicines", r.hits().get(0).title());
        assertTrue(r.understood().notes().isEmpty());
    }

    @Test
    void aQueryThatIsOnlyAnUnmatchedPhraseKeepsItsDidYouMean() {
        SearchResults r = search("\"kidny stones forever\"");
        assertEquals(0, r.total(), "a phrase alone is not relaxed into its words");
        assertTrue(r.understood().notes().isEmpty());
        assertNotNull(r.suggestion());
        assertTrue(r.suggestion().contains("kidney stones"), r.suggestion());
    }

    @Test
    void excludingAPhraseLeavesOutOnlyPagesWithThatPhrase() {
        long all = search("diabetes").total();
        assertEquals(3, all);
        assertEquals(all, search("diabetes -\"kidney zebra\"").total(), "no page has 'kidney zebra'");
        assertEquals(all - 1, search("diabetes -\"kidney disease\"").total());
        assertEquals(all - 2, search("diabetes -kidney").total(), "a word excluded alone still excludes");
    }

    @Test
    void onlyTheQueryWithinTheBudgetIsRead() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            q.append("blah").append(i).append(' ');
        }
        SearchResults early = search("asthma " + q);
        assertEquals("Asthma", early.hits().get(0).title());
        SearchResults late = search(q + "asthma");
        assertFalse(late.understood().terms().contains("asthma"), "a word past the budget was read");
        assertTrue(late.understood().notes().contains("Only the first 200 words of the query were read"),
                late.understood().notes().toString());
        assertTrue(late.query().length() < q.length(), "the answer names the query it read");
    }

    @Test
    void aSearchPastItsDeadlineAnswersWithWhatItHasAndSaysSo() {
        assertFalse(search("kidney").partial());
        // A deadline that has passed by the first check: counted, not timed.
        AtomicInteger checks = new AtomicInteger();
        QueryTimeout passed = () -> checks.incrementAndGet() > 0;
        SearchResults r = searcher.withDeadline(() -> passed).search(SearchRequest.of("kidney"));
        assertTrue(r.partial());
        assertTrue(r.total() < search("kidney").total(), "nothing is collected after the deadline");
        assertTrue(checks.get() > 0);
    }
}
