package org.medsearch.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A dictionary of phrases in analysed form and the longest-match scan that finds them in a question's
 * analysed tokens: at each position the longest phrase wins, and found phrases do not overlap. Written
 * by hand because Lucene's SynonymGraphFilter scans only inside an analysis chain, while here one list of
 * tokens feeds spelling, synonyms, focus and the query alike.
 */
final class PhraseScanner {
    private final Set<String> phrases;
    /** The most words in one phrase: no longer span need be tried. */
    private final int longest;

    PhraseScanner(Set<String> phrases) {
        this.phrases = Set.copyOf(phrases);
        this.longest = this.phrases.stream().mapToInt(p -> p.split(" ").length).max().orElse(0);
    }

    /** A phrase found at token {@code start}, {@code length} tokens long. */
    record Match(String phrase, int start, int length) {
    }

    /** The phrases found in the tokens, in order. */
    List<String> scan(List<String> tokens) {
        return matches(tokens).stream().map(Match::phrase).toList();
    }

    /** The phrases found in the tokens with where they were found, in order. */
    List<Match> matches(List<String> tokens) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                String candidate = String.join(" ", tokens.subList(i, i + n));
                if (phrases.contains(candidate)) {
                    found.add(new Match(candidate, i, n));
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return found;
    }
}
