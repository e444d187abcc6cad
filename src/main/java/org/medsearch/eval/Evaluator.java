package org.medsearch.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs queries through a {@link Retriever} and scores the run against qrels, with the numbers
 * {@code trec_eval -c -m ndcg_cut.10 -m recip_rank -m map_cut.100 -m recall.100 -l2} would print
 * (recip_rank cut at 10): a judged question that retrieved nothing counts 0, so a silent engine is not flattered.
 */
public final class Evaluator {

    /** The lowest grade that counts as relevant for MRR, MAP and recall (trec_eval's -l2). */
    public static final int RELEVANT_GRADE = 2;

    private Evaluator() {
    }

    /** A run and its scores. */
    public record Result(TrecRun run, EvalReport report) {
    }

    /**
     * Retrieves up to {@code size} docs for every query, one query after another in the given
     * order, and evaluates the run over the judged queries asked. Docs beyond {@code size} are dropped.
     *
     * @throws IllegalArgumentException if a ranking repeats a doc, or no query asked has judgments
     */
    public static Result run(List<Query> queries, Qrels qrels, Retriever retriever, int size, String tag) {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        for (Query query : queries) {
            List<RankedDoc> ranking = retriever.retrieve(query.text(), size);
            rankings.put(query.id(), ranking.subList(0, Math.min(size, ranking.size())));
        }
        TrecRun run = TrecRun.fromRankings(tag, rankings);
        return new Result(run, evaluate(run, qrels, rankings.keySet()));
    }

    /**
     * Scores a run file as {@code trec_eval -c} does: over every query of the qrels; one the run lacks
     * (it retrieved nothing) counts 0 on every figure. Queries of the run without qrels are ignored and
     * listed. A judged query with no relevant doc counts too, with MRR, MAP and recall 0.
     */
    public static EvalReport evaluate(TrecRun run, Qrels qrels) {
        Set<String> all = new LinkedHashSet<>(run.queryIds());
        all.addAll(qrels.queryIds());
        return evaluate(run, qrels, all);
    }

    /** Scores the judged queries among {@code asked}, in that order; the unjudged ones are listed. */
    private static EvalReport evaluate(TrecRun run, Qrels qrels, Collection<String> asked) {
        List<QueryScores> scores = new ArrayList<>();
        List<String> withoutJudgments = new ArrayList<>();
        List<String> withoutResults = new ArrayList<>();
        for (String qid : asked) {
            if (!qrels.hasJudgments(qid)) {
                withoutJudgments.add(qid);
                continue;
            }
            List<String> ranking = run.ranking(qid).stream().map(RankedDoc::docId).toList();
            if (ranking.isEmpty()) {
                withoutResults.add(qid);
            }
            scores.add(score(qid, ranking, qrels.grades(qid)));
        }
        return new EvalReport(scores, withoutJudgments, withoutResults);
    }

    /** The four figures of one query from its ranking (in trec_eval order) and its grades. */
    public static QueryScores score(String queryId, List<String> ranking, Map<String, Integer> grades) {
        return new QueryScores(queryId,
                Metrics.ndcgAt(ranking, grades, 10),
                Metrics.mrrAt(ranking, grades, 10, RELEVANT_GRADE),
                Metrics.mapAt(ranking, grades, 100, RELEVANT_GRADE),
                Metrics.recallAt(ranking, grades, 100, RELEVANT_GRADE));
    }
}
