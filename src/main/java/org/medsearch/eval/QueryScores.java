package org.medsearch.eval;

/**
 * The four figures of one query (or their means, under the id {@code all}).
 *
 * @param queryId   the query id, or {@code all} for the means
 * @param ndcg10    nDCG@10 with graded gains
 * @param mrr10     reciprocal rank of the first relevant doc in the top 10
 * @param map100    average precision over the top 100
 * @param recall100 recall over the top 100
 */
public record QueryScores(String queryId, double ndcg10, double mrr10, double map100, double recall100) {
}
