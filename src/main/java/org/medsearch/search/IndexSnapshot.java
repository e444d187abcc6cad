package org.medsearch.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.FSDirectory;
import org.medsearch.index.Fields;
import org.medsearch.search.query.FocusFinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One open generation of the index: a reader and a table from every document to a dense
 * article number so sections can be grouped and counted by article without string lookups per hit.
 */
public final class IndexSnapshot {
    private final Path generation;
    private final DirectoryReader reader;
    private final int[] articleOfDoc;
    private final String[] articleIds;
    private final Map<String, String> commitData;
    private final Once<FocusFinder> focusFinder = new Once<>(() -> FocusFinder.load(reader()));
    private final Once<FacetTables> facetTables = new Once<>(() -> FacetTables.load(this));
    private final Once<IdOrder> idOrder = new Once<>(() -> IdOrder.load(reader()));
    private final Once<SectionsOnlyReader> sectionsOnly = new Once<>(() -> SectionsOnlyReader.of(reader()));
    private final Once<Suggestions> suggestions = new Once<>(() -> {
        Suggestions s = Suggestions.build(reader());
        System.err.printf("medsearch: typing suggestions ready: %,d completions built in %d ms%n", s.entries(), s.buildMs());
        return s;
    });
    private final SnapshotSpelling spelling;
    /** Times {@link #fieldInfos} was merged (once per generation; tests bound the work with it). */
    final java.util.concurrent.atomic.LongAdder fieldInfosMerged = new java.util.concurrent.atomic.LongAdder();
    /**
     * The generation's field infos merged over its segments, for the highlighter: Lucene's highlighter merges
     * them afresh for each search (a walk over every segment's fields; the profile put it at 3% of a keyword search).
     */
    private final Once<FieldInfos> fieldInfos = new Once<>(() -> {
        fieldInfosMerged.increment();
        return FieldInfos.getMergedFieldInfos(reader());
    });
    /**
     * Bytes of result pages kept per generation. Sized by bytes, not pages: a page of 10 articles with
     * their snippets is ~10-30 KB, so this holds a few thousand pages (the benchmark's three mixes are 664
     * distinct requests; 256 pages made an LRU miss on every one of them), and a page of 100 costs its size. At most a 16th of the heap, so a small -Xmx still serves.
     */
    static final long RESULT_CACHE_BYTES = Math.min(48L << 20, Runtime.getRuntime().maxMemory() / 16);
    private final BoundedCache<ResultKey, SearchResults> results = new BoundedCache<>(RESULT_CACHE_BYTES, IndexSnapshot::bytes);

    private IndexSnapshot(Path generation, DirectoryReader reader) throws IOException {
        this.generation = generation;
        this.reader = reader;
        this.commitData = reader.getIndexCommit().getUserData();
        this.articleOfDoc = new int[reader.maxDoc()];
        Map<String, Integer> numbers = new HashMap<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues dv = leaf.reader().getSortedDocValues(Fields.ARTICLE_ID);
            int[] ordToArticle = new int[dv == null ? 0 : dv.getValueCount()];
            for (int ord = 0; ord < ordToArticle.length; ord++) {
                String id = dv.lookupOrd(ord).utf8ToString();
                ordToArticle[ord] = numbers.computeIfAbsent(id, k -> {
                    ids.add(k);
                    return ids.size() - 1;
                });
            }
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                articleOfDoc[leaf.docBase + doc] = dv != null && dv.advanceExact(doc) ? ordToArticle[dv.ordValue()] : -1;
            }
        }
        this.articleIds = ids.toArray(String[]::new);
        this.spelling = new SnapshotSpelling(reader);
    }

    /** About what a cached page holds on the heap: its strings (a Latin-1 string is ~40 bytes plus a byte a character) and records. */
    static long bytes(SearchResults r) {
        long b = 256 + chars(r.query()) + chars(r.suggestion()) + chars(r.correctedFrom())
                + 64L * (r.facets().kind().size() + r.facets().source().size());
        for (SearchResults.ArticleHit hit : r.hits()) {
            b += 64 + chars(hit.id()) + chars(hit.title()) + chars(hit.url()) + chars(hit.source());
            for (SearchResults.SectionHit s : hit.sections()) {
                b += 64 + chars(s.heading()) + chars(s.kind()) + chars(s.anchor()) + chars(s.link()) + chars(s.snippet())
                        + chars(s.snippetText()) + 24L * s.highlights().size();
            }
        }
        return b;
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + s.length();
    }

    /** Result pages served from this generation, by request. */
    BoundedCache<ResultKey, SearchResults> results() {
        return results;
    }

    /** The spelling of this generation, shared by its searches (its corrections are remembered). */
    SnapshotSpelling spelling() {
        return spelling;
    }

    /** Opens the index in a generation folder. */
    static IndexSnapshot open(Path generation) throws IOException {
        return new IndexSnapshot(generation, DirectoryReader.open(FSDirectory.open(generation)));
    }

    public Path generation() {
        return generation;
    }

    public DirectoryReader reader() {
        return reader;
    }

    /** The same documents with only the sections live, built on first use (see {@link SectionsOnlyReader}). */
    DirectoryReader sectionsOnly() throws IOException {
        return sectionsOnly.get();
    }

    /** How many documents' text has this stem: how common a query word is. */
    int bodyDocFreq(String stem) {
        try {
            return reader.docFreq(new Term(Fields.BODY, stem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents have text ({@link #bodyDocFreq}'s whole). */
    int bodyDocs() {
        try {
            return reader.getDocCount(Fields.BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article number of a (top-level) document id, or -1. */
    int articleOf(int doc) {
        return articleOfDoc[doc];
    }

    String articleId(int number) {
        return articleIds[number];
    }

    int articleCount() {
        return articleIds.length;
    }

    /** The dictionary of article names, loaded on first use. */
    FocusFinder focusFinder() throws IOException {
        return focusFinder.get();
    }

    /** The field infos of every segment merged, once per generation (see {@link #fieldInfos}). */
    FieldInfos fieldInfos() throws IOException {
        return fieldInfos.get();
    }

    /** Best score first, ties by id (see {@link IdOrder}), the id ranks loaded on first use. */
    Sort byScoreThenId() throws IOException {
        return idOrder.get().byScoreThenId();
    }

    /** A document's place in the order of all ids, the tie-break of {@link #byScoreThenId()}. */
    int idRank(int doc) {
        try {
            return idOrder.get().rank(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kind and source tables for facet counts, loaded on first use. */
    FacetTables facetTables() throws IOException {
        return facetTables.get();
    }

    /** The typing suggestions of this generation, built on first use. */
    Suggestions suggestions() throws IOException {
        return suggestions.get();
    }

    /** Counts written by the reindex that built this generation. */
    public Map<String, String> commitData() {
        return commitData;
    }

    boolean tryIncRef() {
        return reader.tryIncRef();
    }

    void decRef() throws IOException {
        reader.decRef();
    }

    /** Something built from this generation on first use, once, even under concurrent requests. */
    private static final class Once<T> {
        private final Loader<T> loader;
        private volatile T value;

        Once(Loader<T> loader) {
            this.loader = loader;
        }

        T get() throws IOException {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = loader.load();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private interface Loader<T> {
        T load() throws IOException;
    }
}
