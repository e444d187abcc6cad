package org.medsearch.eval;

/**
 * One retrieved document and the score the engine gave it.
 *
 * @param docId the judged unit: {@code <articleId>#<anchor>} for sections, the article id for articles
 * @param score higher is better
 */
public record RankedDoc(String docId, double score) {
    public RankedDoc {
        TrecRun.requireToken(docId, "doc id");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score of " + docId + " is not finite: " + score);
        }
    }
}
