package org.medsearch.cli;

import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexReport;
import org.medsearch.index.embed.Embedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code medsearch reindex}: rebuilds the index from the corpus; the old index serves until the new one is complete. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Clean every page of the corpus and build a fresh index beside the live one, then switch to it.")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options = new IndexOptions();

    @Option(names = "--threads", description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-semantic", description = "Build a lexical-only index (no section embeddings): faster, less understanding.")
    boolean noSemantic;

    @Override
    public Integer call() throws IOException {
        ReindexReport report = run(options.corpus, options.store(), threads, !noSemantic);
        print(report, System.out);
        return 0;
    }

    /** Runs a reindex with progress on stderr; with {@code semantic}, sections are embedded when the model loads. */
    static ReindexReport run(java.nio.file.Path corpus, IndexStore store, int threads, boolean semantic) throws IOException {
        IndexWriterJob job = new IndexWriterJob(corpus, store, threads, ProgressReporter.forStderr());
        Embedder embedder = semantic ? loadEmbedder() : null;
        try {
            ReindexReport report = job.withEmbedder(embedder).run();
            if (embedder != null) {
                System.err.printf("Embedded %,d section texts and headings with %s (the rest from the cache)%n", job.embedded(), embedder.modelName());
            }
            return report;
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
    }

    private static Embedder loadEmbedder() {
        try {
            return Embedder.load();
        } catch (RuntimeException e) {
            System.err.println("medsearch: semantic embeddings unavailable (" + e.getMessage() + "); building a lexical index");
            return null;
        }
    }

    /** The end-of-run table. */
    static void print(ReindexReport r, PrintStream out) {
        out.printf("Reindexed into %s%n", r.index());
        out.printf("  files seen        %,d%n", r.filesSeen());
        out.printf("  articles indexed  %,d%n", r.articles());
        out.printf("  sections          %,d%n", r.sections());
        out.printf("  files skipped     %,d%n", r.skipped().size());
        out.printf("  elapsed           %.1f s%n", r.elapsed().toMillis() / 1000.0);
        out.printf("  pages/s           %,.0f%n", r.pagesPerSecond());
        out.printf("  MB/s              %,.1f%n", r.bytesRead() / 1e6 / Math.max(1e-9, r.elapsed().toNanos() / 1e9));
        if (!r.skipped().isEmpty()) {
            out.println("Skipped files:");
            for (ReindexReport.Skipped s : r.skipped()) {
                out.printf("  %s: %s%n", s.file(), s.reason());
            }
        }
    }
}
