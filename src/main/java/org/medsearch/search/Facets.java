package org.medsearch.search;

import java.util.Map;

/**
 * Counts of matching articles by section kind and by source, for filter chips.
 *
 * @param kind   section kind id to the number of articles with a matching section of that kind
 * @param source source name to the number of matching articles from that source
 */
public record Facets(Map<String, Long> kind, Map<String, Long> source) {
    /** No counts: an empty query or a search that was not counted. */
    public static final Facets EMPTY = new Facets(Map.of(), Map.of());
}
