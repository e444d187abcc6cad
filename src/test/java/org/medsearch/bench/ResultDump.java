package org.medsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.medsearch.index.IndexStore;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Searcher;
import org.medsearch.search.SemanticRanker;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the page of every distinct request of the bench's mixes (as {@code bench} searches them: semantic
 * blend on, result cache off, no deadline), one JSON line each with its time zeroed, so two builds' outputs can be diffed
 * before a speed change is kept. Not a test: run it with the test classpath,
 * {@code java -cp target/test-classes:target/medsearch.jar:target/lib/* org.medsearch.bench.ResultDump INDEX QUERIES_DIR OUT}.
 */
public final class ResultDump {
    private ResultDump() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        List<QueryMix> mixes = QueryMix.all(Path.of(args[1]), index);
        ObjectMapper json = new ObjectMapper();
        try (LiveIndex live = new LiveIndex(new IndexStore(index));
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            Searcher searcher = SemanticRanker.searcher(live, RankingConfig.defaults().with(System.getProperty("ranking", ""))).withoutResultCache()
                    // No deadline: on a busy machine a cold search cut short would differ from run to run.
                    .withTimeout(0);
            for (QueryMix mix : mixes) {
                Set<SearchRequest> distinct = new LinkedHashSet<>(mix.requests());
                for (SearchRequest r : distinct) {
                    SearchResults page = searcher.search(r);
                    page = page.with(page.suggestion(), page.correctedFrom(), page.facets(), 0);
                    out.write(mix.name() + "\t" + r + "\t" + json.writeValueAsString(page) + "\n");
                }
            }
        }
    }
}
