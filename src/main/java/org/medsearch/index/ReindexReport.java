package org.medsearch.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a reindex did: the end-of-run table for the operator.
 *
 * @param filesSeen corpus files considered
 * @param articles  articles indexed
 * @param sections  sections indexed
 * @param skipped   files not indexed, each with its one-line reason (unreadable, not an article, duplicate id)
 * @param errors    files not indexed because cleaning or indexing them threw unexpectedly (a bug; logged)
 * @param bytesRead raw bytes of the indexed files
 * @param elapsed   wall time of the whole run
 * @param index     the generation folder now live
 * @param embeddingModel the model sections were embedded with, or null for a lexical-only index
 * @param embedded  sections embedded by the model in this run (the rest came from the cache)
 */
public record ReindexReport(int filesSeen, int articles, long sections, List<Skipped> skipped,
                            List<Skipped> errors, long bytesRead, Duration elapsed, Path index,
                            String embeddingModel, int embedded) {

    public ReindexReport {
        skipped = List.copyOf(skipped);
        errors = List.copyOf(errors);
    }

    /** A file that was not indexed, and why. */
    public record Skipped(String file, String reason) {
    }

    /** Articles indexed per second of wall time. */
    public double pagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? articles / s : 0;
    }
}
