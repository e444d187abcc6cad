package org.medsearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.medsearch.TestCorpus;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SectionKind;
import org.medsearch.ingest.SkippedFileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each text is analysed once and its tokens replayed into every field that indexes it: the index must get exactly
 * the tokens the index-time analyzer would have made of each field's value (terms, positions, offsets, end), or
 * scores, phrases and highlights would shift. {@code -Danalysis.corpus=DIR} checks another corpus (MedQuAD).
 */
class ArticleDocumentsAnalysisTest {
    private static final Analyzer ANALYZER = Analyzers.indexing();

    @Test
    void everyAnalysedFieldGetsTheAnalyzersTokens() throws IOException {
        Path corpus = Path.of(System.getProperty("analysis.corpus", TestCorpus.mini().toString()));
        ArticleExtractor extractor = new ArticleExtractor();
        int fields = 0;
        for (Path file : CorpusScanner.list(corpus, s -> { })) {
            Article article;
            try {
                article = extractor.extract(corpus, file);
            } catch (SkippedFileException e) {
                continue;
            }
            fields += check(article);
        }
        assertTrue(fields > 50, "fields checked: " + fields);
    }

    @Test
    void textsThatEndOrStartOddlyGetTheSameTokens() throws IOException {
        // Stop words at the ends of joined texts (their positions carry over), possessives, numbers, hyphens,
        // a combining mark after a line break, a carriage return before it, a token past the 255-character limit.
        List<String> texts = List.of("The cause of it is", "it's the patient's", "a", "", "  \n ", "COVID-19 in 2020, e.g. U.S.",
                "\u0301accent first", "ends with CR\r", "x".repeat(300) + " and", "Ünïcödé words, 日本語 text", "to be or not to be");
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            sections.add(new Section(texts.get((i + 3) % texts.size()), "s" + i, SectionKind.OTHER, texts.get(i), List.of()));
        }
        Article article = new Article("odd/1", "The Title of it", "https://example.org/1", "example",
                List.of("an alias of the", "Owner's name"), sections);
        assertTrue(check(article) > 10);
    }

    /** Compares every indexed, tokenized field of the article's documents with the analyzer; returns how many. */
    private static int check(Article article) throws IOException {
        int checked = 0;
        for (Document doc : ArticleDocuments.of(article)) {
            for (IndexableField f : doc.getFields()) {
                if (f.fieldType().indexOptions() == org.apache.lucene.index.IndexOptions.NONE || !f.fieldType().tokenized() || f.stringValue() == null) {
                    continue;
                }
                String where = article.id() + " " + f.name();
                assertEquals(tokens(ANALYZER.tokenStream(f.name(), f.stringValue())), tokens(f.tokenStream(ANALYZER, null)), where);
                checked++;
            }
        }
        return checked;
    }

    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end/" + inc.getPositionIncrement() + "/" + offset.endOffset());
        }
        return out;
    }
}
