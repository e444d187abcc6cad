package org.medsearch.index;

import org.medsearch.index.embed.Embedder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one service that builds an index, used by {@code medsearch reindex}, by {@code serve}'s first start and by
 * the admin reindex route: loads the embedder when a semantic index is asked for and falls back to a lexical
 * index (with a note) when the model cannot load, runs the {@link IndexWriterJob}, and returns its report.
 * One instance may run many times, one run at a time per index folder (the store's lock sees to that).
 */
public final class Reindex {
    private final Path corpus;
    private final IndexStore store;
    private final int threads;
    private final boolean semantic;
    private final ReindexProgress progress;

    /**
     * @param semantic embed sections when the model loads (else, or when false, the index is lexical only)
     * @param progress receives progress and notes (the fallback to lexical, the embedding count)
     */
    public Reindex(Path corpus, IndexStore store, int threads, boolean semantic, ReindexProgress progress) {
        this.corpus = corpus;
        this.store = store;
        this.threads = threads;
        this.semantic = semantic;
        this.progress = progress;
    }

    /**
     * Builds a fresh index from the corpus and publishes it; the previous index stays live if this fails.
     *
     * @throws IOException when the corpus cannot be read, nothing in it is an article, another reindex holds the
     *                     folder, the index cannot be written, or more pages threw than the error limit allows
     */
    public ReindexReport run() throws IOException {
        Embedder embedder = semantic ? loadEmbedder() : null;
        try {
            IndexWriterJob job = new IndexWriterJob(corpus, store, threads, progress).withEmbedder(embedder);
            ReindexReport report = job.run();
            if (job.cleanedFromCache() > 0) {
                progress.note(String.format("%,d unchanged pages taken from the cleaned-article cache (the rest cleaned)",
                        job.cleanedFromCache()));
            }
            if (embedder != null) {
                progress.note(String.format("Embedded %,d passages with %s (the rest from the cache)",
                        report.embedded(), embedder.modelName()));
            }
            return report;
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
    }

    /** The model, or null (a lexical index) when it cannot load: search still works, only less well. */
    private Embedder loadEmbedder() {
        try {
            return Embedder.load();
        } catch (RuntimeException e) {
            progress.note("semantic embeddings unavailable (" + e.getMessage() + "); building a lexical index");
            return null;
        }
    }
}
