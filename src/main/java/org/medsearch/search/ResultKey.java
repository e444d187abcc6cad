package org.medsearch.search;

import org.medsearch.ingest.SectionKind;

import java.util.Set;

/**
 * A search request normalised for the result cache: the query's outer spaces trimmed, kinds and sources
 * compared as sets. Case and inner spacing are kept, since the spelling suggestion echoes the query as typed.
 */
record ResultKey(String query, Set<SectionKind> kinds, Set<String> sources, int page, int size) {
    static ResultKey of(SearchRequest r) {
        return new ResultKey(r.query().strip(), Set.copyOf(r.kinds()),
                Set.copyOf(r.sources()), r.page(), r.size());
    }
}
