package org.medsearch.search;

import org.apache.lucene.index.IndexReader;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.QueryBudget;
import org.medsearch.search.query.Spelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The spelling of one index generation: one {@link Spelling} (one spell checker) for every search on it,
 * and its answers remembered, since they depend only on the words and the generation's vocabulary.
 * Repeated words ('symptoms', 'treatment') and repeated questions then cost a map lookup.
 */
final class SnapshotSpelling {
    private static final int CAPACITY = 4096;

    private final Spelling spelling;
    private final BoundedCache<String, Optional<String>> corrections = new BoundedCache<>(CAPACITY);
    private final BoundedCache<String, Optional<String>> readables = new BoundedCache<>(CAPACITY);
    private final BoundedCache<String, Optional<String>> suggestions = new BoundedCache<>(CAPACITY);

    SnapshotSpelling(IndexReader reader) {
        this.spelling = new Spelling(reader);
    }

    /**
     * A corrector for one query: remembered corrections (and the readable words shown for them) are free,
     * new ones spend {@code lookups}.
     */
    QueryBuilder.TermCorrector within(QueryBudget.Lookups lookups) {
        QueryBuilder.TermCorrector fresh = spelling.within(lookups);
        return new QueryBuilder.TermCorrector() {
            @Override
            public String correct(String stem) {
                return remembered(corrections, stem, lookups, () -> Optional.of(fresh.correct(stem))).orElseThrow();
            }

            @Override
            public String readable(String typed, String stem) {
                return remembered(readables, typed + '\n' + stem, lookups,
                        () -> Optional.ofNullable(fresh.readable(typed, stem))).orElse(null);
            }
        };
    }

    /**
     * The remembered answer for {@code key}, or a fresh one, remembered unless the budget cut it short: an
     * answer given because no lookup was left is not the word's answer.
     */
    private static Optional<String> remembered(BoundedCache<String, Optional<String>> cache, String key,
                                               QueryBudget.Lookups lookups, Supplier<Optional<String>> fresh) {
        Optional<String> known = cache.peek(key);
        if (known != null) {
            return known;
        }
        int before = lookups.words();
        boolean spent = lookups.wordsSpent();
        Optional<String> answer = fresh.get();
        if (lookups.words() > before || !spent) {
            cache.put(key, answer);
        }
        return answer;
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
