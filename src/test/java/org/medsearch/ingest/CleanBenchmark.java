package org.medsearch.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the cleaner over a whole corpus on one thread, wall and thread CPU (not a test; run by hand):
 * {@code java -cp target/classes:target/test-classes:<deps> org.medsearch.ingest.CleanBenchmark ../shared/medquad/corpus 5}.
 * Each pass reads and cleans every file; the first pass includes JIT warm-up.
 */
public final class CleanBenchmark {
    /** CPU time is what a shared machine does not distort much; wall time is printed beside it. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CleanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/medquad/corpus");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files = CorpusScanner.list(root, skip -> { });
        ArticleExtractor extractor = new ArticleExtractor();
        for (int pass = 1; pass <= passes; pass++) {
            long sections = 0;
            int skipped = 0;
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            for (Path f : files) {
                try {
                    sections += extractor.extract(root, f).sections().size();
                } catch (SkippedFileException e) {
                    skipped++;
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d: %d pages (%d skipped), %d sections in %.2f s (%.2f CPU-s)"
                    + " = %.0f pages/s%n", pass, files.size(), skipped, sections, secs, cpu, files.size() / secs);
        }
    }
}
