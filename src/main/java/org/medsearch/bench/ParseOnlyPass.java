package org.medsearch.bench;

import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.SkippedFileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reindex without the index: lists the corpus and cleans every page into an article on the same
 * number of threads, so reindex time can be compared with the cost of reading the pages at all.
 * Run as its own JVM by the benchmark: {@code ParseOnlyPass CORPUS THREADS}.
 */
public final class ParseOnlyPass {
    private ParseOnlyPass() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<Path> files = CorpusScanner.list(corpus, s -> { });
        ArticleExtractor extractor = new ArticleExtractor();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger articles = new AtomicInteger();
        AtomicInteger sections = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                try {
                    var a = extractor.extract(corpus, files.get(i));
                    articles.incrementAndGet();
                    sections.addAndGet(a.units().size());
                } catch (SkippedFileException e) {
                    // Skipped pages cost their read and parse too, as in the reindex.
                }
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(worker));
        }
        for (Thread t : workers) {
            t.join();
        }
        System.out.printf("parsed %d articles, %d sections%n", articles.get(), sections.get());
    }
}
