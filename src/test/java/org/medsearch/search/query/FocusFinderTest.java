package org.medsearch.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The focus of a question: which article names it names, read as a person would read them. */
class FocusFinderTest {
    private static DirectoryReader reader;
    private static FocusFinder finder;

    @BeforeAll
    static void build() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.indexing()))) {
            w.addDocument(article("Myasthenia gravis", "MG"));
            w.addDocument(article("Nephronophthisis", "NPH", "NPHP"));
            w.addDocument(article("Shock"));
            w.addDocument(article("Deep vein thrombosis", "DVT"));
            w.addDocument(article("Pain"));
            // Pain is named in most sections of the corpus, shock in none.
            for (int i = 0; i < 20; i++) {
                Document section = new Document();
                section.add(new TextField(Fields.BODY, i % 2 == 0 ? "back pain in the morning " + i
                        : "the swelling and pain of the joints " + i, Field.Store.NO));
                w.addDocument(section);
            }
        }
        reader = DirectoryReader.open(dir);
        finder = FocusFinder.load(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    /** An article document as the index writes it: its names stored and as exact keys. */
    private static Document article(String title, String... aliases) {
        Document d = new Document();
        d.add(new StringField(Fields.TYPE, Fields.TYPE_ARTICLE, Field.Store.NO));
        d.add(new StoredField(Fields.TITLE, title));
        d.add(new StringField(Fields.TITLE_KEY, Analyzers.key(title), Field.Store.NO));
        for (String alias : aliases) {
            d.add(new StoredField(Fields.ALIASES, alias));
            d.add(new StringField(Fields.TITLE_KEY, Analyzers.key(alias), Field.Store.NO));
        }
        return d;
    }

    private static List<String> focus(String question) {
        List<Analyzers.Token> tokens = Analyzers.tokensAsTyped(question);
        return finder.find(tokens.stream().map(Analyzers.Token::term).toList(),
                tokens.stream().map(Analyzers.Token::typed).toList());
    }

    @Test
    void milligramsAfterANumberAreNotMyastheniaGravis() {
        assertEquals(List.of(), focus("I take 5 mg of carvedilol twice a day"));
        assertEquals(List.of(), focus("I take 5 MG of carvedilol twice a day"));
    }

    @Test
    void anAbbreviationWrittenInCapitalsStillNamesItsArticle() {
        assertEquals(List.of("mg"), focus("MG symptoms in the morning"));
        assertEquals(List.of("dvt"), focus("Can the pill cause DVT?"));
    }

    @Test
    void anAbbreviationWrittenAsAnOrdinaryWordIsNotAFocus() {
        assertEquals(List.of(), focus("I have nph and can find no exercise class"));
    }

    @Test
    void aNameTheArticlesWriteAsAWordNeedsNoCapitals() {
        assertEquals(List.of("shock"), focus("can an electric shock cause swallowing problems"));
        assertEquals(List.of("deep vein thrombosi"), focus("deep vein thrombosis after a flight"));
    }

    @Test
    void aNameMostSectionsUseIsNoFocus() {
        assertEquals(List.of(), focus("What are the causes of rib cage pain?"));
        assertEquals(List.of("shock", "dvt"), focus("Can a shock cause DVT and pain?"));
    }
}
