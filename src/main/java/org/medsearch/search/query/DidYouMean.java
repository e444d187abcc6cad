package org.medsearch.search.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 'Did you mean': the query with misspelled words replaced by words of the index's own unstemmed
 * vocabulary ({@link Fields#WORDS}), as readable text. A word the index has never seen takes its
 * closest better-known neighbour ('astma' -> 'asthma'). A word the index knows is kept, unless the
 * phrase evidence is overwhelming: its neighbour word forms a known phrase only with the correction
 * ('hart attack' -> 'heart attack', while 'hart' alone is left alone).
 */
public final class DidYouMean {
    /** Three-letter words have too many neighbours one edit away to correct safely. */
    private static final int MIN_LENGTH = 4;
    /** From this length on a word may be two edits away from its correction. */
    private static final int LONG_WORD = 6;
    /** A known word yields only to a correction at least this many times more frequent... */
    private static final int KNOWN_WORD_RATIO = 20;
    /** ...whose phrase with the neighbour occurs in at least this many articles. */
    private static final int MIN_PHRASE_DOCS = 2;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    public DidYouMean(IndexReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        checker.setMinQueryLength(MIN_LENGTH);
        // Lucene scores closeness as 1 - edits / length of the shorter word: the edit limit below is
        // the real bound, and frequency then decides between the candidates.
        checker.setAccuracy(0.5f);
    }

    /** The corrected query, or null when every word is fine. */
    public String suggest(String query) throws IOException {
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<String> fixed = new ArrayList<>(words);
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String left = i > 0 ? fixed.get(i - 1).toLowerCase(Locale.ROOT) : null;
            String right = i + 1 < words.size() ? words.get(i + 1) : null;
            String typed = query.substring(spans.get(i)[0], spans.get(i)[1]);
            // A capital inside a word marks a brand or gene name ('GlucaGen', 'HypoKit'): not a typo.
            String c = typed.substring(1).chars().anyMatch(Character::isUpperCase) ? words.get(i)
                    : sameCase(typed, correct(words.get(i), left, right));
            if (!c.equalsIgnoreCase(words.get(i))) {
                fixed.set(i, c);
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            out.append(query, at, span[0]).append(fixed.get(i).equalsIgnoreCase(words.get(i)) ? query.substring(span[0], span[1]) : fixed.get(i));
            at = span[1];
        }
        return out.append(query.substring(at)).toString().strip();
    }

    /** The correction capitalised like the word typed ('Wieddeman' -> 'Wiedemann'). */
    private static String sameCase(String typed, String correction) {
        return Character.isUpperCase(typed.charAt(0))
                ? Character.toUpperCase(correction.charAt(0)) + correction.substring(1) : correction;
    }

    private String correct(String word, String left, String right) throws IOException {
        if (word.length() < MIN_LENGTH) {
            return word;
        }
        int freq = reader.docFreq(new Term(Fields.WORDS, word));
        // Two edits turn too many short real words into other words ('treat' -> 'test').
        checker.setMaxEdits(word.length() < LONG_WORD ? 1 : 2);
        SuggestWord[] candidates = checker.suggestSimilar(new Term(Fields.WORDS, word), 20, reader,
                SuggestMode.SUGGEST_MORE_POPULAR);
        if (freq == 0 && !knownStem(word)) {
            // Unknown: the likeliest word, trading closeness against how common the word is (so
            // 'astm' becomes 'asthma', not the rare gene name 'aspm'), and favouring one that forms a
            // known phrase with a neighbour.
            String best = word;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (SuggestWord c : candidates) {
                double score = c.score + 0.1 * Math.log10(c.freq);
                if (phraseDocs(left, c.string) > 0 || phraseDocs(c.string, right) > 0) {
                    score += 0.2;
                }
                if (score > bestScore) {
                    best = c.string;
                    bestScore = score;
                }
            }
            return best;
        }
        for (SuggestWord c : candidates) {
            if (c.freq < (long) KNOWN_WORD_RATIO * Math.max(1, freq)) {
                continue;
            }
            boolean leftPhrase = left != null && phraseDocs(left, c.string) >= MIN_PHRASE_DOCS && phraseDocs(left, word) == 0;
            boolean rightPhrase = right != null && phraseDocs(c.string, right) >= MIN_PHRASE_DOCS && phraseDocs(word, right) == 0;
            if (leftPhrase || rightPhrase) {
                return c.string;
            }
        }
        return word;
    }

    /**
     * A word the search itself understands through its stem ('treat' in an index that only says
     * 'treated'): a real word, so only phrase evidence may replace it.
     */
    private boolean knownStem(String word) throws IOException {
        List<String> stems = Analyzers.tokens(word);
        if (stems.isEmpty()) {
            return true; // a stop word
        }
        for (String stem : stems) {
            if (reader.docFreq(new Term(Fields.BODY, stem)) == 0 && reader.docFreq(new Term(Fields.TITLE, stem)) == 0) {
                return false;
            }
        }
        return true;
    }

    private int phraseDocs(String a, String b) throws IOException {
        if (a == null || b == null) {
            return 0;
        }
        return searcher.count(new PhraseQuery(Fields.WORDS, a, b));
    }
}
