package org.medsearch.index.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns text into normalised vectors with the bundled sentence-embedding model; thread-safe.
 *
 * <p>The model is one of the quantised {@link EmbeddingModel#KNOWN} models (384 dimensions, BERT WordPiece vocabulary),
 * each shipped inside a langchain4j embeddings jar and run directly with ONNX Runtime: nothing is downloaded. Texts
 * are cut at {@value #MAX_TOKENS} word pieces; the start of a section (see {@code ArticleDocuments.passage}) carries
 * most of its meaning. On LiveQA with all-MiniLM-L6-v2, cutting at 256 took 1.7 times as long and ranked worse.
 *
 * <p>Every text is encoded alone (batch size 1), by one worker per core sharing one session with one thread each.
 * Measured on MedQuAD with 2 cores, that beat a session with 2 intra-op threads by 40%, and batching gained nothing
 * while changing the vectors: the model quantises its activations per batch, so a text's vector would depend on its
 * neighbours, and {@link #embedQuery} and {@link #embedPassages} would no longer agree.
 */
public final class Embedder implements AutoCloseable {

    static final int MAX_TOKENS = 128;
    /** Every bundled model makes vectors of this length, so the index's vector field never changes shape. */
    static final int DIMENSION = 384;

    /** How texts are cut and spread over the cores; package-private so the benchmark can compare settings. */
    record Tuning(int maxTokens, int workers, int threadsPerSession) {
        static Tuning standard() {
            return new Tuning(MAX_TOKENS, Runtime.getRuntime().availableProcessors(), 1);
        }
    }

    private final EmbeddingModel model;
    private final WordPieceTokenizer tokenizer;
    private final OnnxEncoder encoder;
    private final Tuning tuning;
    private final ExecutorService workers;
    private final int dimension;

    private Embedder(EmbeddingModel model, WordPieceTokenizer tokenizer, OnnxEncoder encoder, Tuning tuning) throws OrtException {
        this.model = model;
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.tuning = tuning;
        this.workers = Executors.newFixedThreadPool(tuning.workers(), task -> {
            Thread thread = new Thread(task, "embedder");
            thread.setDaemon(true);
            return thread;
        });
        this.dimension = encode("").length;
        if (dimension != DIMENSION) {
            throw new OrtException(model.name() + " makes " + dimension + "-dimensional vectors, not " + DIMENSION);
        }
    }

    /**
     * Loads the model bundled on the class path; never touches the network.
     *
     * @throws EmbedderUnavailableException when the model jar is missing or ONNX Runtime cannot run on this machine
     */
    public static Embedder load() {
        return load(EmbeddingModel.configured(), Tuning.standard());
    }

    /** Loads the given bundled model. */
    public static Embedder load(EmbeddingModel model) {
        return load(model, Tuning.standard());
    }

    /**
     * The embedder that made vectors recorded under {@code recordedName} (a {@link #modelName()}), or null when this
     * build does not know that model.
     */
    public static Embedder forRecordedName(String recordedName) {
        int at = recordedName.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        EmbeddingModel model = EmbeddingModel.KNOWN.stream()
                .filter(m -> m.name().equals(recordedName.substring(0, at))).findFirst().orElse(null);
        int cut;
        try {
            cut = Integer.parseInt(recordedName.substring(at + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        Tuning standard = Tuning.standard();
        return model == null || cut < 2 ? null
                : load(model, new Tuning(cut, standard.workers(), standard.threadsPerSession()));
    }

    static Embedder load(Tuning tuning) {
        return load(EmbeddingModel.configured(), tuning);
    }

    static Embedder load(EmbeddingModel spec, Tuning tuning) {
        WordPieceTokenizer tokenizer;
        byte[] model;
        try (InputStream json = resource(spec, spec.tokenizerResource()); InputStream onnx = resource(spec, spec.onnxResource())) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
            model = onnx.readAllBytes();
        } catch (IOException e) {
            throw new EmbedderUnavailableException("cannot read the bundled embedding model: " + e.getMessage(), e);
        }
        NativeLibraryCache.install();
        OnnxEncoder encoder = null;
        try {
            encoder = new OnnxEncoder(OrtEnvironment.getEnvironment(), model, tuning.threadsPerSession(), spec.pooling());
            return new Embedder(spec, tokenizer, encoder, tuning);
        } catch (OrtException | RuntimeException | LinkageError e) {
            if (encoder != null) {
                encoder.close();
            }
            throw new EmbedderUnavailableException("cannot run the embedding model with ONNX Runtime: " + rootCause(e), e);
        }
    }

    /** The innermost cause says what is actually wrong (e.g. "Native library 'onnxruntime' not found at …"). */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static InputStream resource(EmbeddingModel spec, String name) throws IOException {
        InputStream in = Embedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (it ships in " + spec.artifact() + ")");
        }
        return in;
    }

    /** Length of every vector (384). */
    public int dimension() {
        return dimension;
    }

    /**
     * The model and the passage cut, e.g. "all-minilm-l6-v2-q@128": vectors made under another name are not comparable, so
     * storing it with the index (and the {@link EmbeddingCache}) makes a change of either re-embed everything.
     */
    public String modelName() {
        return model.name() + "@" + tuning.maxTokens();
    }

    /** The unit vector of one query (with the model's query prefix), computed on the calling thread for low latency. */
    public float[] embedQuery(String text) {
        try {
            return encode(model.queryPrefix() + text);
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        }
    }

    /** Unit vectors of many passages, in the order given, using all cores; text past the token limit is ignored. */
    public List<float[]> embedPassages(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < Math.min(tuning.workers(), texts.size()); w++) {
            running.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < vectors.length; i = next.getAndIncrement()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return null;
                    }
                    vectors[i] = encode(model.passagePrefix() + texts.get(i));
                }
                return null;
            }));
        }
        awaitAll(running);
        return Arrays.asList(vectors);
    }

    private float[] encode(String text) throws OrtException {
        return encoder.encode(tokenizer.encode(text, tuning.maxTokens()));
    }

    private static void awaitAll(List<Future<?>> running) {
        try {
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            running.forEach(task -> task.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            running.forEach(task -> task.cancel(true));
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops the worker threads and frees the native session; the embedder cannot be used afterwards. */
    @Override
    public void close() {
        workers.shutdownNow();
        encoder.close();
    }
}
