package org.medsearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

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
}
