package org.medsearch.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;
import org.medsearch.index.embed.Embedder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Semantic retrieval end to end: sections embedded at reindex, cached by text, blended at query time. */
class SemanticSearchTest {
    @TempDir
    static Path dir;
    static Embedder embedder;

    @BeforeAll
    static void load() {
        embedder = Embedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static IndexWriterJob job(Path corpus, IndexStore store) {
        return new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).withEmbedder(embedder);
    }

    @Test
    void reindexEmbedsOnlyNewOrChangedSections() throws Exception {
        Path corpus = dir.resolve("corpus-a");
        TestCorpus.copyTree(TestCorpus.mini(), corpus);
        IndexStore store = new IndexStore(dir.resolve("index-a"));

        IndexWriterJob first = job(corpus, store);
        long sections = first.run().sections();
        assertEquals(sections, first.embedded(), "a first reindex embeds every section");

        IndexWriterJob unchanged = job(corpus, store);
        unchanged.run();
        assertEquals(0, unchanged.embedded(), "an unchanged corpus embeds nothing");

        Files.writeString(corpus.resolve("wiki/sprained-ankle.txt"),
                Files.readString(corpus.resolve("wiki/sprained-ankle.txt")).replace("six weeks", "eight weeks"));
        IndexWriterJob edited = job(corpus, store);
        edited.run();
        assertEquals(1, edited.embedded(), "only the edited section is embedded again");
    }

    @Test
    void aSemanticIndexIsOneSegmentSoASearchWalksOneVectorGraph() throws Exception {
        Path corpus = org.medsearch.GeneratedCorpus.write(dir.resolve("corpus-g"), 40);
        IndexStore semanticStore = new IndexStore(dir.resolve("index-g"));
        job(corpus, semanticStore).run();
        IndexStore lexicalStore = new IndexStore(dir.resolve("index-gl"));
        new IndexWriterJob(corpus, lexicalStore, 2, ReindexProgress.NONE).run();
        try (LiveIndex semantic = new LiveIndex(semanticStore); LiveIndex lexical = new LiveIndex(lexicalStore)) {
            int leaves = semantic.withSnapshot(s -> s.reader().leaves().size());
            int docs = semantic.withSnapshot(s -> s.reader().numDocs());
            int lexicalDocs = lexical.withSnapshot(s -> s.reader().numDocs());
            assertEquals(1, leaves);
            assertEquals(lexicalDocs, docs, "merged, every document is still there");
        }
    }

    @Test
    void semanticSearchFindsSectionsThatShareNoWordWithTheQuestion() throws Exception {
        IndexStore semanticStore = new IndexStore(dir.resolve("index-s"));
        job(TestCorpus.mini(), semanticStore).run();
        IndexStore lexicalStore = new IndexStore(dir.resolve("index-l"));
        new IndexWriterJob(TestCorpus.mini(), lexicalStore, 2, ReindexProgress.NONE).run();

        try (LiveIndex semantic = new LiveIndex(semanticStore); LiveIndex lexical = new LiveIndex(lexicalStore)) {
            assertEquals(embedder.modelName(), semantic.withSnapshot(s -> s.commitData().get(Fields.COMMIT_EMBEDDING_MODEL)));
            Searcher withVectors = SemanticRanker.searcher(semantic, RankingConfig.defaults());
            Searcher wordsOnly = SemanticRanker.searcher(lexical, RankingConfig.defaults());
            String question = "twisted my foot playing football";
            SearchResults s = withVectors.search(SearchRequest.of(question));
            SearchResults l = wordsOnly.search(SearchRequest.of(question));
            assertEquals("wiki/sprained-ankle", s.hits().get(0).id());
            assertTrue(s.total() > l.total(), "nearest sections join the word matches: " + s.total() + " vs " + l.total());
            // Words that match nothing stay 'no results': vectors never invent answers to gibberish.
            assertEquals(0, withVectors.search(SearchRequest.of("zzqxv wqqz")).total());
        }
    }

    @Test
    void aFewWordsThatMatchManyArticlesAreRescoredWithoutANearestVectorWalk() throws Exception {
        // The mini corpus and 60 short articles that all mention swelling: 'swelling' matches 60+ articles.
        Path corpus = dir.resolve("corpus-many");
        TestCorpus.copyTree(TestCorpus.mini(), corpus);
        Files.createDirectories(corpus.resolve("many"));
        for (int i = 0; i < 60; i++) {
            Files.writeString(corpus.resolve("many/condition-" + i + ".txt"), "Condition " + i + "\n\nOverview\n\n"
                    + "Condition " + i + " causes swelling of the joints in some people, variant " + i + ".\n");
        }
        IndexStore store = new IndexStore(dir.resolve("index-many"));
        job(corpus, store).run();
        try (LiveIndex live = new LiveIndex(store)) {
            SemanticRanker ranker = new SemanticRanker(embedder, RankingConfig.defaults());
            Searcher searcher = new Searcher(live, RankingConfig.defaults(), ranker).withoutResultCache();
            long before = ranker.walks();
            SearchResults many = searcher.search(SearchRequest.of("swelling"));
            assertTrue(many.total() >= SemanticRanker.WORDS_SUFFICE_ARTICLES, "the word matches many articles: " + many.total());
            assertEquals(before, ranker.walks(), "a word that fills pages by itself walks no vector graph");
            assertTrue(many.hits().getFirst().score() > 0);

            SearchResults rare = searcher.search(SearchRequest.of("sprained"));
            assertEquals(before + 1, ranker.walks(), "a word few articles hold still gets its nearest sections");
            assertEquals("wiki/sprained-ankle", rare.hits().getFirst().id());
            searcher.search(SearchRequest.of("swelling of the joints in people"));
            assertEquals(before + 2, ranker.walks(), "a question keeps the walk however many articles its words match");
        }
    }

    @Test
    void fewWordsCountsWordsNotCharacters() {
        assertTrue(SemanticRanker.fewWords("acquired hemophilia"));
        assertTrue(SemanticRanker.fewWords("  what is gout "));
        assertFalse(SemanticRanker.fewWords("How is rickets inherited?"));
    }

    @Test
    void headingVectorsAreEmbeddedOnRequestCachedLikeTextsAndReadByTheHeadingWeight() throws Exception {
        IndexStore store = new IndexStore(dir.resolve("index-h"));
        System.setProperty(IndexWriterJob.HEADING_VECTORS, "true");
        try {
            IndexWriterJob first = job(TestCorpus.mini(), store);
            long sections = first.run().sections();
            assertTrue(first.embedded() > sections, "headings are embedded beside texts: " + first.embedded() + " for " + sections);
            IndexWriterJob again = job(TestCorpus.mini(), store);
            again.run();
            assertEquals(0, again.embedded(), "heading vectors come from the cache too");
        } finally {
            System.clearProperty(IndexWriterJob.HEADING_VECTORS);
        }
        try (LiveIndex live = new LiveIndex(store)) {
            Searcher plain = SemanticRanker.searcher(live, RankingConfig.defaults());
            Searcher withHeadings = SemanticRanker.searcher(live, RankingConfig.defaults().with("headingWeight=0.6"));
            String question = "twisted my foot playing football";
            SearchResults p = plain.search(SearchRequest.of(question));
            SearchResults h = withHeadings.search(SearchRequest.of(question));
            assertEquals("wiki/sprained-ankle", h.hits().get(0).id());
            assertTrue(h.hits().get(0).score() > p.hits().get(0).score(), "the heading's similarity adds to the score");
        }
    }
}
