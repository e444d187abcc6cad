package org.medsearch.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;
import org.medsearch.ingest.SectionKind;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.UserQueryParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking pass searches the sections alone, without the type filter: it must find the same sections with the
 * same scores as the section query with its filter over the whole index, on the shipped corpus.
 */
class SectionsOnlyReaderTest {
    static LiveIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = ShippedCorpusIndex.get();
    }


    @Test
    void onlyTheSectionsAreLiveAndTheNumbersAreTheIndexs() {
        index.withSnapshot(snapshot -> {
            try {
                DirectoryReader all = snapshot.reader();
                DirectoryReader sections = snapshot.sectionsOnly();
                assertEquals(all.maxDoc(), sections.maxDoc());
                int sectionDocs = 0;
                for (int i = 0; i < all.leaves().size(); i++) {
                    LeafReaderContext leaf = all.leaves().get(i);
                    Bits live = sections.leaves().get(i).reader().getLiveDocs();
                    PostingsEnum type = leaf.reader().postings(new Term(Fields.TYPE, Fields.TYPE_SECTION), PostingsEnum.NONE);
                    boolean[] isSection = new boolean[leaf.reader().maxDoc()];
                    for (int d = type.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = type.nextDoc()) {
                        isSection[d] = true;
                        sectionDocs++;
                    }
                    for (int d = 0; d < isSection.length; d++) {
                        assertEquals(isSection[d], live.get(d), "document " + d);
                    }
                }
                assertEquals(sectionDocs, sections.numDocs());
                assertTrue(sections.numDocs() < all.numDocs(), "the article documents are not live");
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void bm25SeesTheStatisticsOfTheWholeIndex() {
        index.withSnapshot(snapshot -> {
            try {
                IndexSearcher all = new IndexSearcher(snapshot.reader());
                IndexSearcher sections = new IndexSearcher(snapshot.sectionsOnly());
                for (String field : new String[] {Fields.BODY, Fields.TITLE, Fields.HEADING}) {
                    CollectionStatistics a = all.collectionStatistics(field);
                    CollectionStatistics b = sections.collectionStatistics(field);
                    assertEquals(a.docCount(), b.docCount(), field);
                    assertEquals(a.sumTotalTermFreq(), b.sumTotalTermFreq(), field);
                    Term cramp = new Term(field, "cramp");
                    assertEquals(TermStates.build(all, cramp, true).docFreq(), TermStates.build(sections, cramp, true).docFreq());
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "leg cramps at night in children|",
            "how do i treat a burn at home|",
            "\"growing pains\" legs|",
            "fever rash -measles|",
            "what causes leg cramps|causes",
            "burn|treatment;symptoms"})
    void theSectionQueryWithoutItsTypeFilterFindsTheSameSectionsAmongSections(String question, String kindIds) {
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        if (kindIds != null) {
            Arrays.stream(kindIds.split(";")).forEach(k -> kinds.add(SectionKind.fromId(k).orElseThrow()));
        }
        QueryBuilder.Built built = new QueryBuilder(Analyzers.english(), RankingConfig.defaults().queryWeights())
                .build(UserQueryParser.parse(question), kinds);
        index.withSnapshot(snapshot -> {
            try {
                IndexSearcher all = searcher(snapshot.reader());
                IndexSearcher sections = searcher(snapshot.sectionsOnly());
                TopDocs a = all.search(built.sectionQuery(), 1000);
                TopDocs b = sections.search(built.inSections(), 1000);
                assertTrue(a.scoreDocs.length > 0, question);
                assertEquals(a.totalHits, b.totalHits, question);
                assertEquals(a.scoreDocs.length, b.scoreDocs.length, question);
                for (int i = 0; i < a.scoreDocs.length; i++) {
                    ScoreDoc x = a.scoreDocs[i];
                    ScoreDoc y = b.scoreDocs[i];
                    assertEquals(x.score, y.score, 1e-5f * x.score, question + " at " + i);
                }
                assertEquals(docs(a), docs(b), question);
                // Without the sections-only reader the filter is what keeps the article documents out.
                Query unfiltered = built.inSections();
                assertTrue(all.count(unfiltered) > sections.count(unfiltered), question);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static IndexSearcher searcher(DirectoryReader reader) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BM25Similarity());
        return s;
    }

    /** The matched documents as a set: ties in score may come in either order. */
    private static Set<Integer> docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.doc).collect(java.util.stream.Collectors.toSet());
    }
}
