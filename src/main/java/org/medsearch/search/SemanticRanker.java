package org.medsearch.search;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.index.Fields;
import org.medsearch.index.embed.Embedder;
import org.medsearch.index.embed.Vectors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic retrieval blended with BM25: the question is embedded with the same model as the sections,
 * the nearest sections (Lucene HNSW) join the BM25 candidates, and every candidate is scored by its
 * cosine similarity to the question plus a share of its normalised BM25 score. Dense similarity leads:
 * it reads 'Can Ocella cause DVT?' as close to a section on blood clots from birth control pills even
 * where the words differ; BM25 keeps exact names and rare words in front.
 */
public final class SemanticRanker {
    /** Query vectors kept: real traffic repeats, and embedding is the costly step of a search. */
    private static final int CACHE_SIZE = 4096;

    private final Embedder embedder;
    private final RankingConfig ranking;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final boolean cacheQueries;
    /** Nearest-vector graph walks run (tests bound the work with it). */
    private final java.util.concurrent.atomic.LongAdder walks = new java.util.concurrent.atomic.LongAdder();

    public SemanticRanker(Embedder embedder, RankingConfig ranking) {
        this(embedder, ranking, true);
    }

    private SemanticRanker(Embedder embedder, RankingConfig ranking, boolean cacheQueries) {
        this.embedder = embedder;
        this.ranking = ranking;
        this.cacheQueries = cacheQueries;
    }

    /** The same ranker embedding every question afresh (the benchmark's 'not cached' figures). */
    SemanticRanker uncached() {
        return new SemanticRanker(embedder, ranking, false);
    }

    /**
     * A searcher for the live index: semantic when the index holds vectors and the model they were made
     * with loads here, lexical otherwise (with a one-line notice on stderr).
     */
    public static Searcher searcher(LiveIndex index, RankingConfig ranking) {
        String model = index.withSnapshot(s -> s.commitData().get(Fields.COMMIT_EMBEDDING_MODEL));
        if (model == null) {
            return new Searcher(index, ranking, null);
        }
        try {
            // The index names the model its vectors came from: load that one, whichever this build reindexes with.
            Embedder embedder = Embedder.forRecordedName(model);
            if (embedder == null) {
                System.err.println("medsearch: the index was embedded with " + model + ", a model this build does not have;"
                        + " searching lexically until the next reindex");
                return new Searcher(index, ranking, null);
            }
            return new Searcher(index, ranking, new SemanticRanker(embedder, ranking));
        } catch (RuntimeException e) {
            System.err.println("medsearch: semantic search unavailable (" + e.getMessage() + "); searching lexically");
            return new Searcher(index, ranking, null);
        }
    }

    /** Searches that walked the vector graph for nearest sections, so far. */
    long walks() {
        return walks.sum();
    }

    /** True when the snapshot's vectors were made by this ranker's model. */
    boolean covers(IndexSnapshot snapshot) {
        return embedder.modelName().equals(snapshot.commitData().get(Fields.COMMIT_EMBEDDING_MODEL));
    }

    /** The model's name, as recorded in indexes it embedded. */
    public String modelName() {
        return embedder.modelName();
    }

