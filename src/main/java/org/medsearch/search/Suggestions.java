package org.medsearch.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Completions as you type, from the names of the indexed articles (titles and aliases, ranked above
 * everything else and among themselves by how many articles carry them) and the corpus's frequent
 * words (ranked by document frequency). Lucene's FuzzySuggester matches the typed prefix with one
 * typo allowed from the fourth letter on ('diabte' finds 'diabetes'); completions that start with
 * exactly what was typed are listed before typo matches. Built in memory, once per index snapshot.
 */
final class Suggestions {
    /** A word must appear in this many articles to be offered on its own (fewer on a small index). */
    private static final int MIN_WORD_DOCS = 5;
    private static final int FEW = 3;
    private static final long NAME_WEIGHT = 1_000_000L;
    private final FuzzySuggester suggester;
    private final long buildMs;
    private final int entries;

    private Suggestions(FuzzySuggester suggester, long buildMs, int entries) {
        this.suggester = suggester;
        this.buildMs = buildMs;
        this.entries = entries;
    }

    static Suggestions build(IndexReader reader) throws IOException {
        long start = System.nanoTime();
        Map<String, String> surface = new LinkedHashMap<>();
        Map<String, Long> weight = new HashMap<>();
        addNames(reader, surface, weight);
        addWords(reader, surface, weight);
        FuzzySuggester s = new FuzzySuggester(new ByteBuffersDirectory(), "suggest", Analyzers.plain(), Analyzers.plain(),
                AnalyzingSuggester.EXACT_FIRST | AnalyzingSuggester.PRESERVE_SEP, 4, 64, true,
                1, true, 1, 4, false);
        List<String> keys = new ArrayList<>(surface.keySet());
        s.build(new Entries(keys, surface, weight));
        return new Suggestions(s, (System.nanoTime() - start) / 1_000_000, keys.size());
    }

    /** Titles and aliases of the article documents; a name shared by many articles weighs more. */
    private static void addNames(IndexReader reader, Map<String, String> surface, Map<String, Long> weight) throws IOException {
        StoredFields stored = reader.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum p = leaf.reader().postings(new Term(Fields.TYPE, Fields.TYPE_ARTICLE), PostingsEnum.NONE);
            if (p == null) {
                continue;
            }
            for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                Document doc = stored.document(leaf.docBase + d, Set.of(Fields.TITLE, Fields.ALIASES));
                add(surface, weight, doc.get(Fields.TITLE), NAME_WEIGHT);
                for (String alias : doc.getValues(Fields.ALIASES)) {
                    add(surface, weight, alias, NAME_WEIGHT);
                }
            }
        }
    }

    /** Frequent corpus words, weighted by the number of articles using them. */
    private static void addWords(IndexReader reader, Map<String, String> surface, Map<String, Long> weight) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.WORDS);
        if (terms == null) {
            return;
        }
        int minDocs = Math.max(2, Math.min(MIN_WORD_DOCS, terms.getDocCount() / 1000));
        TermsEnum e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
            if (e.docFreq() >= minDocs && t.length >= 4) {
                String w = t.utf8ToString();
                if (w.chars().allMatch(Character::isLetter)) {
                    add(surface, weight, w, e.docFreq());
                }
            }
        }
    }

    private static void add(Map<String, String> surface, Map<String, Long> weight, String text, long w) {
        if (text == null || text.isBlank() || text.length() > 80) {
            return;
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        surface.putIfAbsent(key, text.strip());
        weight.merge(key, w, Long::sum);
    }

    /** Up to {@code n} completions of what was typed, best first. */
    List<String> lookup(String typed, int n) {
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || n <= 0) {
            return List.of();
        }
        try {
            List<Lookup.LookupResult> found = suggester.lookup(prefix, false, n * 3);
            List<String> exact = new ArrayList<>();
            List<String> fuzzy = new ArrayList<>();
            for (Lookup.LookupResult r : found) {
                String text = r.key.toString();
                (text.toLowerCase(Locale.ROOT).startsWith(prefix) ? exact : fuzzy).add(text);
            }
            // Typo matches only help when what was typed completes to little: beside real completions
            // they are noise ('glauc' should not offer 'Gaucher disease').
            if (exact.size() < FEW) {
                exact.addAll(fuzzy);
            }
            return exact.subList(0, Math.min(n, exact.size()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Milliseconds the build took. */
    long buildMs() {
        return buildMs;
    }

    /** Number of distinct completions. */
    int entries() {
        return entries;
    }

    /** Feeds (text, weight) pairs to the suggester. */
    private static final class Entries implements InputIterator {
        private final Iterator<String> keys;
        private final Map<String, String> surface;
        private final Map<String, Long> weight;
        private String current;

        Entries(List<String> keys, Map<String, String> surface, Map<String, Long> weight) {
            this.keys = keys.iterator();
            this.surface = surface;
            this.weight = weight;
        }

        @Override
        public BytesRef next() {
            if (!keys.hasNext()) {
                return null;
            }
            current = keys.next();
            return new BytesRef(surface.get(current));
        }

        @Override
        public long weight() {
            // The suggester stores weights as ints.
            return Math.min(Integer.MAX_VALUE, weight.get(current));
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
