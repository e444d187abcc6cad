package org.medsearch.eval;

import java.util.List;

/** The search path under evaluation: the best {@code size} documents for a query, best first. */
@FunctionalInterface
public interface Retriever {

    /** Returns at most {@code size} documents in the order a user would see them. */
    List<RankedDoc> retrieve(String queryText, int size);
}
