package org.medsearch.search;

import org.apache.lucene.index.IndexReader;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.Spelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The spelling of one index generation: one {@link Spelling} (one spell checker) for every search on it,
 * and its answers remembered, since they depend only on the words and the generation's vocabulary.
 * Repeated words ('symptoms', 'treatment') and repeated questions then cost a map lookup.
 */
final class SnapshotSpelling implements QueryBuilder.TermCorrector {
    private static final int CAPACITY = 4096;

    private final Spelling spelling;
    private final BoundedCache<String, String> corrections = new BoundedCache<>(CAPACITY);
    private final BoundedCache<String, Optional<String>> suggestions = new BoundedCache<>(CAPACITY);

    SnapshotSpelling(IndexReader reader) {
        this.spelling = new Spelling(reader);
    }

    @Override
    public String correct(String stem) {
        return corrections.get(stem, spelling::correct);
    }

    /** 'Did you mean' for a query as typed, or null (see {@link Spelling#suggest}). */
    String suggest(String query) {
        return suggestions.get(query, q -> {
            try {
                return Optional.ofNullable(spelling.suggest(q));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }

    /** Fuzzy lookups the checker has made on this generation. */
    long lookups() {
        return spelling.lookupCount();
    }
}
