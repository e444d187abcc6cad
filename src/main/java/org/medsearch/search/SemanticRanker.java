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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            Embedder embedder = Embedder.load();
            if (!embedder.modelName().equals(model)) {
                System.err.println("medsearch: the index was embedded with " + model + " but this build has "
                        + embedder.modelName() + "; searching lexically until the next reindex");
                embedder.close();
                return new Searcher(index, ranking, null);
            }
            return new Searcher(index, ranking, new SemanticRanker(embedder, ranking));
        } catch (RuntimeException e) {
            System.err.println("medsearch: semantic search unavailable (" + e.getMessage() + "); searching lexically");
            return new Searcher(index, ranking, null);
        }
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
        float[] q = vector(text);
        float maxLexical = 0;
        Map<Integer, Float> lexicalScore = new HashMap<>();
        for (Candidate c : lexical) {
            lexicalScore.put(c.doc(), c.score());
            maxLexical = Math.max(maxLexical, c.score());
        }
        List<Integer> docs = new ArrayList<>(lexicalScore.keySet());
        if (plain && ranking.denseK() > 0) {
            TopDocs near = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, q, (int) ranking.denseK(), filter), (int) ranking.denseK());
            for (ScoreDoc sd : near.scoreDocs) {
                if (!lexicalScore.containsKey(sd.doc)) {
                    docs.add(sd.doc);
                    int article = snapshot.articleOf(sd.doc);
                    if (article >= 0) {
                        articles.set(article);
                    }
                }
            }
        }
        docs.sort(null);
        float[] cosines = cosines(searcher.getIndexReader().leaves(), docs, q);
        List<Candidate> blended = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            int doc = docs.get(i);
            float lex = lexicalScore.getOrDefault(doc, 0f);
            float score = cosines[i] + ranking.lexicalWeight() * (maxLexical > 0 ? lex / maxLexical : 0);
            blended.add(new Candidate(doc, score, snapshot.articleOf(doc)));
        }
        return blended;
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
    private static float[] cosines(List<LeafReaderContext> leaves, List<Integer> sortedDocs, float[] q) throws IOException {
        float[] out = new float[sortedDocs.size()];
        int leafIndex = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator it = null;
        for (int i = 0; i < sortedDocs.size(); i++) {
            int doc = sortedDocs.get(i);
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                values = leaves.get(li).reader().getFloatVectorValues(Fields.VECTOR);
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
