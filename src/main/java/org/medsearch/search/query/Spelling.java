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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling from the index's own vocabulary (Lucene's DirectSpellChecker: no side dictionary to build or
 * keep in step), with one checker and one set of limits behind its two uses:
 * <ul>
 *   <li>{@link #correct}: a query word the index has never seen ('diahrrea', 'syntoms') is searched as
 *   the closest stem the index has; a word it knows is never touched;</li>
 *   <li>{@link #suggest}: 'did you mean', the query rewritten in the index's unstemmed words
 *   ({@link Fields#WORDS}) so it reads as text. A word the index has never seen takes its closest
 *   better-known neighbour ('astma' -> 'asthma'); a word it knows is kept unless the phrase evidence is
 *   overwhelming: its neighbour forms a known phrase only with the correction ('hart attack' -> 'heart
 *   attack', while 'hart' alone is left alone).</li>
 * </ul>
 * The two uses look in two fields because they answer two questions: the search matches stems, the
 * person reads words.
 */
public final class Spelling implements QueryBuilder.TermCorrector {
    /** Three-letter words have too many neighbours one edit away to correct safely. */
    private static final int MIN_LENGTH = 4;
    /**
     * A word searched is corrected silently, so it takes one letter more than a word only suggested
     * (which the person may decline): four-letter slips in long questions ('kinf', 'pedi') are left as typed.
     */
    private static final int MIN_LENGTH_SEARCHED = MIN_LENGTH + 1;
    /** Longer "words" are pasted junk, not typos; building their edit automaton takes seconds (issue 6). */
    static final int MAX_LENGTH = 40;
    /**
     * Lucene scores closeness as 1 - edits / length of the shorter word: at 0.7 a word takes one edit,
     * and two only from seven letters on (two edits turn too many short real words into other words,
     * 'treat' -> 'test').
     */
    private static final float ACCURACY = 0.7f;
    /** Candidates weighed for a 'did you mean' word, by closeness, frequency and phrase evidence. */
    private static final int CANDIDATES = 20;
    /** A known word yields only to a correction at least this many times more frequent... */
    private static final int KNOWN_WORD_RATIO = 20;
    /** ...whose phrase with the neighbour occurs in at least this many articles. */
    private static final int MIN_PHRASE_DOCS = 2;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    public Spelling(IndexReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setMaxQueryLength(MAX_LENGTH);
        checker.setMaxEdits(2);
        checker.setAccuracy(ACCURACY);
    }

    /** The index's stem closest to an analysed query word it does not know; the word itself otherwise. */
    @Override
    public String correct(String stem) {
        return correct(stem, QueryBudget.Lookups.unlimited());
    }

    /** A corrector for one query: its lookups, all words together, stay within {@code lookups}. */
    public QueryBuilder.TermCorrector within(QueryBudget.Lookups lookups) {
        return stem -> correct(stem, lookups);
    }

    private String correct(String stem, QueryBudget.Lookups lookups) {
        try {
            if (stem.length() < MIN_LENGTH_SEARCHED || !correctable(stem) || knownStem(stem) || !lookups.takeWord()) {
                return stem;
            }
            SuggestWord[] s = checker.suggestSimilar(new Term(Fields.BODY, stem), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return s.length > 0 ? s[0].string : stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query with misspelled words corrected, as readable text, or null when every word is fine. */
    public String suggest(String query) throws IOException {
        return suggest(query, QueryBudget.DEFAULT.lookups());
    }

    /** {@link #suggest(String)} within a lookup budget: words past it are kept as typed. */
    public String suggest(String query, QueryBudget.Lookups lookups) throws IOException {
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
                    : sameCase(typed, suggestWord(words.get(i), left, right, lookups));
            if (!c.equalsIgnoreCase(words.get(i))) {
                fixed.set(i, c);
                changed = true;
            }
        }
        return changed ? rewrite(query, spans, words, fixed) : null;
    }

    /** Digits mark codes and doses, not typos; very short and very long words are left alone (see the limits). */
    private static boolean correctable(String word) {
        return word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH && word.chars().noneMatch(Character::isDigit);
    }

    /** The query as typed with only the corrected words replaced, spacing and punctuation kept. */
    private static String rewrite(String query, List<int[]> spans, List<String> words, List<String> fixed) {
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

    private String suggestWord(String word, String left, String right, QueryBudget.Lookups lookups) throws IOException {
        if (!correctable(word) || !lookups.takeWord()) {
            return word;
        }
        int freq = reader.docFreq(new Term(Fields.WORDS, word));
        SuggestWord[] candidates = checker.suggestSimilar(new Term(Fields.WORDS, word), CANDIDATES, reader,
                SuggestMode.SUGGEST_MORE_POPULAR);
        if (freq == 0 && !knownWord(word)) {
            return likeliest(word, candidates, left, right, lookups);
        }
        for (SuggestWord c : candidates) {
            if (c.freq < (long) KNOWN_WORD_RATIO * Math.max(1, freq)) {
                continue;
            }
            boolean leftPhrase = left != null && phraseDocs(left, c.string, lookups) >= MIN_PHRASE_DOCS && phraseDocs(left, word, lookups) == 0;
            boolean rightPhrase = right != null && phraseDocs(c.string, right, lookups) >= MIN_PHRASE_DOCS && phraseDocs(word, right, lookups) == 0;
            if (leftPhrase || rightPhrase) {
                return c.string;
            }
        }
        return word;
    }

    /**
     * For an unknown word, the likeliest candidate, trading closeness against how common the word is (so
     * 'astm' becomes 'asthma', not the rare gene name 'aspm'), and favouring one that forms a known
     * phrase with a neighbour.
     */
    private String likeliest(String word, SuggestWord[] candidates, String left, String right,
                             QueryBudget.Lookups lookups) throws IOException {
        String best = word;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SuggestWord c : candidates) {
            double score = c.score + 0.1 * Math.log10(c.freq);
            if (phraseDocs(left, c.string, lookups) > 0 || phraseDocs(c.string, right, lookups) > 0) {
                score += 0.2;
            }
            if (score > bestScore) {
                best = c.string;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * A word the search itself understands through its stem ('treat' in an index that only says
     * 'treated'): a real word, so only phrase evidence may replace it.
     */
    private boolean knownWord(String word) throws IOException {
        List<String> stems = Analyzers.tokens(word);
        if (stems.isEmpty()) {
            return true; // a stop word
        }
        for (String stem : stems) {
            if (!knownStem(stem)) {
                return false;
            }
        }
        return true;
    }

    /** A stem some section's body, title or other names uses. */
    private boolean knownStem(String stem) throws IOException {
        return reader.docFreq(new Term(Fields.BODY, stem)) > 0 || reader.docFreq(new Term(Fields.TITLE, stem)) > 0
                || reader.docFreq(new Term(Fields.ALIASES, stem)) > 0;
    }

    /** Articles with the two words in a row; 0 (no evidence) past the lookup budget. */
    private int phraseDocs(String a, String b, QueryBudget.Lookups lookups) throws IOException {
        if (a == null || b == null || !lookups.takePhrase()) {
            return 0;
        }
        return searcher.count(new PhraseQuery(Fields.WORDS, a, b));
    }
}
