package org.medsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage as a little document, times a bonus for an early start), the
 * same value to the last bit, without the term hash table Lucene's {@link PassageScorer#score} builds for
 * every passage it scores: its 32 KB block was allocated and hashed for each candidate sentence of each
 * shown section (7% of a keyword search's samples). A passage holds a handful of matches, so the distinct
 * terms are found by a scan of the few seen; a passage with more than {@link #SCAN_LIMIT} goes to Lucene's.
 * One instance per highlighting call: it reuses its arrays and is not for use by two threads.
 */
final class ReusingPassageScorer extends PassageScorer {
    static final int SCAN_LIMIT = 32;

    private final BytesRef[] terms = new BytesRef[SCAN_LIMIT];
    private final int[] inPassage = new int[SCAN_LIMIT];
    private final int[] inDoc = new int[SCAN_LIMIT];

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        if (matches > SCAN_LIMIT) {
            return super.score(passage, contentLength);
        }
        int distinct = 0;
        BytesRef[] matchTerms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        for (int i = 0; i < matches; i++) {
            int t = 0;
            while (t < distinct && !terms[t].bytesEquals(matchTerms[i])) {
                t++;
            }
            if (t == distinct) {
                // Numbered in order of first match, as Lucene's hash numbers them: the sum below runs in its order.
                terms[t] = matchTerms[i];
                inDoc[t] = freqsInDoc[i];
                inPassage[t] = 0;
                distinct++;
            }
            inPassage[t]++;
        }
        double score = 0d;
        for (int t = 0; t < distinct; t++) {
            score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
