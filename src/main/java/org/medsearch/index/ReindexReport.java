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
 * @param skipped   files not indexed, each with its one-line reason
 * @param bytesRead raw bytes of the indexed files
 * @param elapsed   wall time of the whole run
 * @param index     the generation folder now live
 */
public record ReindexReport(int filesSeen, int articles, long sections, List<Skipped> skipped,
                            long bytesRead, Duration elapsed, Path index) {

    /** A file that was not indexed, and why. */
    public record Skipped(String file, String reason) {
    }

    /** Articles indexed per second of wall time. */
    public double pagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? articles / s : 0;
    }
}
