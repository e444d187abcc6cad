package org.medsearch.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs queries through a {@link Retriever} and scores the run against qrels, with the numbers
 * {@code trec_eval -m ndcg_cut.10 -m recip_rank -m map_cut.100 -m recall.100 -l2} would print
 * (recip_rank cut at 10).
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
     * order, and evaluates the run. Docs beyond {@code size} are dropped.
     *
     * @throws IllegalArgumentException if a ranking repeats a doc, or no query has both results and judgments
     */
    public static Result run(List<Query> queries, Qrels qrels, Retriever retriever, int size, String tag) {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        for (Query query : queries) {
            List<RankedDoc> ranking = retriever.retrieve(query.text(), size);
            rankings.put(query.id(), ranking.subList(0, Math.min(size, ranking.size())));
        }
        TrecRun run = TrecRun.fromRankings(tag, rankings);
        return new Result(run, evaluate(run, qrels));
    }

    /**
     * Scores a run as trec_eval does without {@code -c}: only queries both in the run and in the
     * qrels count (trec_eval.c loops over the qrels queries and skips those the run lacks; queries
     * of the run without qrels are never visited). A judged query with no relevant doc still counts,
     * with MRR, MAP and recall 0 (m_map_cut.c and m_recall.c leave the value at 0).
     */
    public static EvalReport evaluate(TrecRun run, Qrels qrels) {
        List<QueryScores> scores = new ArrayList<>();
        List<String> withoutJudgments = new ArrayList<>();
        for (String qid : run.queryIds()) {
            if (qrels.hasJudgments(qid)) {
                List<String> ranking = run.ranking(qid).stream().map(RankedDoc::docId).toList();
                scores.add(score(qid, ranking, qrels.grades(qid)));
            } else {
                withoutJudgments.add(qid);
            }
        }
        List<String> withoutResults = qrels.queryIds().stream()
                .filter(qid -> run.ranking(qid).isEmpty()).toList();
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
