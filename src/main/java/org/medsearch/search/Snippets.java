package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snippets of section text: whole sentences around the matched words, as text plus match ranges
 * ({@link Snippet}). Lucene's UnifiedHighlighter reads match offsets from the postings, so no hit's text
 * is re-analysed, and it runs only over the sections shown.
 */
final class Snippets {
    static final int PASSAGES = 2;
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();

    private Snippets() {
    }

    /**
     * Snippets for the given section documents, in the same order; a section without a match gets its opening.
     * Each section's stored body is already read ({@code bodies[i]} of {@code docIds[i]}, null for none) by
     * the caller that reads its other fields too: one
     * stored-fields visit per section, not two (the profile put each at ~4% of a search).
     * {@code fieldInfos} are the searcher's field infos merged over its segments, as the index generation keeps
     * them (null: merged here).
     */
    static Snippet[] of(IndexSearcher searcher, FieldInfos fieldInfos, Analyzer analyzer, Query query, int[] docIds,
                        String[] bodies) {
        if (docIds.length == 0) {
            return new Snippet[0];
        }
        Map<Integer, String> read = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            read.put(docIds[i], bodies[i]);
        }
        DataHighlighter highlighter = new DataHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(FORMATTER)
                .withScorer(new ReusingPassageScorer())
                .withBreakIterator(SentenceIterator::new)
                .withHighlightPhrasesStrictly(true), read, fieldInfos);
        Query body = bodyOnly(query);
        try {
            Map<String, Object[]> out = highlighter.formatted(new String[] {Fields.BODY}, body == null ? query : body, docIds,
                    new int[] {PASSAGES});
            Object[] found = out.get(Fields.BODY);
            Snippet[] snippets = new Snippet[found.length];
            for (int i = 0; i < found.length; i++) {
                snippets[i] = found[i] == null ? Snippet.EMPTY : (Snippet) found[i];
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The parts of a query that match section text. The highlighter builds the query's matches once per
     * shown section, looking up every term; it uses only the body's, so the title, alias and heading
     * clauses (three of every word's four) are dropped first (the profile put those lookups at half of
     * highlighting). A query of an unknown shape is kept whole.
     */
    static Query bodyOnly(Query q) {
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause c : b.clauses()) {
                Query sub = c.occur() == BooleanClause.Occur.MUST_NOT ? null : bodyOnly(c.query());
                if (sub != null) {
                    out.add(sub, BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            return kept == 0 ? null : out.build();
        }
        if (q instanceof DisjunctionMaxQuery d) {
            List<Query> kept = d.getDisjuncts().stream().map(Snippets::bodyOnly).filter(java.util.Objects::nonNull).toList();
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.getFirst() : new DisjunctionMaxQuery(kept, 0f);
        }
        if (q instanceof BoostQuery b) {
            return bodyOnly(b.getQuery());
        }
        if (q instanceof TermQuery t) {
            return Fields.BODY.equals(t.getTerm().field()) ? q : null;
        }
        if (q instanceof PhraseQuery p) {
            return Fields.BODY.equals(p.getField()) ? q : null;
        }
        if (q instanceof MultiPhraseQuery p) {
            return p.getTermArrays().length > 0 && Fields.BODY.equals(p.getTermArrays()[0][0].field()) ? q : null;
        }
        return q;
    }

    /**
     * The highlighter with its formatter's objects made reachable (Lucene keeps that method protected), and
     * the query's matches read through one weight per segment (see {@link OncePerSegment}).
     */
    private static final class DataHighlighter extends UnifiedHighlighter {
        /** Bodies read by the caller, by document. */
        private final Map<Integer, String> bodies;

        DataHighlighter(Builder builder, Map<Integer, String> bodies, FieldInfos merged) {
            super(builder);
            this.bodies = bodies;
            // Lucene merges them on first use when left null.
            this.fieldInfos = merged;
        }

        /** The bodies already read, cut to the highlighter's analysed length as its own stored-fields visitor cuts them. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            if (fields.length != 1 || !Fields.BODY.equals(fields[0])) {
                return super.loadFieldValues(fields, docs, cacheCharsThreshold);
            }
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                String body = bodies.get(doc);
                out.add(new CharSequence[] {body == null ? null : body.substring(0, Math.min(body.length(), getMaxLength()))});
            }
            return out;
        }

        Map<String, Object[]> formatted(String[] fields, Query query, int[] docIds, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, passages);
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            if (source == OffsetSource.POSTINGS && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
                return new OncePerSegment(components);
            }
            return super.getOffsetStrategy(source, components);
        }
    }

    /**
     * Match offsets from the postings, as Lucene's {@code PostingsOffsetStrategy} reads them with weight
     * matches, but with the query rewritten once per segment rather than once per shown section: Lucene
     * builds a searcher, rewrites the query and looks every term up in the terms dictionary for each section
     * (the profile put that at a third of highlighting). Each segment's matches then come from
     * {@link SegmentMatches}. Lives for one search.
     */
    private static final class OncePerSegment extends PostingsOffsetStrategy {
        private final Map<LeafReader, SegmentMatches> segments = new IdentityHashMap<>();
        private final Map<LeafReader, LeafReader> remapped = new IdentityHashMap<>();

        OncePerSegment(UHComponents components) {
            super(components);
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
            if (reader.terms(getField()) == null) {
                return OffsetsEnum.EMPTY;
            }
            LeafReader leaf = remapped.computeIfAbsent(reader, this::matchedFieldsAsThis);
            SegmentMatches segment = segments.get(reader);
            if (segment == null) {
                IndexSearcher searcher = new IndexSearcher(leaf);
                searcher.setQueryCache(null);
                segment = new SegmentMatches(searcher, leaf, searcher.rewrite(components.query()));
                segments.put(reader, segment);
            }
            Matches matches = segment.matches(docId);
            if (matches == null) {
                return OffsetsEnum.EMPTY;
            }
            List<OffsetsEnum> found = new ArrayList<>();
            for (String field : matches) {
                MatchesIterator it = components.fieldMatcher().test(field) ? matches.getMatches(field) : null;
                if (it != null) {
                    found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                }
            }
            return found.isEmpty() ? OffsetsEnum.EMPTY : found.size() == 1 ? found.getFirst() : new OffsetsEnum.MultiOffsetsEnum(found);
        }

        /** The segment with the fields the highlighter matches read as the highlighted one, as Lucene's own strategy does. */
        private LeafReader matchedFieldsAsThis(LeafReader reader) {
            return new FilterLeafReader(reader) {
                @Override
                public Terms terms(String field) throws IOException {
                    return super.terms(components.fieldMatcher().test(field) ? components.field() : field);
                }

                @Override
                public CacheHelper getCoreCacheHelper() {
                    return null;
                }

                @Override
                public CacheHelper getReaderCacheHelper() {
                    return null;
                }
            };
        }
    }

    /** Postings enums opened to read match offsets, over all searches (tests bound the work with it). */
    static final java.util.concurrent.atomic.LongAdder POSTINGS_OPENED = new java.util.concurrent.atomic.LongAdder();

    /**
     * One segment's matches of a rewritten query, the same as its weight's {@code matches} (a boolean query's
     * clauses in order, a term's positions and offsets, anything else through its own weight), but each term
     * reads one postings enum that moves forward over the shown sections, which the highlighter visits in
     * document order. Lucene's term weight opens a new enum per section and term and skips it from the start
     * of the list (the profile put that at half of the highlighter's matching: ~300 enums per question).
     */
    private static final class SegmentMatches {
        private final IndexSearcher searcher;
        private final LeafReader leaf;
        private final Query query;
        private final Map<Query, TermCursor> terms = new IdentityHashMap<>();
        private final Map<Query, Weight> others = new IdentityHashMap<>();

        SegmentMatches(IndexSearcher searcher, LeafReader leaf, Query rewritten) {
            this.searcher = searcher;
            this.leaf = leaf;
            this.query = rewritten;
        }

        Matches matches(int doc) throws IOException {
            return of(query, doc);
        }

        /** As {@code BooleanWeight}, {@code BoostQuery}'s weight and {@code TermWeight} give them. */
        private Matches of(Query q, int doc) throws IOException {
            if (q instanceof BoostQuery b) {
                return of(b.getQuery(), doc);
            }
            if (q instanceof TermQuery t) {
                TermCursor cursor = terms.get(t);
                if (cursor == null) {
                    cursor = new TermCursor(t, leaf);
                    terms.put(t, cursor);
                }
                return cursor.matches(doc);
            }
            if (q instanceof BooleanQuery b) {
                List<Matches> found = new ArrayList<>();
                int should = 0;
                for (BooleanClause c : b.clauses()) {
                    Matches m = of(c.query(), doc);
                    if (c.isProhibited() && m != null) {
                        return null;
                    }
                    if (c.isRequired()) {
                        if (m == null) {
                            return null;
                        }
                        found.add(m);
                    }
                    if (c.occur() == BooleanClause.Occur.SHOULD && m != null) {
                        found.add(m);
                        should++;
                    }
                }
                return should < b.getMinimumNumberShouldMatch() ? null : MatchesUtils.fromSubMatches(found);
            }
            Weight w = others.get(q);
            if (w == null) {
                w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
                others.put(q, w);
            }
            return w.matches(leaf.getContext(), doc);
        }
    }

    /** One term's postings in one segment, with positions and offsets, moving forward from section to section. */
    private static final class TermCursor {
        private final TermQuery query;
        private final LeafReader leaf;
        private PostingsEnum postings;
        /** The last section asked for: a later one can reuse the enum, an earlier or the same one cannot. */
        private int target = -1;
        private boolean absent;

        TermCursor(TermQuery query, LeafReader leaf) {
            this.query = query;
            this.leaf = leaf;
        }

        /** The term's matches in {@code doc}, or null; as Lucene's {@code TermWeight.matches} gives them. */
        Matches matches(int doc) throws IOException {
            if (absent) {
                return null;
            }
            if (postings == null || doc <= target) {
                postings = open();
                if (postings == null) {
                    absent = true;
                    return null;
                }
            }
            target = doc;
            int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
            if (at != doc) {
                return null;
            }
            PostingsEnum here = postings;
            boolean[] first = {true};
            return MatchesUtils.forField(query.getTerm().field(), () -> {
                if (first[0]) {
                    first[0] = false;
                    return new Positions(query, here);
                }
                // Asked again for the same section: a fresh enum, as Lucene's supplier makes one per call.
                PostingsEnum again = open();
                return again != null && again.advance(doc) == doc ? new Positions(query, again) : null;
            });
        }

        private PostingsEnum open() throws IOException {
            Terms t = leaf.terms(query.getTerm().field());
            if (t == null) {
                return null;
            }
            TermsEnum te = t.iterator();
            if (!te.seekExact(query.getTerm().bytes())) {
                return null;
            }
            POSTINGS_OPENED.increment();
            return te.postings(null, PostingsEnum.OFFSETS);
        }
    }

    /** A term's positions in one section, as Lucene's (package-private) {@code TermMatchesIterator} reads them. */
    private static final class Positions implements MatchesIterator {
        private final Query query;
        private final PostingsEnum postings;
        private int left;
        private int position;

        Positions(Query query, PostingsEnum postings) throws IOException {
            this.query = query;
            this.postings = postings;
            this.left = postings.freq();
        }

        @Override
        public boolean next() throws IOException {
            if (left-- > 0) {
                position = postings.nextPosition();
                return true;
            }
            return false;
        }

        @Override
        public int startPosition() {
            return position;
        }

        @Override
        public int endPosition() {
            return position;
        }

        @Override
        public int startOffset() throws IOException {
            return postings.startOffset();
        }

        @Override
        public int endOffset() throws IOException {
            return postings.endOffset();
        }

        @Override
        public MatchesIterator getSubMatches() {
            return null;
        }

        @Override
        public Query getQuery() {
            return query;
        }
    }
}
