package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One extractor shared by two threads (as reindex uses it) gives the same articles as one thread. */
class ArticleExtractorConcurrencyTest {

    @Test
    void sharedExtractorGivesSameArticlesOnTwoThreads() throws Exception {
        Path dir = Path.of(ArticleExtractorConcurrencyTest.class.getResource("/ingest").toURI());
        List<Path> files = CorpusScanner.list(dir, skip -> { });
        assertEquals(5, files.size());
        ArticleExtractor extractor = new ArticleExtractor();
        List<Article> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(extractor.extract(dir, f));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Article>> results = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (Path f : files) {
                    results.add(pool.submit(() -> extractor.extract(dir, f)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % files.size()), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
