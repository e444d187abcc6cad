package org.medsearch.search;

import org.medsearch.ingest.SectionKind;

import java.util.Set;

/**
 * A validated search: the query text, the kinds of section to search in (empty: all), and the page.
 *
 * @param query text as typed
 * @param kinds section kinds to search in; empty for all
 * @param page  1-based page number
 * @param size  articles per page
 * @param sources sources to search in; empty for all (an unknown source simply matches nothing)
 */
public record SearchRequest(String query, Set<SectionKind> kinds, int page, int size, Set<String> sources) {
    /** Largest page size the engine serves. */
    public static final int MAX_SIZE = 100;
    /** Deepest result the engine pages to: beyond it, ranking is noise and cost grows. */
    public static final int MAX_WINDOW = 1000;

    public SearchRequest {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page * size must not exceed " + MAX_WINDOW);
        }
    }

    /** A search over all sources. */
    public SearchRequest(String query, Set<SectionKind> kinds, int page, int size) {
        this(query, kinds, page, size, Set.of());
    }

    /** The same search for another query text (used to show a spelling correction's results). */
    public SearchRequest withQuery(String text) {
        return new SearchRequest(text, kinds, page, size, sources);
    }

    /** First page of ten results over all kinds. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Set.of(), 1, 10);
    }
}
