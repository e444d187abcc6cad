package org.medsearch.search;

import org.medsearch.ingest.SectionKind;

import java.util.Set;

/**
 * A search request normalised for the result cache: the query's outer spaces trimmed, kinds and sources
 * compared as sets. Case and inner spacing are kept, since the spelling suggestion echoes the query as typed.
 * The searcher that ranked it is part of the key (by identity): two searchers with other ranking knobs
 * ({@code eval --ranking}, the benchmark's) on one index generation must not serve each other's pages.
 */
record ResultKey(Object searcher, String query, Set<SectionKind> kinds, Set<String> sources, int page, int size) {
    static ResultKey of(Object searcher, SearchRequest r) {
        return new ResultKey(searcher, r.query().strip(), Set.copyOf(r.kinds()),
                Set.copyOf(r.sources()), r.page(), r.size());
    }
}
