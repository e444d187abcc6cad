package org.medsearch.search.query;

/**
 * The most text query understanding reads for one search, and the most spelling lookups it makes. A
 * pasted page or a 10 kB hostile query then costs what a long question costs: the words past the budget
 * are not read (and the answer says so), every spelling lookup past it leaves its word as typed.
 *
 * @param maxChars        characters read from the start of the query (the longest LiveQA question has 534)
 * @param maxWords        whitespace-separated words read (the longest LiveQA question has 110)
 * @param spellingLookups words whose spelling candidates are looked up, per use (query correction, or
 *                        'did you mean'): each builds an edit automaton and walks the terms with it
 * @param phraseChecks    two-word phrases counted per 'did you mean' as evidence for a candidate
 */
public record QueryBudget(int maxChars, int maxWords, int spellingLookups, int phraseChecks) {
    /** Room for any real question, well short of what makes a search slow. */
    public static final QueryBudget DEFAULT = new QueryBudget(2_000, 200, 24, 200);

    /** A fresh count of lookups for one use of spelling. */
    public Lookups lookups() {
        return new Lookups(spellingLookups, phraseChecks);
    }

    /** The part of a query that is read; {@code truncated} when some of it was left out. */
    public record Cut(String text, boolean truncated) {
        /** What the answer says when the query was cut. */
        public String note() {
            return String.format("Only the first %,d words of the query were read", words(text));
        }
    }

    /** The start of {@code text} within the budget, cut at a space where there is one. */
    public Cut cut(String text) {
        String s = text == null ? "" : text;
        String kept = s.length() > maxChars ? atSpace(s, maxChars) : s;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < kept.length(); i++) {
            boolean space = Character.isWhitespace(kept.charAt(i));
            if (!space && !inWord && ++words > maxWords) {
                kept = kept.substring(0, i);
                break;
            }
            inWord = !space;
        }
        kept = kept.strip();
        return kept.length() < s.strip().length() ? new Cut(kept, true) : new Cut(s, false);
    }

    /** The first {@code n} characters, backed up to the last space in their second half if there is one. */
    private static String atSpace(String s, int n) {
        for (int i = n; i > n / 2; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return s.substring(0, i);
            }
        }
        // One enormous "word": cut it; a surrogate pair is not split.
        return s.substring(0, Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n);
    }

    static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** A countdown of spelling lookups for one use; shared by every word of that use. */
    public static final class Lookups {
        private final int maxWords;
        private final int maxPhrases;
        private int words;
        private int phrases;

        public Lookups(int maxWords, int maxPhrases) {
            this.maxWords = maxWords;
            this.maxPhrases = maxPhrases;
        }

        /** No limit: for a single word corrected on its own. */
        static Lookups unlimited() {
            return new Lookups(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }

        /** True (and counted) when one more word may be looked up. */
        boolean takeWord() {
            return words < maxWords && ++words > 0;
        }

        /** True (and counted) when one more phrase may be counted. */
        boolean takePhrase() {
            return phrases < maxPhrases && ++phrases > 0;
        }

        /** Words looked up so far. */
        public int words() {
            return words;
        }

        /** Phrases counted so far. */
        public int phrases() {
            return phrases;
        }
    }
}
