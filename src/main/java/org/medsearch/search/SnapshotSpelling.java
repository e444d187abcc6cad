package org.medsearch.search;

import org.apache.lucene.index.IndexReader;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.QueryBudget;
import org.medsearch.search.query.Spelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The spelling of one index generation: one {@link Spelling} (one spell checker) for every search on it,
 * and its answers remembered, since they depend only on the words and the generation's vocabulary.
 * Repeated words ('symptoms', 'treatment') and repeated questions then cost a map lookup.
 */
final class SnapshotSpelling {
    private static final int CAPACITY = 4096;

    private final Spelling spelling;
    private final BoundedCache<String, String> corrections = new BoundedCache<>(CAPACITY);
    private final BoundedCache<String, Optional<String>> suggestions = new BoundedCache<>(CAPACITY);

    SnapshotSpelling(IndexReader reader) {
        this.spelling = new Spelling(reader);
    }

    /**
     * A corrector for one query: remembered corrections are free, new ones spend {@code lookups}. An answer
     * the budget cut short is not the word's answer, so only whole ones are remembered.
     */
    QueryBuilder.TermCorrector within(QueryBudget.Lookups lookups) {
        QueryBuilder.TermCorrector fresh = spelling.within(lookups);
        return new QueryBuilder.TermCorrector() {
            @Override
            public String correct(String stem) {
                String known = corrections.peek(stem);
                if (known != null) {
                    return known;
                }
                int before = lookups.words();
                boolean spent = lookups.wordsSpent();
                String corrected = fresh.correct(stem);
                if (lookups.words() > before || !spent) {
                    corrections.put(stem, corrected);
                }
                return corrected;
            }

            @Override
            public String readable(String typed, String stem) {
                return fresh.readable(typed, stem);
            }
        };
    }

    /** 'Did you mean' for a query as typed within {@code lookups}, or null (see {@link Spelling#suggest}). */
    String suggest(String query, QueryBudget.Lookups lookups) {
        return suggestions.get(query, q -> {
            try {
                return Optional.ofNullable(spelling.suggest(q, lookups));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }
}
