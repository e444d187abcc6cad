package org.medsearch.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.Searcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** a.htm and a.html share the id a: the first in path order is indexed whichever worker is faster. */
class DuplicateIdsReindexTest {
    @TempDir
    Path dir;

    @Test
    void theFirstFileInPathOrderWinsEvenWhenItsWorkerIsSlower() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.htm"), page("Asthma from the htm file"));
        Files.writeString(corpus.resolve("a.html"), page("Asthma from the html file"));
        Files.writeString(corpus.resolve("b.html"), page("Bronchitis"));
        // a.htm's worker waits until another file is fully done: the other worker takes a.html (before the fix)
        // or b.html (after), so the timing that used to let a.html win is forced, not hoped for.
        CountDownLatch anotherFileDone = new CountDownLatch(1);
        ReindexProgress progress = new ReindexProgress() {
            @Override
            public void started(int totalFiles) {
            }

            @Override
            public void fileDone(int done, int total) {
                anotherFileDone.countDown();
            }
        };
        ArticleExtractor real = new ArticleExtractor();
        IndexStore store = new IndexStore(dir.resolve("index"));
        ReindexReport report = new IndexWriterJob(corpus, store, 2, progress, (root, file) -> {
            if (file.getFileName().toString().equals("a.htm")) {
                // Not a time bound: the wait ends as soon as the other worker finishes its file.
                try {
                    assertTrue(anotherFileDone.await(5, TimeUnit.MINUTES), "the other worker never finished a file");
                } catch (InterruptedException e) {
                    throw new java.io.IOException(e);
                }
            }
            return real.extract(root, file);
        }).run();

        assertEquals(2, report.articles());
        assertEquals(List.of(new ReindexReport.Skipped("a.html", "duplicate id a: a.htm has it (the first in path order)")),
                report.skipped());
        try (LiveIndex index = new LiveIndex(store)) {
            assertEquals("Asthma from the htm file", new Searcher(index).article("a").orElseThrow().title());
        }
    }

    private static String page(String title) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><h2>Overview</h2><p>"
                + title + " is a condition of the airways that makes breathing hard for many people.</p></body></html>";
    }
}
