package org.medsearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The single place that builds the analyzer used both at index and at query time. */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * English analysis: standard tokenizer, possessive removal, lower-casing, English stop words and
     * Porter stemming, so 'cramps' finds 'cramp' and 'causes' finds 'caused'. Positions are kept, so
     * phrase queries still work (stop words leave position gaps that the phrase builder respects).
     */
    public static Analyzer english() {
        return new EnglishAnalyzer();
    }

    /**
     * Words as written, only lower-cased: no stemming and no stop words, so the vocabulary of
     * {@link Fields#WORDS} reads back as real words ('diabetes', not 'diabet') for 'did you mean'.
     */
    public static Analyzer plain() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    /** The index-time analyzer: English everywhere except the unstemmed {@link Fields#WORDS} field. */
    public static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(english(), java.util.Map.of(Fields.WORDS, plain()));
    }

    private static final Analyzer SHARED = english();

    /** The analysed tokens of a text (lower-cased, stemmed, stop words removed). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = SHARED.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** An analysed token and the text it was made from, as typed ('Diahrrea' for 'diahrrea'). */
    public record Token(String term, String typed) {
    }

    /** The analysed tokens of a text with the words they came from, for showing what was searched. */
    public static List<Token> tokensAsTyped(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = SHARED.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), text.substring(offset.startOffset(), offset.endOffset())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A name's analysed tokens joined by spaces: the same key for 'Noonan Syndrome' and 'noonan syndromes'. */
    public static String key(String name) {
        return String.join(" ", tokens(name));
    }
}
