package org.medsearch.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark runs.
 *
 * @param corpus      pages to index
 * @param work        folder for replicated corpora, indexes and child logs
 * @param queries     folder holding the LiveQA query files, or null for none
 * @param growth      corpus replication factors, e.g. 1, 10, 50
 * @param quick       smoke run: one repetition, few iterations, short HTTP runs, no heap search
 * @param repeat      runs of each reindex and parse-only pass (the median is reported)
 * @param threads     reindex worker threads
 * @param vsAnserini  also index the x1 articles with Anserini's IndexCollection, interleaved with the lexical reindex
 */
public record BenchSettings(Path corpus, Path work, Path queries, List<Integer> growth, boolean quick, int repeat,
                            int threads, boolean vsAnserini) {
    int warmupRounds() {
        return quick ? 1 : 3;
    }

    int calls(int mixSize) {
        // Enough calls that the 99th percentile rests on ~20 observations or more.
        return quick ? Math.min(50, mixSize) : Math.max(2000, mixSize * 10);
    }

    java.time.Duration httpWarmup() {
        return java.time.Duration.ofMillis(quick ? 300 : 3000);
    }

    java.time.Duration httpMeasured() {
        return java.time.Duration.ofMillis(quick ? 700 : 10_000);
    }

    List<Integer> connections() {
        return quick ? List.of(1, 8) : List.of(1, 8, 32);
    }
}
