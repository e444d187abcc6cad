package org.medsearch.cli;

import org.medsearch.eval.EvalReport;
import org.medsearch.eval.Evaluator;
import org.medsearch.eval.JudgmentLevel;
import org.medsearch.eval.Qrels;
import org.medsearch.eval.Query;
import org.medsearch.eval.QueryFile;
import org.medsearch.eval.RankedDoc;
import org.medsearch.eval.Retriever;
import org.medsearch.eval.TrecRun;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code medsearch eval}: runs judged questions through the search path and prints nDCG@10, MRR@10, MAP@100, R@100. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate ranking on judged queries (TREC qrels); figures match trec_eval.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${sys:medsearch.home:-.}/index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--queries", required = true, paramLabel = "Q.tsv", description = "Queries, one 'qid<TAB>text' per line.")
    Path queries;

    @Option(names = "--qrels", required = true, paramLabel = "QRELS", description = "Judgements in TREC qrels format.")
    Path qrels;

    @Option(names = "--level", defaultValue = "sections", description = "sections or articles (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--run", paramLabel = "OUT.trec", description = "Also write the TREC run file here.")
    Path run;

    @Option(names = "--size", defaultValue = "100", description = "Results per query (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--ranking", paramLabel = "NAME=VALUE,...", hidden = true,
            description = "Override ranking knobs for an experiment (see RankingConfig).")
    String ranking;

    @Option(names = "--per-query", description = "Print the figures of every query too.")
    boolean perQuery;

    @Override
    public Integer call() throws Exception {
        JudgmentLevel judged = switch (level) {
            case "sections" -> JudgmentLevel.SECTIONS;
            case "articles" -> JudgmentLevel.ARTICLES;
            default -> throw new IllegalArgumentException("--level must be sections or articles, not '" + level + "'");
        };
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new IllegalArgumentException("--size must be between 1 and " + SearchRequest.MAX_SIZE);
        }
        try (LiveIndex live = new LiveIndex(new org.medsearch.index.IndexStore(index))) {
            // No search deadline: the figures measure the ranking, so they must not depend on how busy the machine is
            // (on a loaded machine the 1 s deadline cut long questions short and changed the run files).
            Searcher searcher = org.medsearch.search.SemanticRanker.searcher(live, org.medsearch.search.RankingConfig.defaults().with(ranking))
                    .withTimeout(0);
            List<Query> asked = QueryFile.read(queries);
            long start = System.nanoTime();
            Evaluator.Result result = Evaluator.run(asked, Qrels.read(qrels), retriever(searcher, judged), size,
                    TrecRun.DEFAULT_TAG);
            double ms = (System.nanoTime() - start) / 1e6;
            System.err.printf("searched %d queries in %.0f ms (%.1f ms per query, first ones include warm-up)%n",
                    asked.size(), ms, ms / Math.max(1, asked.size()));
            if (run != null) {
                result.run().write(run);
            }
            EvalReport report = result.report();
            System.out.print(report.format(perQuery));
        }
        return 0;
    }

    /** The same search path as the API: article hits, or the section ranking they are grouped from. */
    static Retriever retriever(Searcher searcher, JudgmentLevel level) {
        return (text, n) -> switch (level) {
            case ARTICLES -> searcher.search(new SearchRequest(text, null, 1, n)).hits().stream()
                    .map(h -> new RankedDoc(h.id(), h.score())).toList();
            case SECTIONS -> searcher.sections(text, n).stream().map(s -> new RankedDoc(s.id(), s.score())).toList();
        };
    }

}
