package org.medsearch.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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
 * @param steps       the parts to run ({@link Step}); without the reindex steps the searches run on {@code index}
 * @param index       an existing x1 index to search when the steps build none (null: {@code WORK/index-x1})
 * @param calls       measured searches per query mix and thread count (0: the default, see {@link #calls(int)})
 */
public record BenchSettings(Path corpus, Path work, Path queries, List<Integer> growth, boolean quick, int repeat,
                            int threads, boolean vsAnserini, Set<Step> steps, Path index, int calls) {
    /** The parts of the benchmark, in the order they run. */
    public enum Step {
        /** the lexical reindex (and Anserini's, with --vs-anserini) */
        REINDEX,
        /** the parse-only pass */
        PARSE,
        /** the semantic reindex, first with an empty embedding cache and then with it */
        EMBED,
        /** in-process searches */
        SEARCH,
        /** HTTP load against a child serve */
        HTTP,
        /** the smallest heap that serves the x10 corpus */
        HEAP
    }

    boolean runs(Step step) {
        return steps.contains(step);
    }

    int warmupRounds() {
        return quick ? 1 : 3;
    }

    int calls(int mixSize) {
        if (calls > 0) {
            // Asked for: a large growth index, where each LiveQA search can take a good part of a second, would
            // otherwise take an hour per mix.
            return calls;
        }
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
