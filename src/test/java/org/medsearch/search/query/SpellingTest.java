package org.medsearch.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Both uses of {@link Spelling} over a small index with the real analysers and fields. */
class SpellingTest {
    private static final String[] ARTICLES = {
            "Chronic diarrhea", "Diarrhea in children", "Asthma attacks at night", "Asthma in adults",
            "After a heart attack", "Heart attack symptoms", "Kidney stones", "Kidney disease", "Kidney failure",
    };
    private static DirectoryReader reader;
    private static Spelling spelling;

    @BeforeAll
    static void index() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.indexing()))) {
            for (String text : ARTICLES) {
                Document d = new Document();
                d.add(new TextField(Fields.TITLE, text, Field.Store.NO));
                d.add(new TextField(Fields.BODY, text, Field.Store.NO));
                d.add(new TextField(Fields.WORDS, text, Field.Store.NO));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(dir);
        spelling = new Spelling(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    private static String stem(String word) {
        return Analyzers.tokens(word).get(0);
    }

    @Test
    void aSearchedWordTheIndexDoesNotKnowBecomesTheClosestStemItDoes() {
        assertEquals(stem("diarrhea"), spelling.correct(stem("diahrrea")));
        assertEquals(stem("asthma"), spelling.correct(stem("asthma")), "a known word is never touched");
    }

    @Test
    void shortWordsCodesAndPastedJunkAreSearchedAsTyped() {
        assertEquals("astm", spelling.correct("astm"), "four letters: too many neighbours to correct silently");
        assertEquals("kidny2", spelling.correct("kidny2"));
        String junk = "kidney".repeat(7);
        assertEquals(junk, spelling.correct(junk));
    }

    @Test
    void didYouMeanRewritesOnlyTheMisspelledWordsKeepingTheirCase() throws IOException {
        assertEquals("Asthma at night", spelling.suggest("Astma at night"));
        assertEquals("heart attack", spelling.suggest("hart attack"));
        assertNull(spelling.suggest("asthma attacks"));
        assertNull(spelling.suggest("AstMa"), "a capital inside a word marks a name, not a typo");
    }

    @Test
    void didYouMeanTakesTwoEditsOnlyOnLongWords() throws IOException {
        // 'kindly' is two edits from 'kidney': too far for a six-letter word.
        assertNull(spelling.suggest("kindly"));
        assertEquals("chronic diarrhea", spelling.suggest("chronic diahrrea"));
    }
}
