package org.medsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;
import org.medsearch.index.ReindexReport;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Searcher;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline on the mini corpus: pages, index, ranked results, against golden figures. */
class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void miniCorpusIndexesToTheGoldenCountsAndRanks() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/expected/corpus-mini.properties")) {
            expected.load(in);
        }
        IndexStore store = new IndexStore(dir.resolve("index"));
        ReindexReport report = new IndexWriterJob(TestCorpus.mini(), store, 2, ReindexProgress.NONE).run();
        assertEquals(Integer.parseInt(expected.getProperty("articles")), report.articles());
        assertEquals(Long.parseLong(expected.getProperty("sections")), report.sections());
        assertEquals(List.of(), report.skipped());

        try (LiveIndex index = new LiveIndex(store)) {
            Searcher searcher = new Searcher(index);
            assertEquals("clinic/asthma", top(searcher, "wheezing inhaler"));
            assertEquals("clinic/hypocalcaemia", top(searcher, "low calcium blood test"));
            assertEquals("wiki/growing-pains", top(searcher, "aching legs at night"));
            assertEquals("wiki/sprained-ankle", top(searcher, "ankle sprain ice"));
            // Aliases are searchable like titles.
            assertEquals("clinic/asthma", top(searcher, "reactive airway disease"));
        }
    }

    @Test
    void twoReindexesRankIdentically() throws Exception {
        List<String> first = ranking(dir.resolve("a"));
        List<String> second = ranking(dir.resolve("b"));
        assertEquals(first, second);
        assertTrue(first.size() >= 3, first.toString());
    }

    private static List<String> ranking(Path indexDir) throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), indexDir);
        try (LiveIndex index = new LiveIndex(store)) {
            SearchResults r = new Searcher(index).search(SearchRequest.of("children legs pain calcium"));
            return r.hits().stream().map(h -> h.id() + " " + h.score()).toList();
        }
    }

    private static String top(Searcher searcher, String query) {
        SearchResults r = searcher.search(SearchRequest.of(query));
        assertTrue(r.total() > 0, "no results for " + query);
        return r.hits().get(0).id();
    }
}
