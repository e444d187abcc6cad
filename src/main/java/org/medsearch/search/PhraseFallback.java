package org.medsearch.search;

import org.medsearch.search.query.UserQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A second reading of a question whose quoted phrases leave nothing: people paste questions quoting a
 * label or what someone said ('literature state "refrigerate until opened."'), and a quotation no page
 * contains should not empty the results of the rest of the question. Its phrases are then read as plain
 * words. A query that is nothing but phrases is left as it is, so it keeps its 'did you mean'.
 */
final class PhraseFallback {
    /** Phrases checked: as many as the query builder reads as phrases (the rest are plain words already). */
    private static final int MAX_CHECKED = 8;

    private PhraseFallback() {
    }

    /**
     * The query read without its phrases.
     *
     * @param query     the phrases as plain words
     * @param unmatched the phrases no section contains on its own (empty: each matches, but not together)
     * @param relaxed   every phrase so read
     */
    record Relaxed(UserQuery query, List<String> unmatched, List<String> relaxed) {
        /** What the answer says about it, naming the phrases no page contains. */
        String note() {
            if (unmatched.isEmpty()) {
                return "No page contains " + quoted(relaxed, " and ") + " together; showing results without requiring them";
            }
            String without = relaxed.size() > unmatched.size() ? "without requiring the quoted phrases"
                    : unmatched.size() == 1 ? "without that phrase" : "without those phrases";
            return "No page contains " + quoted(unmatched, " or ") + " exactly; showing results " + without;
        }

        private static String quoted(List<String> phrases, String joiner) {
            return phrases.stream().map(p -> "\"" + p.strip() + "\"").collect(Collectors.joining(joiner));
        }
    }

    /**
     * The query with its wanted phrases read as plain words, when it also has plain words and at least one
     * phrase; {@code matches} counts the sections a phrase clause finds on its own (for the note).
     */
    static Optional<Relaxed> of(UserQuery query, ToLongFunction<UserQuery.Clause> matches) {
        boolean hasWords = query.clauses().stream().anyMatch(c -> !c.excluded() && !c.phrase());
        if (!hasWords) {
            return Optional.empty();
        }
        List<UserQuery.Clause> clauses = new ArrayList<>();
        List<String> relaxed = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (UserQuery.Clause c : query.clauses()) {
            if (c.phrase() && !c.excluded()) {
                clauses.add(new UserQuery.Clause(c.text(), false, false, c.kind()));
                relaxed.add(c.text());
                if (relaxed.size() <= MAX_CHECKED && matches.applyAsLong(c) == 0) {
                    unmatched.add(c.text());
                }
            } else {
                clauses.add(c);
            }
        }
        return relaxed.isEmpty() ? Optional.empty() : Optional.of(new Relaxed(new UserQuery(clauses), unmatched, relaxed));
    }
}
