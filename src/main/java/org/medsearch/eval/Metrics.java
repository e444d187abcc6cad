package org.medsearch.eval;

import java.util.List;
import java.util.Map;

/**
 * Per-query effectiveness measures, computed as trec_eval 9.x computes them.
 *
 * <p>Each takes a ranking in trec_eval's order (see {@link TrecRun}) and the query's grades by doc
 * id. A retrieved doc missing from the grades is not relevant and has no gain, as a judged-zero
 * doc (form_res_rels.c gives it relevance -1). Cutoffs count positions in the ranking, so a
 * ranking shorter than the cutoff is treated as padded with non-relevant docs.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * nDCG@k as trec_eval's {@code ndcg_cut.k} (m_ndcg_cut.c): gain is the raw grade whatever the
     * relevance level ({@code -l} does not apply), discounted by log2(rank + 1); the ideal DCG ranks
     * all positively graded docs judged for the query by grade, retrieved or not.
     * 0 when the query has no positive grade.
     */
    public static double ndcgAt(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0.0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += Math.max(0, grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        int[] ideal = grades.values().stream().filter(g -> g > 0)
                .sorted((a, b) -> Integer.compare(b, a)).mapToInt(Integer::intValue).toArray();
        double idealDcg = 0.0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idealDcg += ideal[i] / log2(i + 2);
        }
        // m_ndcg_cut.c only divides when the ideal is positive; the DCG is then 0 anyway.
        return idealDcg > 0.0 ? dcg / idealDcg : dcg;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * Reciprocal rank of the first doc graded at least {@code minGrade} within the top k; 0 if none.
     * trec_eval's {@code recip_rank} (m_recip_rank.c) has no cutoff: this is it with a cut at k.
     */
    public static double mrrAt(List<String> ranking, Map<String, Integer> grades, int k, int minGrade) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant(ranking.get(i), grades, minGrade)) {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }

    /**
     * Average precision cut at k, as {@code map_cut.k} (m_map_cut.c): precision at each relevant doc
     * in the top k, summed and divided by the number of relevant docs judged for the query (not
     * just those retrieved). 0 when the query has no relevant doc.
     */
    public static double mapAt(List<String> ranking, Map<String, Integer> grades, int k, int minGrade) {
        long relevantJudged = countRelevant(grades, minGrade);
        if (relevantJudged == 0) {
            return 0.0;
        }
        double sum = 0.0;
        int found = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant(ranking.get(i), grades, minGrade)) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevantJudged;
    }

    /**
     * Recall@k, as {@code recall.k} (m_recall.c): relevant docs in the top k over relevant docs
     * judged for the query. 0 when the query has no relevant doc.
     */
    public static double recallAt(List<String> ranking, Map<String, Integer> grades, int k, int minGrade) {
        long relevantJudged = countRelevant(grades, minGrade);
        if (relevantJudged == 0) {
            return 0.0;
        }
        long found = ranking.stream().limit(k).filter(doc -> relevant(doc, grades, minGrade)).count();
        return (double) found / relevantJudged;
    }

    private static boolean relevant(String docId, Map<String, Integer> grades, int minGrade) {
        Integer grade = grades.get(docId);
        return grade != null && grade >= minGrade;
    }

    private static long countRelevant(Map<String, Integer> grades, int minGrade) {
        return grades.values().stream().filter(g -> g >= minGrade).count();
    }
}
