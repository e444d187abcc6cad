package org.medsearch.bench;

import org.medsearch.index.IndexStore;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;
import org.medsearch.search.SemanticRanker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Searches one bench mix round after round in one JVM (result cache off, no deadline) and prints each round's
 * p50, p99 and the thread's CPU per search: what a JFR profile of one mix is taken from. Not a test: run it
 * with the test classpath, {@code java [-Dranking=knob=value,...] -cp target/test-classes:target/medsearch.jar:target/lib/* org.medsearch.bench.MixLoop INDEX QUERIES_DIR MIX ROUNDS}.
 */
public final class MixLoop {
    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        List<QueryMix> mixes = QueryMix.all(Path.of(args[1]), index);
        QueryMix mix = mixes.stream().filter(m -> m.name().equals(args[2])).findFirst().orElseThrow();
        int rounds = Integer.parseInt(args[3]);
        try (LiveIndex live = new LiveIndex(new IndexStore(index))) {
            Searcher searcher = SemanticRanker.searcher(live, RankingConfig.defaults().with(System.getProperty("ranking", ""))).withoutResultCache().withTimeout(0);
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                List<SearchRequest> reqs = mix.requests();
                long[] t = new long[reqs.size()];
                long cpu0 = bean.getCurrentThreadCpuTime();
                for (int i = 0; i < t.length; i++) {
                    long t0 = System.nanoTime();
                    searcher.search(reqs.get(i));
                    t[i] = System.nanoTime() - t0;
                }
                long cpu = bean.getCurrentThreadCpuTime() - cpu0;
                Arrays.sort(t);
                System.out.printf("round %d p50 %.3f ms p99 %.3f ms cpu/search %.3f ms%n", r, t[t.length / 2] / 1e6,
                        t[(int) (t.length * 0.99)] / 1e6, cpu / 1e6 / t.length);
            }
        }
    }
}
