package org.medsearch.bench;

import java.util.Arrays;

/** Percentiles and throughput of a set of timed calls. */
record Latencies(int count, double p50Ms, double p95Ms, double p99Ms, double perSecond, int errors) {
    /** Summarises call durations in nanoseconds measured over {@code wallNanos}. */
    static Latencies of(long[] nanos, int n, long wallNanos, int errors) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new Latencies(n, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                n / Math.max(1e-9, wallNanos / 1e9), errors);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        // Nearest-rank percentile: a value that was actually observed.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
