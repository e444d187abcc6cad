package org.medsearch.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;
import org.medsearch.search.RankingConfig;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A word most sections have ('pain') adds to the score of sections that match a rarer word, never matches alone. */
class CommonWordsTest {
    /** 'pain' is in 8 of the 10 sections, 'cramp' in 2, 'night' in 1. */
    private static final String[] SECTIONS = {
            "Leg cramps are a sudden pain in the calf", "Cramps at night wake children", "Back pain after lifting",
            "Neck pain and stiffness", "Pain in the knee when walking", "Chest pain needs a doctor", "Pain relief medicines",
            "Stomach pain after meals", "Joint pain in older adults", "Eye strain from screens",
    };
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.indexing()))) {
            for (int i = 0; i < SECTIONS.length; i++) {
                Document d = new Document();
                d.add(new StringField(Fields.ID, "s" + i, Field.Store.YES));
                d.add(new StringField(Fields.TYPE, Fields.TYPE_SECTION, Field.Store.NO));
                d.add(new TextField(Fields.BODY, SECTIONS[i], Field.Store.NO));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    private static int docFreq(String stem) {
        try {
            return reader.docFreq(new Term(Fields.BODY, stem));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Query query(String text, String ranking) {
        return built(text, ranking).sectionQuery();
    }

    private static QueryBuilder.Built built(String text, String ranking) {
        QueryBuilder builder = new QueryBuilder(Analyzers.english(), RankingConfig.defaults().with(ranking).queryWeights());
        return builder.build(UserQueryParser.parse(text), Set.of(),
                new QueryBuilder.Context(t -> t, null, CommonWordsTest::docFreq, SECTIONS.length));
    }

    /** Section id to score for every match. */
    private static Map<String, Float> matches(Query q) throws IOException {
        Map<String, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
            out.put(searcher.storedFields().document(sd.doc).get(Fields.ID), sd.score);
        }
        return out;
    }

    @Test
    void aCommonWordOnlyAddsToSectionsThatMatchARarerOne() throws IOException {
        Map<String, Float> matched = matches(query("leg cramps pain", "commonWordShare=0.5,commonWordDocs=1"));
        assertEquals(Set.of("s0", "s1"), matched.keySet(), "sections with 'pain' alone do not match: " + matched);
        assertTrue(matched.get("s0") > matched.get("s1"), "the common word still adds to the score");
    }

    @Test
    void theSectionsThatMatchScoreAsWhenEveryWordMatchesAlone() throws IOException {
        Map<String, Float> split = matches(query("leg cramps pain at night", "commonWordShare=0.5,commonWordDocs=1"));
        Map<String, Float> plain = matches(query("leg cramps pain at night", "commonWordShare=0"));
        assertEquals(9, plain.size(), "with the rule off, 'pain' alone matches");
        // The same sum taken in another order: equal to float rounding.
        split.forEach((id, score) -> assertEquals(plain.get(id), score, 1e-5f * score, id));
    }

    @Test
    void aQueryOfCommonWordsOnlyMatchesAsBefore() throws IOException {
        assertEquals(8, matches(query("pain", "commonWordShare=0.5,commonWordDocs=1")).size());
        assertNull(built("pain", "commonWordShare=0.5,commonWordDocs=1").split(), "nothing to score after the pass");
    }

    @Test
    void theCommonWordsScoredApartAddUpToTheWholeQuery() throws IOException {
        QueryBuilder.Built built = built("leg cramps pain at night", "commonWordShare=0.5,commonWordDocs=1");
        Map<String, Float> whole = matches(built.sectionQuery());
        Map<String, Float> rest = matches(built.split().matches());
        Map<String, Float> common = matches(built.split().common());
        assertEquals(whole.keySet(), rest.keySet(), "the part without the common words matches the same sections");
        whole.forEach((id, score) -> assertEquals(score, rest.get(id) + common.getOrDefault(id, 0f), 1e-5f * score, id));
        assertTrue(common.containsKey("s0") && common.size() == 8, "the common part scores every section with 'pain': " + common);
    }

    @Test
    void inASmallCorpusEveryWordMatchesOnItsOwn() throws IOException {
        assertEquals(9, matches(query("leg cramps pain", "commonWordShare=0.5,commonWordDocs=9")).size(),
                "'pain' is in 8 documents, under the 9 a common word needs");
    }

    @Test
    void aWordTheIndexLacksIsNotRequired() throws IOException {
        Map<String, Float> matched = matches(query("pain zzyzx", "commonWordShare=0.5,commonWordDocs=1"));
        assertEquals(8, matched.size(), "an unknown word must not leave the question with no results: " + matched);
        assertFalse(matches(query("cramps zzyzx pain", "commonWordShare=0.5,commonWordDocs=1")).containsKey("s2"));
    }
}
