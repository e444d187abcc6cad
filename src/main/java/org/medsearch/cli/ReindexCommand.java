package org.medsearch.cli;

import org.medsearch.index.IndexStore;
import org.medsearch.index.Reindex;
import org.medsearch.index.ReindexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
        print(service(options.corpus, options.store(), threads, !noSemantic).run(), System.out);
        return 0;
    }

    /** The reindex service with progress and notes on stderr, as every command runs it. */
    static Reindex service(Path corpus, IndexStore store, int threads, boolean semantic) {
        return new Reindex(corpus, store, threads, semantic, ProgressReporter.forStderr());
    }

    /** The end-of-run table, then every file not indexed with its reason. */
    static void print(ReindexReport r, PrintStream out) {
        out.printf("Reindexed into %s%n", r.index());
        out.printf("  files seen        %,d%n", r.filesSeen());
        out.printf("  articles indexed  %,d%n", r.articles());
        out.printf("  sections          %,d%n", r.sections());
        out.printf("  files skipped     %,d%n", r.skipped().size());
        out.printf("  errors            %,d%n", r.errors().size());
        out.printf("  elapsed           %.1f s%n", r.elapsed().toMillis() / 1000.0);
        out.printf("  pages/s           %,.0f%n", r.pagesPerSecond());
        out.printf("  MB/s              %,.1f%n", r.bytesRead() / 1e6 / Math.max(1e-9, r.elapsed().toNanos() / 1e9));
        list("Skipped files:", r.skipped(), out);
        list("Errors (a bug in the cleaner or indexer; details in the log above):", r.errors(), out);
    }

    private static void list(String heading, List<ReindexReport.Skipped> files, PrintStream out) {
        if (!files.isEmpty()) {
            out.println(heading);
            for (ReindexReport.Skipped s : files) {
                out.printf("  %s: %s%n", s.file(), s.reason());
            }
        }
    }
}
