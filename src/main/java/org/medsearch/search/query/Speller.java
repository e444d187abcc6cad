package org.medsearch.search.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Corrects query words the index has never seen ('diahrrea', 'syntoms') to the closest word it has,
 * straight from the index's own vocabulary (Lucene's DirectSpellChecker: no side dictionary to build
 * or keep in step). Words the index knows are never touched.
 */
public final class Speller implements QueryBuilder.TermCorrector {
    /** Shorter words have too many near neighbours to correct safely. */
    private static final int MIN_LENGTH = 5;
    /** Longer "words" are pasted junk, not typos; building their edit automaton takes seconds (issue 6). */
    static final int MAX_LENGTH = 40;

    private final IndexReader reader;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    public Speller(IndexReader reader) {
        this.reader = reader;
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setMaxQueryLength(MAX_LENGTH);
        checker.setMaxEdits(2);
        checker.setAccuracy(0.7f);
    }

    @Override
    public String correct(String token) {
        if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH || token.chars().anyMatch(Character::isDigit)) {
            return token;
        }
        try {
            if (known(token)) {
                return token;
            }
            SuggestWord[] s = checker.suggestSimilar(new Term(Fields.BODY, token), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return s.length > 0 ? s[0].string : token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean known(String token) throws IOException {
        return reader.docFreq(new Term(Fields.BODY, token)) > 0 || reader.docFreq(new Term(Fields.TITLE, token)) > 0
                || reader.docFreq(new Term(Fields.ALIASES, token)) > 0;
    }
}
