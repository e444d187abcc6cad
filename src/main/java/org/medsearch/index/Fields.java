package org.medsearch.index;

/** Field names of the index, defined once for the indexer, the searcher and the highlighter. */
public final class Fields {
    private Fields() {
    }

    /** Document type: {@link #TYPE_ARTICLE} or {@link #TYPE_SECTION}. */
    public static final String TYPE = "type";
    public static final String TYPE_ARTICLE = "article";
    public static final String TYPE_SECTION = "section";

    /** Unique id: the article id on article documents, {@code articleId#anchor} on section documents. */
    public static final String ID = "id";
    /** The article a section belongs to (on both types, so sections group back into articles). */
    public static final String ARTICLE_ID = "articleId";
    public static final String TITLE = "title";
    public static final String ALIASES = "aliases";
    /** The title and each alias in analysed form ({@code noonan syndrom}), as exact terms. */
    public static final String TITLE_KEY = "titleKey";
    public static final String HEADING = "heading";
    /**
     * On article documents: title, aliases, headings and text as unstemmed lower-case words, the
     * vocabulary that spelling suggestions ('did you mean') and typing suggestions are drawn from.
     */
    public static final String WORDS = "words";
    /** Section text on section documents; the whole article text on article documents. */
    public static final String BODY = "body";
    public static final String KIND = "kind";
    public static final String ANCHOR = "anchor";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    /** Position of a section in its article, to rebuild page order. */
    public static final String ORDER = "order";
    /** The section's embedding (title, heading and text through the sentence-embedding model). */
    public static final String VECTOR = "vector";
    /** The embedding of the section's heading with the article title: a question heading meets the question itself. */
    public static final String HEADING_VECTOR = "headingVector";
    /** Commit data key naming the embedding model of the vectors ({@code Embedder.modelName()}). */
    public static final String COMMIT_EMBEDDING_MODEL = "embeddingModel";
    /** Commit data key: the number of articles the reindex wrote. */
    public static final String COMMIT_ARTICLES = "articles";
    /** Commit data key: the number of sections the reindex wrote. */
    public static final String COMMIT_SECTIONS = "sections";
    /** Commit data key: the corpus folder the index was built from. */
    public static final String COMMIT_CORPUS = "corpus";
    /** Commit data key: when the reindex committed, in milliseconds since the epoch. */
    public static final String COMMIT_FINISHED = "finishedMillis";
    /** Commit data key: how long the reindex took, from its first page to its commit, in milliseconds. */
    public static final String COMMIT_MILLIS = "reindexMillis";
    /** The whole cleaned article as JSON, for the article view. */
    public static final String ARTICLE_JSON = "articleJson";
}
