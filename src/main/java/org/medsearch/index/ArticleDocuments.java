package org.medsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SectionKind;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns an {@link Article} into its Lucene documents: one per section and one for the whole article. */
public final class ArticleDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Section text is searched, phrase-matched and highlighted: indexed with positions for phrases and
     * offsets so the highlighter reads match positions from the postings instead of re-analysing the
     * text of every hit; stored because the snippet is cut from it.
     */
    static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

    /**
     * The whole article text on article documents: indexed like section text (Lucene requires one set of
     * index options per field name) but not stored, since the article JSON already holds it.
     */
    static final FieldType ARTICLE_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    /**
     * The unstemmed vocabulary ({@link Fields#WORDS}): spelling and typing suggestions read its terms, document
     * counts and two-word phrases, and nothing ever scores it, so it has no norms (one less per-document table to
     * write, and none to read for every posting while the segment is flushed).
     */
    static final FieldType VOCABULARY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        VOCABULARY.setOmitNorms(true);
        VOCABULARY.freeze();
        HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_TEXT.freeze();
        ARTICLE_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        ARTICLE_TEXT.freeze();
    }

    private ArticleDocuments() {
    }

    /** The documents of one article: its sections in page order, then the article document. */
    public static List<Document> of(Article article) {
        return of(article, null);
    }

    /** The same, each section with its embedding ({@code vectors} in section order, or null for none). */
    public static List<Document> of(Article article, List<float[]> vectors) {
        return of(article, vectors, null);
    }

    /**
     * The same, each section also with the embedding of its {@link #headingPassage} ({@code headingVectors} in section
     * order, or null for none).
     */
    public static List<Document> of(Article article, List<float[]> vectors, List<float[]> headingVectors) {
        return of(article, toJson(article), vectors, headingVectors);
    }

    /** The same, with the article's JSON already made ({@link #toJson}; a cached article comes as it). */
    static List<Document> of(Article article, String json, List<float[]> vectors, List<float[]> headingVectors) {
        List<Section> units = article.units();
        List<Document> docs = new ArrayList<>(units.size() + 1);
        // Every text analysed once, however many fields and documents index it (see TextAnalysis).
        Names names = Names.of(article);
        List<TextAnalysis> headings = new ArrayList<>(units.size());
        List<TextAnalysis> texts = new ArrayList<>(units.size());
        for (Section unit : units) {
            headings.add(TextAnalysis.of(unit.heading()));
            texts.add(TextAnalysis.of(unit.text()));
        }
        for (int i = 0; i < units.size(); i++) {
            Document doc = section(article, names, units.get(i), headings.get(i), texts.get(i), i);
            if (vectors != null) {
                // Unit vectors, so the dot product is the cosine and the cheapest similarity to compute.
                doc.add(new KnnFloatVectorField(Fields.VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            }
            if (headingVectors != null) {
                doc.add(new KnnFloatVectorField(Fields.HEADING_VECTOR, headingVectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            }
            docs.add(doc);
        }
        docs.add(articleDocument(article, json, names, headings, texts));
        return docs;
    }

    /**
     * The article's title and aliases analysed, and their keys: once per article rather than once per document
     * that carries them.
     */
    private record Names(TextAnalysis title, List<TextAnalysis> aliases, List<String> keys) {
        static Names of(Article article) {
            TextAnalysis title = TextAnalysis.of(article.title());
            List<TextAnalysis> aliases = new ArrayList<>(article.aliases().size());
            List<String> keys = new ArrayList<>(1 + article.aliases().size());
            keys.add(title.key());
            for (String alias : article.aliases()) {
                TextAnalysis a = TextAnalysis.of(alias);
                aliases.add(a);
                keys.add(a.key());
            }
            return new Names(title, aliases, keys);
        }
    }

    /**
     * A field whose tokens were analysed before ({@link TextAnalysis}): indexing replays them instead of asking the
     * analyzer, which would give the same tokens (the index-time analyzer is {@link Analyzers#indexing()}).
     */
    private static final class Analysed extends Field {
        private final TokenStream tokens;

        Analysed(String name, String value, IndexableFieldType type, TokenStream tokens) {
            super(name, value, type);
            this.tokens = tokens;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return tokens;
        }
    }

    /**
     * Several texts indexed as one value, joined by line breaks (which always end a token, so each text's
     * tokens are those of the joined string): the string and the replay of its parts' tokens.
     */
    private static final class Joined {
        private final StringBuilder text = new StringBuilder();
        private final List<RecordedTokens> parts = new ArrayList<>();
        private int[] shifts = new int[8];

        Joined add(String value, RecordedTokens tokens) {
            if (parts.size() == shifts.length) {
                shifts = java.util.Arrays.copyOf(shifts, shifts.length * 2);
            }
            shifts[parts.size()] = text.length();
            parts.add(tokens);
            text.append(value);
            return this;
        }

        Joined separator(String breaks) {
            text.append(breaks);
            return this;
        }

        Field field(String name, FieldType type) {
            String value = text.toString();
            return new Analysed(name, value, type, RecordedTokens.concatenation(parts, shifts, value.length()));
        }
    }

    /**
     * The text a section is embedded from: the article title and the heading give the model the subject
     * that the section's own text often only implies ('the condition', 'this medicine').
     */
    public static String passage(Article article, Section section) {
        return article.title() + ". " + section.heading() + ". " + section.text();
    }

    /**
     * The text a section's heading is embedded from: the article title and the heading, which on many health sites is
     * the question the section answers ('What are the treatments for X?'), so a question can meet it directly.
     */
    public static String headingPassage(Article article, Section section) {
        return article.title() + ". " + section.heading();
    }

    private static Document section(Article article, Names names, Section section, TextAnalysis heading,
                                    TextAnalysis text, int order) {
        Document doc = new Document();
        addCommon(doc, Fields.TYPE_SECTION, article.id() + "#" + section.anchor(), article, names);
        // Headings are short, searchable and shown in results.
        doc.add(new Analysed(Fields.HEADING, section.heading(), TextField.TYPE_STORED, heading.english().replay()));
        doc.add(new Analysed(Fields.BODY, section.text(), HIGHLIGHTED_TEXT, text.english().replay()));
        // Kind and anchor are exact values: a filter (kind:causes) and a deep-link fragment.
        doc.add(new StringField(Fields.KIND, section.kind().id(), Field.Store.YES));
        doc.add(new StoredField(Fields.ANCHOR, section.anchor()));
        doc.add(new StoredField(Fields.ORDER, order));
        return doc;
    }

    private static Document articleDocument(Article article, String json, Names names, List<TextAnalysis> headings,
                                            List<TextAnalysis> texts) {
        Document doc = new Document();
        addCommon(doc, Fields.TYPE_ARTICLE, article.id(), article, names);
        List<Section> units = article.units();
        Joined body = new Joined();
        // Unstemmed words of the whole article (see Fields.WORDS), names first so phrases like
        // 'heart attack' are attested by titles as well as text.
        Joined words = new Joined().add(article.title(), names.title().plain()).separator("\n");
        for (int i = 0; i < article.aliases().size(); i++) {
            words.separator(i > 0 ? "\n" : "").add(article.aliases().get(i), names.aliases().get(i).plain());
        }
        words.separator("\n\n");
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        for (int i = 0; i < units.size(); i++) {
            Section s = units.get(i);
            body.add(s.heading(), headings.get(i).english()).separator("\n").add(s.text(), texts.get(i).english()).separator("\n\n");
            words.add(s.heading(), headings.get(i).plain()).separator("\n").add(s.text(), texts.get(i).plain()).separator("\n\n");
            kinds.add(s.kind());
        }
        // The whole text, indexed only: used for article-level matching and 'more like this'. (Per-kind
        // copies of it were indexed too and never queried: a third inversion of every text, dropped.)
        doc.add(body.field(Fields.BODY, ARTICLE_TEXT));
        for (SectionKind kind : kinds) {
            doc.add(new StringField(Fields.KIND, kind.id(), Field.Store.NO));
        }
        doc.add(words.field(Fields.WORDS, VOCABULARY));
        // Stored aliases, so typing suggestions can offer every name of an article.
        for (String alias : article.aliases()) {
            doc.add(new StoredField(Fields.ALIASES, alias));
        }
        // Stored only: the article view reads the whole cleaned article back in one lookup.
        doc.add(new StoredField(Fields.ARTICLE_JSON, json));
        return doc;
    }

    /** Fields every document of an article has. */
    private static void addCommon(Document doc, String type, String id, Article article, Names names) {
        // Exact-match keys, not analysed: type and id filters, updates and deletes by id.
        doc.add(new StringField(Fields.TYPE, type, Field.Store.NO));
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
        // Doc values on the id: equal scores are ordered by id, so rankings never depend on index order.
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
        doc.add(new StringField(Fields.ARTICLE_ID, article.id(), Field.Store.YES));
        // Doc values on the article id: grouping sections into articles and breaking score ties by id.
        doc.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef(article.id())));
        doc.add(new StoredField(Fields.TITLE, article.title()));
        // The title and aliases are indexed on every section too, so a section of the 'Asthma' article
        // matches 'asthma' even when its own text only says 'the condition'.
        doc.add(new Analysed(Fields.TITLE, article.title(), TextField.TYPE_NOT_STORED, names.title().english().replay()));
        doc.add(new StringField(Fields.TITLE_KEY, names.keys().getFirst(), Field.Store.NO));
        for (int i = 0; i < article.aliases().size(); i++) {
            doc.add(new Analysed(Fields.ALIASES, article.aliases().get(i), TextField.TYPE_NOT_STORED,
                    names.aliases().get(i).english().replay()));
            // The analysed form of each name as one exact term: the dictionary of what articles are
            // about, which query understanding matches a question's focus against.
            doc.add(new StringField(Fields.TITLE_KEY, names.keys().get(i + 1), Field.Store.NO));
        }
        doc.add(new StoredField(Fields.URL, article.url()));
        // Source is stored and exact: shown with each hit, and a facet/filter value.
        doc.add(new StringField(Fields.SOURCE, article.source(), Field.Store.YES));
    }

    /** The article as JSON, as stored in {@link Fields#ARTICLE_JSON}. */
    static String toJson(Article article) {
        try {
            return JSON.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads back an article stored by {@link #toJson}. */
    public static Article fromJson(String json) {
        try {
            return JSON.readValue(json, Article.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
