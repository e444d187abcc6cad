package org.medsearch.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Assumptions;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsearch.index.Analyzers;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.UserQueryParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search spread over several threads, a segment cut into partitions, ranks, counts and facets exactly as one
 * thread does: the ranking pass's own collectors over the shipped corpus cut into five or more slices.
 */
class SlicedSearcherTest {
    static LiveIndex index;
    static ExecutorService pool;

    @BeforeAll
    static void build() throws Exception {
        index = ShippedCorpusIndex.get();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() throws Exception {
        pool.shutdown();
    }

    @Test
    void onlyALargeIndexIsSliced() {
        assertEquals(1, SlicedSearcher.slicesFor(24_000, 2), "MedQuAD's size: one thread");
        assertEquals(2, SlicedSearcher.slicesFor(1_200_000, 2), "x50: both cores");
        assertEquals(1, SlicedSearcher.slicesFor(1_200_000, 1), "one core: never");
        assertEquals(2, SlicedSearcher.slicesFor(250_000, 8), "no slice under the minimum");
        index.withSnapshot(snapshot -> {
            assertEquals(1, SlicedSearcher.over(snapshot.reader()).getSlices().length);
            return null;
        });
    }

    @Test
    void aSearchIsSlicedOnlyWhileNoOtherRuns() throws IOException {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: nothing to slice for");
        try (Directory big = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(big, new IndexWriterConfig())) {
                for (int i = 0; i < 2 * SlicedSearcher.MIN_DOCS_PER_SLICE; i++) {
                    w.addDocument(new Document());
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(big);
                 SlicedSearcher.Running self = SlicedSearcher.running()) {
                assertEquals(2, SlicedSearcher.over(reader).getSlices().length, "alone: both cores");
                try (SlicedSearcher.Running other = SlicedSearcher.running()) {
                    assertEquals(1, SlicedSearcher.over(reader).getSlices().length, "beside another search: its own core");
                }
                assertEquals(2, SlicedSearcher.over(reader).getSlices().length, "alone again");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"leg cramps at night in children", "how do i treat a burn at home", "fever", "\"growing pains\""})
    void fiveSlicesRankCountAndFacetAsOne(String question) {
        QueryBuilder.Built built = new QueryBuilder(Analyzers.english(), RankingConfig.defaults().queryWeights())
                .build(UserQueryParser.parse(question), Set.of());
        index.withSnapshot(snapshot -> {
            try {
                DirectoryReader sections = snapshot.sectionsOnly();
                IndexSearcher one = new IndexSearcher(sections);
                IndexSearcher five = SlicedSearcher.sliced(sections, 5, pool);
                assertTrue(five.getSlices().length >= 5, "the corpus cut into five or more slices");
                assertTrue(Arrays.stream(five.getSlices()).anyMatch(s -> s.partitions[0].minDocId > 0), "a segment cut into partitions");
                Object[] a = pass(snapshot, one, built.inSections());
                Object[] b = pass(snapshot, five, built.inSections());
                TopDocs x = (TopDocs) a[0];
                TopDocs y = (TopDocs) b[0];
                assertTrue(x.scoreDocs.length > 0, question);
                assertEquals(x.totalHits, y.totalHits, question);
                assertEquals(Arrays.stream(x.scoreDocs).map(d -> d.doc).toList(), Arrays.stream(y.scoreDocs).map(d -> d.doc).toList(), question);
                assertEquals(a[1], b[1], "the matching articles");
                assertEquals(a[2], b[2], "the facets");
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The ranking pass's collectors: the top sections by score then id, the articles, the facets. */
    private static Object[] pass(IndexSnapshot snapshot, IndexSearcher searcher, Query query) throws IOException {
        searcher.setSimilarity(new BM25Similarity());
        var managers = new MultiCollectorManager(new TopFieldCollectorManager(snapshot.byScoreThenId(), 50, null, Integer.MAX_VALUE),
                new ArticleCounter(snapshot), new FacetCounter(snapshot, snapshot.facetTables(), Set.of(), Set.of()));
        Object[] r = searcher.search(query, managers);
        FixedBitSet articles = (FixedBitSet) r[1];
        assertTrue(articles.cardinality() > 0);
        return r;
    }
}
