package org.medsearch.search;

import java.util.Comparator;

/**
 * A section in the running for a query: its document, its score, and its article's number.
 *
 * @param doc     top-level Lucene document id of the section
 * @param score   its ranking score
 * @param article dense article number ({@link IndexSnapshot#articleOf})
 */
record Candidate(int doc, float score, int article) {

    /** Best first; equal scores by article id, then page order, so rankings never depend on index order. */
    static Comparator<Candidate> order(IndexSnapshot snapshot) {
        return Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparing(c -> snapshot.articleId(c.article()))
                .thenComparingInt(Candidate::doc);
    }
}
