package org.medsearch.search.query;

import java.util.List;

/**
 * How a query was understood, shown to the person and in the API.
 *
 * @param focus names of indexed articles the query mentions (analysed form)
 * @param asks  kinds of section the question asks for
 * @param terms the words searched for, after dropping filler and correcting spelling
 */
public record Understanding(List<String> focus, List<String> asks, List<String> terms) {
    static final Understanding EMPTY = new Understanding(List.of(), List.of(), List.of());
}
