package org.medsearch.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.medsearch.index.embed.Embedder;
import org.medsearch.index.embed.EmbeddingCache;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.SkippedFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The writing part of a reindex: lists the corpus, cleans every page on worker threads, writes a fresh index
 * into a new generation and publishes it only once it is committed, so the previous index serves until then.
 * A page that throws unexpectedly (a cleaner bug) is logged, counted and skipped; the run fails only when more
 * than {@link #errorLimit(int)} pages do. {@link Reindex} adds the embedder policy on top.
 */
public final class IndexWriterJob {
    /** The embedding cache file, beside the generations so it outlives each of them. */
    public static final String EMBEDDING_CACHE = "embeddings.cache";
    /** System property: also embed every section's heading with the article title (the headingWeight knob reads them). */
    public static final String HEADING_VECTORS = "medsearch.embedding.headings";
    /** The cleaned-article cache file, beside the generations like the embedding cache. */
    public static final String ARTICLE_CACHE = "articles.cache";

    private final Path corpus;
    private final IndexStore store;
    private final int threads;
    private final ReindexProgress progress;
    private static final System.Logger LOG = System.getLogger(IndexWriterJob.class.getName());

    private final Extraction extraction;
    /** Whether pages are cleaned by the real cleaner, whose output {@link CleanedArticleCache} may keep. */
    private final boolean cacheable;
    private Embedder embedder;
    private EmbeddingCache cache;
    private CleanedArticleCache articles;

    /** Reads one corpus file into an article; the seam where tests inject failures. */
    @FunctionalInterface
    interface Extraction {
        Article extract(Path corpus, Path file) throws SkippedFileException, IOException;
    }

    public IndexWriterJob(Path corpus, IndexStore store, int threads, ReindexProgress progress) {
        this(corpus, store, threads, progress, new ArticleExtractor()::extract, true);
    }

    IndexWriterJob(Path corpus, IndexStore store, int threads, ReindexProgress progress, Extraction extraction) {
        this(corpus, store, threads, progress, extraction, false);
    }

    private IndexWriterJob(Path corpus, IndexStore store, int threads, ReindexProgress progress, Extraction extraction,
                           boolean cacheable) {
        this.corpus = corpus.toAbsolutePath().normalize();
        this.store = store;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.extraction = extraction;
        this.cacheable = cacheable;
    }

    /**
     * Embeds every section with this model (vectors cached by text beside the index, so an unchanged
     * section is never embedded twice); without it the index is lexical only.
     */
    public IndexWriterJob withEmbedder(Embedder embedder) {
        this.embedder = embedder;
        return this;
    }

    /** Passages (section texts, and headings when asked for) embedded by the model in the last run (the rest came from the cache). */
    public int embedded() {
        return cache == null ? 0 : cache.misses();
    }

    /** Pages whose cleaned article came from the cleaned-article cache in the last run (unchanged page and cleaner). */
    public int cleanedFromCache() {
        return articles == null ? 0 : articles.hits();
    }

    /** Pages that may throw unexpectedly before a run of {@code files} pages fails: 1%, and at least 10. */
    public static int errorLimit(int files) {
        return Math.max(10, files / 100);
    }

    /** Runs the reindex; the old index stays live if anything fails. */
    public ReindexReport run() throws IOException {
        long start = System.nanoTime();
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder not found: " + corpus);
        }
        try (Lock lock = store.lockForWriting()) {
            List<ReindexReport.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
            List<Path> files = CorpusScanner.list(corpus, s -> skipped.add(skip(s.file(), s.reason())));
            int unlisted = skipped.size();
            progress.started(files.size());
            Path gen = store.newGeneration();
            if (embedder != null) {
                cache = EmbeddingCache.open(store.root().resolve(EMBEDDING_CACHE), embedder.modelName(), embedder.dimension());
            }
            Counters counters = new Counters(errorLimit(files.size()));
            Optional<String> cleaner = cacheable ? CleanerVersion.current() : Optional.empty();
            articles = cleaner.isPresent() ? CleanedArticleCache.open(store.root().resolve(ARTICLE_CACHE), cleaner.get()) : null;
            try {
                try {
                    write(gen, files, counters, skipped);
                } catch (IOException | RuntimeException | Error e) {
                    IndexStore.deleteTree(gen);
                    throw e;
                }
                if (counters.articles.get() == 0) {
                    IndexStore.deleteTree(gen);
                    throw new IOException("no articles found in " + corpus + " (" + skipped.size()
                            + " files skipped); the previous index is kept");
                }
                lock.ensureValid();
                if (cache != null) {
                    cache.save();
                }
                if (articles != null) {
                    articles.commit();
                }
            } finally {
                if (articles != null) {
                    articles.close();
                }
            }
            store.publish(gen);
            progress.finished();
            return new ReindexReport(files.size() + unlisted, counters.articles.get(),
                    counters.sections.get(), sorted(skipped), sorted(counters.errors), counters.bytes.get(),
                    Duration.ofNanos(System.nanoTime() - start), gen,
                    embedder == null ? null : embedder.modelName(), embedded());
        }
    }

    private void write(Path gen, List<Path> files, Counters counters, List<ReindexReport.Skipped> skipped)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.indexing())
                // Reindex means rebuild: a fresh index every time, never an update of the live one.
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(new MedsearchCodec())
                .setRAMBufferSizeMB(128);
        try (Directory dir = FSDirectory.open(gen); IndexWriter writer = new IndexWriter(dir, config)) {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable worker = () -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < files.size()) {
                    Path file = files.get(i);
                    try {
                        index(writer, file, counters, skipped);
                    } catch (IOException | RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                    progress.fileDone(done.incrementAndGet(), files.size());
                }
                flushWhileIdle(writer, failure);
            };
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("reindex-" + t).start(worker));
            }
            for (Thread t : workers) {
                join(t);
            }
            if (failure.get() != null) {
                Throwable f = failure.get();
                throw new IOException("reindex failed: " + (f instanceof IOException && f.getMessage() != null
                        ? f.getMessage() : f.toString()) + "; the previous index is kept", f);
            }
            Map<String, String> data = new java.util.HashMap<>(Map.of(
                    Fields.COMMIT_ARTICLES, Integer.toString(counters.articles.get()),
                    Fields.COMMIT_SECTIONS, Long.toString(counters.sections.get()),
                    Fields.COMMIT_CORPUS, corpus.toString()));
            if (embedder != null) {
                data.put(Fields.COMMIT_EMBEDDING_MODEL, embedder.modelName());
                // One segment: every search walks each segment's vector graph, and on MedQuAD two half-size
                // walks made a keyword search ~1.4x as costly as one (README: Performance). A lexical index
                // has no walk and is not merged, so its reindex pays nothing for it.
                writer.forceMerge(1);
            }
            data.put(Fields.COMMIT_FINISHED, Long.toString(System.currentTimeMillis()));
            data.put(Fields.COMMIT_MILLIS, Long.toString((System.nanoTime() - counters.started) / 1_000_000));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    /**
     * A worker out of pages writes out in-memory segments itself, so the buffers are flushed by all
     * workers in parallel rather than one after another by commit on the main thread (the profile showed
     * commit's serial flush at ~18% of reindex time with one core idle).
     */
    private static void flushWhileIdle(IndexWriter writer, AtomicReference<Throwable> failure) {
        try {
            while (failure.get() == null && writer.flushNextBuffer()) {
                // Each call flushes one buffer; the next worker to finish takes the next one.
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Indexes one file; ids are unique here, since {@link CorpusScanner} keeps one file per id. */
    private void index(IndexWriter writer, Path file, Counters counters, List<ReindexReport.Skipped> skipped)
            throws IOException {
        Article article;
        try {
            Cleaned cleaned = clean(file);
            article = cleaned.article();
            // An article and its sections go in as one block, so a reader never sees half an article.
            writer.addDocuments(documents(article, cleaned.json()));
        } catch (SkippedFileException e) {
            skipped.add(skip(file, e.getMessage()));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            if (writer.getTragicException() != null) {
                throw e; // the writer itself broke: no later page could be written either
            }
            failed(file, e, counters);
            return;
        }
        counters.articles.incrementAndGet();
        counters.sections.addAndGet(article.units().size());
        counters.bytes.addAndGet(sizeOf(file));
    }

    /** A page's article and its JSON, as the index stores it. */
    private record Cleaned(Article article, String json) {
    }

    /**
     * The page's article: from the cleaned-article cache when neither the page nor the cleaner changed since a reindex
     * that cleaned it, else from the cleaner (and then cached). Pages too large or unreadable go straight to the
     * cleaner, which says why they are skipped.
     */
    private Cleaned clean(Path file) throws SkippedFileException, IOException {
        if (articles == null) {
            Article a = extraction.extract(corpus, file);
            return new Cleaned(a, ArticleDocuments.toJson(a));
        }
        CleanedArticleCache.Key key = null;
        try {
            if (Files.size(file) <= ArticleExtractor.DEFAULT_MAX_BYTES) {
                key = articles.key(file, Files.readAllBytes(file));
                String json = articles.get(key);
                if (json != null) {
                    return new Cleaned(ArticleDocuments.fromJson(json), json);
                }
            }
        } catch (IOException e) {
            key = null; // the cleaner reads the file again and reports what is wrong with it
        }
        Article a = extraction.extract(corpus, file);
        String json = ArticleDocuments.toJson(a);
        if (key != null) {
            articles.put(key, json);
        }
        return new Cleaned(a, json);
    }

    /**
     * An article's documents, each section with its text vector when embedding, and its heading vector too when the
     * {@value #HEADING_VECTORS} system property is true (measured on LiveQA, not kept by default: see the README).
     */
    private List<org.apache.lucene.document.Document> documents(Article article, String json) {
        if (embedder == null) {
            return ArticleDocuments.of(article, json, null, null);
        }
        List<String> texts = article.units().stream().map(s -> ArticleDocuments.passage(article, s)).toList();
        if (!Boolean.getBoolean(HEADING_VECTORS)) {
            return ArticleDocuments.of(article, json, vectors(texts), null);
        }
        List<String> headings = article.units().stream().map(s -> ArticleDocuments.headingPassage(article, s)).toList();
        List<String> all = new ArrayList<>(texts);
        all.addAll(headings);
        List<float[]> vectors = vectors(all);
        return ArticleDocuments.of(article, json, vectors.subList(0, texts.size()), vectors.subList(texts.size(), all.size()));
    }

    /** The vectors of an article's passages: from the cache, the rest from the model in one call. */
    private List<float[]> vectors(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            float[] v = cache.get(passages.get(i));
            vectors.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedPassages(missing.stream().map(passages::get).toList());
            for (int j = 0; j < missing.size(); j++) {
                vectors.set(missing.get(j), fresh.get(j));
                cache.put(passages.get(missing.get(j)), fresh.get(j));
            }
        }
        return vectors;
    }

    /** A page that threw: logged with its stack trace (a bug to fix), counted, and the run goes on below the limit. */
    private void failed(Path file, Throwable e, Counters counters) throws IOException {
        ReindexReport.Skipped error = skip(file, "unexpected " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        LOG.log(System.Logger.Level.WARNING, "reindex: " + error.file() + " failed and is skipped", e);
        counters.errors.add(error);
        if (counters.errors.size() > counters.errorLimit) {
            throw new IOException(counters.errors.size() + " pages failed unexpectedly, more than the limit of "
                    + counters.errorLimit + " (first: " + counters.errors.getFirst().file() + ": "
                    + counters.errors.getFirst().reason() + ")", e);
        }
    }

    private static List<ReindexReport.Skipped> sorted(List<ReindexReport.Skipped> list) {
        List<ReindexReport.Skipped> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(ReindexReport.Skipped::file));
        return sorted;
    }

    private ReindexReport.Skipped skip(Path file, String reason) {
        Path abs = file.toAbsolutePath().normalize();
        String name = abs.startsWith(corpus) ? corpus.relativize(abs).toString() : file.toString();
        return new ReindexReport.Skipped(name, reason);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void join(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reindex interrupted", e);
        }
    }

    private static final class Counters {
        final long started = System.nanoTime();
        final int errorLimit;
        final List<ReindexReport.Skipped> errors = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger articles = new AtomicInteger();
        final AtomicLong sections = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        Counters(int errorLimit) {
            this.errorLimit = errorLimit;
        }
    }
}