    /**
     * Rescores the lexical candidates and, for plain-word queries, adds the nearest sections that pass
     * {@code filter} (the query's kinds, sources and exclusions); newly found articles are counted into {@code articles}.
     */
    List<Candidate> blend(IndexSnapshot snapshot, IndexSearcher searcher, String text, List<Candidate> lexical,
                          Query filter, boolean plain, FixedBitSet articles) throws IOException {
        float[] q = queryVector(text);
        float maxLexical = 0;
        Map<Integer, Float> lexicalScore = new HashMap<>();
        for (Candidate c : lexical) {
            lexicalScore.put(c.doc(), c.score());
            maxLexical = Math.max(maxLexical, c.score());
        }
        Set<Integer> candidates = new HashSet<>(lexicalScore.keySet());
        if (plain && !(fewWords(text) && articles.cardinality() >= WORDS_SUFFICE_ARTICLES)) {
            walks.increment();
            addNearest(snapshot, searcher, Fields.VECTOR, q, (int) ranking.denseK(), filter, candidates, articles);
            addNearest(snapshot, searcher, Fields.HEADING_VECTOR, q, (int) ranking.denseHeadingK(), filter, candidates, articles);
        }
        List<Integer> docs = new ArrayList<>(candidates);
        docs.sort(null);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[] cosines = cosines(leaves, docs, q, Fields.VECTOR);
        float[] headingCosines = ranking.headingWeight() != 0 ? cosines(leaves, docs, q, Fields.HEADING_VECTOR) : null;
        if (ranking.rrfK() > 0) {
            return fused(snapshot, docs, lexicalScore, cosines, headingCosines);
        }
        List<Candidate> blended = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            int doc = docs.get(i);
            float lex = lexicalScore.getOrDefault(doc, 0f);
            float score = cosines[i] + ranking.lexicalWeight() * (maxLexical > 0 ? lex / maxLexical : 0);
            if (headingCosines != null) {
                score += ranking.headingWeight() * headingCosines[i];
            }
            blended.add(new Candidate(doc, score, snapshot.articleOf(doc)));
        }
        return blended;
    }

    /**
     * Reciprocal rank fusion: each signal ranks the candidates and a candidate scores the sum of 1 / (k + its rank)
     * over them (heading similarity weighted); a candidate BM25 did not find gets nothing from BM25.
     */
    private List<Candidate> fused(IndexSnapshot snapshot, List<Integer> docs, Map<Integer, Float> lexicalScore,
                                  float[] cosines, float[] headingCosines) {
        int n = docs.size();
        float[] lexical = new float[n];
        for (int i = 0; i < n; i++) {
            lexical[i] = lexicalScore.getOrDefault(docs.get(i), Float.NEGATIVE_INFINITY);
        }
        float[] score = new float[n];
        addReciprocalRanks(score, lexical, ranking.lexicalWeight());
        addReciprocalRanks(score, cosines, 1f);
        if (headingCosines != null) {
            addReciprocalRanks(score, headingCosines, ranking.headingWeight());
        }
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Candidate(docs.get(i), score[i], snapshot.articleOf(docs.get(i))));
        }
        return out;
    }

    private void addReciprocalRanks(float[] into, float[] values, float weight) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(values[b], values[a]));
        for (int rank = 0; rank < order.length; rank++) {
            if (values[order[rank]] != Float.NEGATIVE_INFINITY) {
                into[order[rank]] += weight / (ranking.rrfK() + rank + 1);
            }
        }
    }

    /**
     * True for a query of at most {@link #FEW_WORDS} words ('acquired hemophilia'). When its words match
     * at least {@link #WORDS_SUFFICE_ARTICLES} articles, its BM25 candidates are rescored by their vectors
     * but no nearest-vector walk adds sections that lack its words: the walk was a quarter of such a
     * search (JFR: HNSW graph and dot products), and on the benchmark's keyword queries that match 50+
     * articles it changed 1.7% of the top-10 articles. A rare word ('acatalasemia', 2 articles) or words
     * the corpus says otherwise keep the walk, as do questions, where meaning beyond the words matters.
     */
    static boolean fewWords(String text) {
        int words = 0;
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty() && ++words > FEW_WORDS) {
                return false;
            }
        }
        return true;
    }

    /** See {@link #fewWords}: the dev questions, as written and summarised, all have 4 or more. */
    static final int FEW_WORDS = 3;
    /** See {@link #fewWords}: five pages of articles. */
    static final int WORDS_SUFFICE_ARTICLES = 50;

    /** Adds the {@code k} sections nearest by {@code field} that are not candidates yet (and counts their articles). */
    private static void addNearest(IndexSnapshot snapshot, IndexSearcher searcher, String field, float[] q, int k,
                                   Query filter, Set<Integer> candidates, FixedBitSet articles) throws IOException {
        if (k <= 0) {
            return;
        }
        TopDocs near = searcher.search(new KnnFloatVectorQuery(field, q, k, filter), k);
        for (ScoreDoc sd : near.scoreDocs) {
            if (candidates.add(sd.doc)) {
                int article = snapshot.articleOf(sd.doc);
                if (article >= 0) {
                    articles.set(article);
                }
            }
        }
    }

    /**
     * The question's vector: with a condensed weight, the whole message's vector leaned towards that of its subject
     * and asking sentences ({@link QuestionCondenser}); the cosine with the sum is the weighted sum of the cosines.
     */
    private float[] queryVector(String text) {
        float[] whole = vector(text);
        float w = ranking.condensedWeight();
        String condensed = w > 0 ? QuestionCondenser.condense(text) : text;
        if (condensed.equals(text)) {
            return whole;
        }
        float[] asked = vector(condensed);
        float[] q = new float[whole.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = (1 - w) * whole[i] + w * asked[i];
        }
        return Vectors.normalize(q);
    }

    private float[] vector(String text) {
        if (!cacheQueries) {
            return embedder.embedQuery(text);
        }
        synchronized (cache) {
            float[] v = cache.get(text);
            if (v != null) {
                return v;
            }
        }
        float[] v = embedder.embedQuery(text);
        synchronized (cache) {
            cache.put(text, v);
        }
        return v;
    }

    /**
     * Cosine similarity of each section's stored unit vector with the query's, for documents in increasing
     * order: one pass per segment, the vector iterator only moving forward (0 for a section without one).
     */
    private static float[] cosines(List<LeafReaderContext> leaves, List<Integer> sortedDocs, float[] q, String field) throws IOException {
        float[] out = new float[sortedDocs.size()];
        int leafIndex = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator it = null;
        for (int i = 0; i < sortedDocs.size(); i++) {
            int doc = sortedDocs.get(i);
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                values = leaves.get(li).reader().getFloatVectorValues(field);
                it = values == null ? null : values.iterator();
            }
            int local = doc - leaves.get(li).docBase;
            if (it != null && (it.docID() == local || (it.docID() < local && it.advance(local) == local))) {
                out[i] = Vectors.dot(q, values.vectorValue(it.index()));
            }
        }
        return out;
    }
}
