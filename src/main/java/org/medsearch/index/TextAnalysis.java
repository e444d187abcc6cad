package org.medsearch.index;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * One text analysed once for every field that indexes it: the standard tokenizer runs once, and its tokens feed
 * both the English chain ({@link Analyzers#english()}: possessives, lower case, stop words, Porter stems) and the
 * unstemmed one ({@link Analyzers#plain()}: lower case only). Each article's title, names, headings and section
 * texts are indexed in two to four fields and on many documents, and analysing each again was a third of the
 * indexing work. The chains are the analyzers' own filters in the analyzers' order, so the tokens are the same.
 *
 * @param english the tokens of {@link Analyzers#english()}
 * @param plain   the tokens of {@link Analyzers#plain()}
 */
record TextAnalysis(RecordedTokens english, RecordedTokens plain) {
    private static final ThreadLocal<Chains> CHAINS = ThreadLocal.withInitial(Chains::new);

    /** The text's tokens in both analyses. */
    static TextAnalysis of(String text) {
        try {
            return CHAINS.get().analyse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
    }

    /** The analysed terms joined by spaces, as {@link Analyzers#key} makes a name's key. */
    String key() {
        return english.joinedTerms();
    }

    /** A thread's tokenizer and the two filter chains, built once and reused as an Analyzer reuses its components. */
    private static final class Chains {
        private final StandardTokenizer tokenizer = new StandardTokenizer();
        private final RecordedTokens.Source englishSource = new RecordedTokens.Source();
        private final TokenStream english = new PorterStemFilter(new StopFilter(new LowerCaseFilter(
                new EnglishPossessiveFilter(englishSource)), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
        private final RecordedTokens.Source plainSource = new RecordedTokens.Source();
        // The plain analyzer's stop filter has an empty set: it drops nothing and changes no increment.
        private final TokenStream plain = new LowerCaseFilter(plainSource);

        TextAnalysis analyse(String text) throws IOException {
            tokenizer.setReader(new StringReader(text));
            RecordedTokens raw = RecordedTokens.of(tokenizer);
            englishSource.set(raw);
            plainSource.set(raw);
            return new TextAnalysis(RecordedTokens.of(english), RecordedTokens.of(plain));
        }
    }
}
