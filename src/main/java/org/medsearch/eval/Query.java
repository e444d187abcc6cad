package org.medsearch.eval;

/**
 * One evaluation query: the id the qrels use and the text sent to the search engine.
 *
 * @param id   the query id; no whitespace, since it becomes the first column of a TREC run
 * @param text the query as a user would type it
 */
public record Query(String id, String text) {
    public Query {
        TrecRun.requireToken(id, "query id");
        if (id.startsWith("#")) {
            // trec_eval skips run and qrels lines that start with '#' as comments.
            throw new IllegalArgumentException("query id must not start with '#': " + id);
        }
    }
}
