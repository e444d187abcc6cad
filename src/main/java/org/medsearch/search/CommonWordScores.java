package org.medsearch.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds what a question's common words score to the best sections of a pass that matched and ranked without them
 * (see {@code QueryBuilder.CommonSplit}). Scoring every match with 'pain', 'cause' and 'treatment' was most of a
 * long question's work in a large corpus; a section far down the rarer words' ranking that they would lift into
 * the top is the one thing this gives up, and only past the depth the pass keeps.
 *
 * <p>Lucene's {@code QueryRescorer} does the same sum, but its two comparator sorts of the hits were 40% of its
 * time here; this sorts packed primitives instead.
 */
final class CommonWordScores {
    private CommonWordScores() {
    }

    /**
     * The pass's top sections with the common words' scores added, best first (ties by id, as the pass orders
     * them), the first {@code k} of them.
     */
    static List<Candidate> add(IndexSnapshot snapshot, IndexSearcher searcher, Query common, TopDocs pass, int k)
            throws IOException {
        ScoreDoc[] hits = pass.scoreDocs;
        float[] scores = new float[hits.length];
        long[] byDoc = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            scores[i] = (Float) ((FieldDoc) hits[i]).fields[0];
            byDoc[i] = ((long) hits[i].doc << 32) | i;
        }
        Arrays.sort(byDoc);
        addScores(searcher, common, byDoc, scores);
        int[] order = bestFirst(snapshot, hits, scores);
        List<Candidate> out = new ArrayList<>(Math.min(k, hits.length));
        for (int i = 0; i < Math.min(k, hits.length); i++) {
            int doc = hits[order[i]].doc;
            out.add(new Candidate(doc, scores[order[i]], snapshot.articleOf(doc)));
        }
        return out;
    }

    /** Hit indexes by score, best first, equal scores by id rank (a BM25 score is positive: its bits order as it does). */
    private static int[] bestFirst(IndexSnapshot snapshot, ScoreDoc[] hits, float[] scores) {
        long[] keys = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[i])) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = (int) keys[i];
        }
        // Runs of equal scores are rare and short: each is put in id order by insertion.
        for (int i = 1; i < order.length; i++) {
            int hit = order[i];
            int j = i;
            while (j > 0 && scores[order[j - 1]] == scores[hit]
                    && snapshot.idRank(hits[order[j - 1]].doc) > snapshot.idRank(hits[hit].doc)) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = hit;
        }
        return order;
    }

    /** Adds the query's score to each hit it matches; {@code byDoc} holds doc << 32 | hit index, in doc order. */
    private static void addScores(IndexSearcher searcher, Query common, long[] byDoc, float[] scores) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(common), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        LeafReaderContext context = null;
        Scorer scorer = null;
        for (long packed : byDoc) {
            int doc = (int) (packed >>> 32);
            while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
                context = leaves.get(++leaf);
                scorer = weight.scorer(context);
            }
            if (scorer == null) {
                continue;
            }
            int target = doc - context.docBase;
            DocIdSetIterator it = scorer.iterator();
            int at = it.docID() < target ? it.advance(target) : it.docID();
            if (at == target) {
                scores[(int) packed] += scorer.score();
            }
        }
    }
}
