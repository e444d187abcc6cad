package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.index.Analyzers;
import org.medsearch.index.ArticleDocuments;
import org.medsearch.index.Fields;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.SectionKind;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.medsearch.search.query.FocusFinder;
import org.medsearch.search.query.QueryBudget;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.Understanding;
import org.medsearch.search.query.UserQuery;
import org.medsearch.search.query.UserQueryParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Runs searches against the live index: understands the query, ranks sections (BM25, blended with
 * semantic similarity when the index has section vectors), groups them into articles (an article ranks
 * by its best section) and highlights the best sections of each article.
 */
public final class Searcher {
    /** The {@link #stats()} key of the live generation's folder name ({@code gen-000007}). */
    public static final String STATS_GENERATION = "generation";
    /** Best sections shown per article. */
    static final int SECTIONS_PER_HIT = 3;
    /** What a shown section reads from its stored fields: its hit's fields and the body its snippet is cut from. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ARTICLE_ID, Fields.TITLE, Fields.URL, Fields.SOURCE,
            Fields.HEADING, Fields.KIND, Fields.ANCHOR, Fields.BODY);

    private final LiveIndex index;
    private final Analyzer analyzer = Analyzers.english();
    private final QueryBuilder builder;
    private final BM25Similarity similarity;
    private final RankingConfig ranking;
    private final SemanticRanker semantic;
    private final QueryBudget budget;
    /** A new deadline per search (null: none). */
    private final Supplier<QueryTimeout> deadline;

    /** How long a search may take before it answers with what it has found: a server default. */
    public static final long DEFAULT_TIMEOUT_MS = 1_000;
    /** System property that turns the result cache off ({@code -Dmedsearch.resultCache=false}: the benchmark's uncached server). */
    public static final String RESULT_CACHE_PROPERTY = "medsearch.resultCache";
    /** Common words are scored after the pass when their postings are over this many times {@link RankingConfig#commonWordDepth()}. */
    static final int COMMON_POSTINGS_PER_RESCORED = 20;
    /** Passes over a query's section matches (ranking and facet searches), so tests can bound a search's work. */
    final LongAdder passes = new LongAdder();
    private boolean resultCache = !"false".equals(System.getProperty(RESULT_CACHE_PROPERTY));

    public Searcher(LiveIndex index) {
        this(index, RankingConfig.defaults(), null);
    }

    /**
     * A searcher with the given knobs; {@code semantic} may be null for lexical ranking only (an index
     * built with {@code --no-semantic}, or no embedding model on this machine).
     */
    public Searcher(LiveIndex index, RankingConfig ranking, SemanticRanker semantic) {
        this.index = index;
        this.builder = new QueryBuilder(analyzer, ranking.queryWeights());
        this.similarity = new BM25Similarity(ranking.k1(), ranking.b());
        this.ranking = ranking;
        this.semantic = semantic;
        this.budget = QueryBudget.DEFAULT;
        this.deadline = () -> new QueryTimeoutImpl(DEFAULT_TIMEOUT_MS);
        index.onOpen(this::warm);
    }

    private Searcher(Searcher base, QueryBudget budget, Supplier<QueryTimeout> deadline) {
        this.index = base.index;
        this.builder = base.builder;
        this.similarity = base.similarity;
        this.ranking = base.ranking;
        this.semantic = base.semantic;
        this.budget = budget;
        this.deadline = deadline;
        this.resultCache = base.resultCache;
    }

    /** This searcher with each search stopped after {@code millis} (0: never). */
    public Searcher withTimeout(long millis) {
        return withDeadline(millis <= 0 ? () -> null : () -> new QueryTimeoutImpl(millis));
    }

    /** This searcher with a deadline of its own making per search (tests count work instead of time). */
    public Searcher withDeadline(Supplier<QueryTimeout> perSearch) {
        return new Searcher(this, budget, perSearch);
    }

    /** This searcher reading queries within another budget. */
    public Searcher withBudget(QueryBudget other) {
        return new Searcher(this, other, deadline);
    }

    /** Questions a new generation answers before it serves: plain words, a phrase, a scoped search, a typo. */
    private static final List<SearchRequest> WARM_UP = List.of(SearchRequest.of("what are the symptoms of diabetes"),
            SearchRequest.of("\"high blood pressure\" treatment"), new SearchRequest("asthma", Set.of(SectionKind.CAUSES), 1, 10),
            SearchRequest.of("astma inhaler"));

    /**
     * Warms the generation being served now. A new generation is warmed before it is swapped in, but the
     * one opened at start is not: without this the first question on a fresh server pays for loading the
     * embedding model and tables and, on a busy machine, comes back cut short by its deadline.
     */
    public void warmCurrent() {
        try {
            index.withSnapshot(snapshot -> {
                warm(snapshot);
                return null;
            });
        } catch (RuntimeException e) {
            // As for a new generation: a failed warm-up only means a slower first search.
            System.err.println("medsearch: warming the index generation failed: " + e.getMessage());
        }
    }

    /** Runs the warm-up searches on a snapshot not yet live (their results are not cached). */
    void warm(IndexSnapshot snapshot) {
        long start = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            for (SearchRequest r : WARM_UP) {
                compute(snapshot, r, budget.cut(r.query()), new SearchDeadline(deadline.get()), System.nanoTime());
            }
        }
        System.err.printf("medsearch: index generation warmed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One page of ranked, highlighted article hits, with a spelling suggestion and facet counts. When
     * the query as typed finds nothing but its correction does, the correction's results are served.
     */
    public SearchResults search(SearchRequest typed) {
        long start = System.nanoTime();
        // Within the budget whatever was typed; past the deadline, what was found by then.
        QueryBudget.Cut cut = budget.cut(typed.query());
        SearchRequest request = typed.withQuery(cut.text());
        SearchDeadline limit = new SearchDeadline(deadline.get());
        return index.withSnapshot(snapshot -> {
            if (!resultCache) {
                return computeCounted(snapshot, request, cut, limit, start);
            }
            // The same request on the same generation gives the same page: a repeat costs a lookup. A page
            // cut short by the deadline is not the request's answer, so it is served but never remembered.
            ResultKey key = ResultKey.of(this, request);
            SearchResults cached = snapshot.results().peek(key);
            if (cached == null) {
                SearchResults fresh = computeCounted(snapshot, request, cut, limit, start);
                if (!fresh.partial()) {
                    snapshot.results().put(key, fresh);
                }
                return fresh;
            }
            return cached.with(cached.suggestion(), cached.correctedFrom(), cached.facets(), (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** {@link #compute}, counted among the searches running, which decide how many cores a large search may take. */
    private SearchResults computeCounted(IndexSnapshot snapshot, SearchRequest request, QueryBudget.Cut cut,
                                         SearchDeadline limit, long start) {
        try (SlicedSearcher.Running running = SlicedSearcher.running()) {
            return compute(snapshot, request, cut, limit, start);
        }
    }

    /** This searcher without the result cache: every search does its whole work (for the benchmark). */
    public Searcher withoutResultCache() {
        Searcher s = new Searcher(this, budget, deadline);
        s.resultCache = false;
        return s;
    }

    /** This searcher without the result cache and embedding every question afresh (for the benchmark). */
    public Searcher uncached() {
        Searcher s = new Searcher(index, ranking, semantic == null ? null : semantic.uncached());
        s.resultCache = false;
        return s;
    }

    private SearchResults compute(IndexSnapshot snapshot, SearchRequest request, QueryBudget.Cut cut, SearchDeadline limit,
                                  long start) {
        try {
            Answer answer = ranked(snapshot, request, UserQueryParser.parse(request.query()), start, limit);
            // A query cut to its budget is pasted text: rewriting all of it is no suggestion anyone clicks.
            String suggestion = request.query().isBlank() || cut.truncated() || limit.passed() ? null
                    : snapshot.spelling().suggest(request.query(), budget.lookups());
            String correctedFrom = null;
            if (answer.results().total() == 0 && suggestion != null && !limit.passed()) {
                Answer corrected = ranked(snapshot, request.withQuery(suggestion), UserQueryParser.parse(suggestion), start, limit);
                if (corrected.results().total() > 0) {
                    answer = corrected;
                    correctedFrom = request.query();
                }
            }
            List<String> notes = new ArrayList<>();
            if (answer.results().total() == 0 && !limit.passed()) {
                answer = withoutUnmatchedPhrases(snapshot, request, answer, start, limit, notes);
            }
            if (cut.truncated()) {
                notes.add(cut.note());
            }
            SearchResults results = answer.results();
            Facets facets = facets(snapshot, request.withQuery(results.query()), answer, limit);
            return results.with(suggestion, correctedFrom, facets, (System.nanoTime() - start) / 1_000_000)
                    .withNotes(notes).withPartial(limit.cutShort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer with the quoted phrases no page contains read as plain words (see {@link PhraseFallback}). */
    private Answer withoutUnmatchedPhrases(IndexSnapshot snapshot, SearchRequest request, Answer answer, long start,
                                           SearchDeadline limit, List<String> notes) throws IOException {
        IndexSearcher counter = limit.arm(searcher(snapshot));
        Optional<PhraseFallback.Relaxed> relaxed = PhraseFallback.of(answer.parsed(), c -> {
            try {
                return counter.count(builder.build(new UserQuery(List.of(c)), request.kinds()).sectionQuery());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (relaxed.isEmpty()) {
            return answer;
        }
        Answer second = ranked(snapshot, request, relaxed.get().query(), start, limit);
        if (second.results().total() == 0) {
            return answer;
        }
        notes.add(relaxed.get().note());
        return second;
    }

    /** A page of results with the query it was ranked by, so facets count over the same query. */
    private record Answer(SearchResults results, UserQuery parsed, QueryBuilder.Built built, Query excluded, Facets facets) {
    }

    private Answer ranked(IndexSnapshot snapshot, SearchRequest request, UserQuery parsed, long start,
                          SearchDeadline limit) throws IOException {
        IndexSearcher searcher = limit.arm(searcher(snapshot));
        // A kind-scoped search (no source chosen) is built without its kinds: the ranking applies them per
        // matching section in the same pass that counts the facets over every kind (see rank).
        boolean kindsInPass = kindsInPass(request.kinds(), request.sources());
        QueryBuilder.Built built = build(snapshot, parsed, kindsInPass ? Set.of() : request.kinds());
        int wanted = request.page() * request.size();
        Ranked ranked = rank(snapshot, searcher, limit.arm(sectionSearcher(snapshot)), built, wanted(parsed, request.query()),
                request.kinds(), request.sources(), Math.max(100, wanted * 8), wanted, true);
        List<List<Candidate>> articles = byArticle(ranked.sections());
        int from = Math.min(articles.size(), (request.page() - 1) * request.size());
        int to = Math.min(articles.size(), from + request.size());
        List<SearchResults.ArticleHit> hits = hits(snapshot, searcher, built, articles.subList(from, to));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new Answer(new SearchResults(request.query(), ranked.totalArticles(), tookMs, request.page(),
                request.size(), readable(snapshot, built.understood()), hits), parsed, built, ranked.excluded(), ranked.facets());
    }

    /** A ranked section: its id ({@code articleId#anchor}) and score. */
    public record SectionScore(String id, float score) {
    }

    /**
     * The best sections for a query, best first: the same ranking the article results are grouped
     * from, for section-level evaluation.
     */
    public List<SectionScore> sections(String query, int n) {
        String read = budget.cut(query).text();
        UserQuery parsed = UserQueryParser.parse(read);
        return index.withSnapshot(snapshot -> {
            try {
                IndexSearcher searcher = searcher(snapshot);
                QueryBuilder.Built built = build(snapshot, parsed, Set.of());
                List<Candidate> ranked = rank(snapshot, searcher, sectionSearcher(snapshot), built, wanted(parsed, read),
                        Set.of(), Set.of(), Math.max(100, n), 0, false).sections();
                StoredFields stored = searcher.storedFields();
                List<SectionScore> out = new ArrayList<>();
                for (Candidate c : ranked.subList(0, Math.min(n, ranked.size()))) {
                    out.add(new SectionScore(stored.document(c.doc(), Set.of(Fields.ID)).get(Fields.ID), c.score()));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The text of what is wanted, for semantic similarity: what is excluded must not pull its neighbours in
     * ('diabetes -"kidney zebra"' would otherwise count more articles than 'diabetes'). Without exclusions,
     * the text as typed.
     */
    private static String wanted(UserQuery parsed, String typed) {
        if (parsed.clauses().stream().noneMatch(UserQuery.Clause::excluded)) {
            return typed;
        }
        return String.join(" ", parsed.clauses().stream().filter(c -> !c.excluded()).map(UserQuery.Clause::text).toList());
    }

    /** Matching articles by kind and source, over the query's matches before its own kind/source filters. */
    private Facets facets(IndexSnapshot snapshot, SearchRequest request, Answer ranked, SearchDeadline limit) throws IOException {
        if (request.query().isBlank()) {
            return Facets.EMPTY;
        }
        if (ranked.facets() != null) {
            return ranked.facets();
        }
        IndexSearcher searcher = limit.arm(sectionSearcher(snapshot));
        // Without a kind filter the ranking's query is the one to count over: reuse it (and its
        // exclusions) instead of understanding the question a second time.
        QueryBuilder.Built built = request.kinds().isEmpty() ? ranked.built()
                : build(snapshot, ranked.parsed(), Set.of());
        passes.increment();
        return searcher.search(restricted(built.inSections(), ranked.excluded(), Set.of()),
                new FacetCounter(snapshot, snapshot.facetTables(), request.kinds(), request.sources())).facets();
    }

    /** Up to {@code n} completions of a typed prefix (see {@link Suggestions}). */
    public List<String> suggest(String prefix, int n) {
        return index.withSnapshot(snapshot -> {
            try {
                return snapshot.suggestions().lookup(prefix, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The articles most like the given one, best first; empty when the id is not in the index. */
    public Optional<List<RelatedArticle>> related(String id, int n) {
        return article(id).map(article -> index.withSnapshot(snapshot -> {
            try {
                return RelatedArticles.find(searcher(snapshot), analyzer, article, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The whole cleaned article, if the id is in the index. */
    public Optional<Article> article(String id) {
        return index.withSnapshot(snapshot -> {
            try {
                IndexSearcher s = searcher(snapshot);
                Query q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER).build();
                TopDocs top = s.search(q, 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.<Article>empty();
                }
                Document doc = s.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.ARTICLE_JSON));
                return Optional.of(ArticleDocuments.fromJson(doc.get(Fields.ARTICLE_JSON)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Articles and sections in the live index (its commit data), and its generation folder's name. */
    public Map<String, String> stats() {
        return index.withSnapshot(s -> {
            Map<String, String> stats = new java.util.HashMap<>(s.commitData());
            stats.put(STATS_GENERATION, s.generation().getFileName().toString());
            return stats;
        });
    }

    private QueryBuilder.Built build(IndexSnapshot snapshot, UserQuery query, Set<SectionKind> kinds) throws IOException {
        QueryBuilder.TermCorrector corrector = ranking.spelling() ? snapshot.spelling().within(budget.lookups()) : t -> t;
        return builder.build(query, kinds, new QueryBuilder.Context(corrector, snapshot.focusFinder(), snapshot::bodyDocFreq,
                snapshot.bodyDocs()));
    }

    /** The understood query with each focus shown as the title of the article it names. */
    private static Understanding readable(IndexSnapshot snapshot, Understanding u) throws IOException {
        FocusFinder finder = snapshot.focusFinder();
        List<String> titles = u.focus().stream().map(finder::title).distinct().toList();
        return u.withFocus(titles);
    }

    /**
     * A searcher over a snapshot with this ranking's similarity (cheap: a view, not a copy), spread over the cores
     * when the index is large ({@link SlicedSearcher}).
     */
    private IndexSearcher searcher(IndexSnapshot snapshot) {
        IndexSearcher s = SlicedSearcher.over(snapshot.reader());
        s.setSimilarity(similarity);
        return s;
    }

    /** The same over the snapshot's sections only ({@link SectionsOnlyReader}), for the queries built for it. */
    private IndexSearcher sectionSearcher(IndexSnapshot snapshot) throws IOException {
        IndexSearcher s = SlicedSearcher.over(snapshot.sectionsOnly());
        s.setSimilarity(similarity);
        return s;
    }

    /**
     * True when a ranking with facets applies the kinds per matching section instead of in its query: kinds
     * chosen and no source. The query must then be built without the kinds ({@link #ranked} and {@link #rank}
     * both ask this, so they cannot disagree).
     */
    private static boolean kindsInPass(Set<SectionKind> kinds, Set<String> sources) {
        return !kinds.isEmpty() && sources.isEmpty();
    }

    /** Sections in rank order, the number of distinct matching articles, and the articles left out (or null). */
    private record Ranked(List<Candidate> sections, long totalArticles, Query excluded, Facets facets) {
    }

    /**
     * Ranks sections: the top {@code k} by BM25 (with query understanding), then, with a semantic ranker,
     * blended with vector similarity. Grows {@code k} until it covers {@code wantedArticles} articles. The BM25 pass
     * runs on {@code sections} (the snapshot's sections only, {@link #sectionSearcher}); the rest on {@code searcher}.
     */
    private Ranked rank(IndexSnapshot snapshot, IndexSearcher searcher, IndexSearcher sections, QueryBuilder.Built built,
                        String text, Set<SectionKind> kinds, Set<String> sources, int k, int wantedArticles, boolean facets)
            throws IOException {
        Query excluded = excludedArticles(snapshot, searcher, built);
        QueryBuilder.CommonSplit split = afterThePass(built.split());
        // The pass runs on the sections alone: its query needs no type filter (SectionsOnlyReader).
        Query query = restricted(split == null ? built.inSections() : split.matches(), excluded, sources);
        // Only sections carry vectors, so with nothing narrowed the nearest-vector search needs no filter
        // (a filter costs a bitset of every section per search and a slower graph walk).
        // With no source chosen, the facets count over the query's matches without its kinds: with no kind
        // chosen those are the ranking's matches; with kinds, the query was built without them and the
        // ranking and the total see only the sections of those kinds (KindFiltered). One pass either way
        // instead of a second, facet-only search over every match (a growing share as the corpus grows).
        boolean countHere = facets && sources.isEmpty();
        boolean kindsInPass = facets && kindsInPass(kinds, sources);
        Query vectorFilter = kinds.isEmpty() && excluded == null && sources.isEmpty() ? null
                : restricted(kindsInPass ? QueryBuilder.sectionFilter(kinds) : built.filter(), excluded, sources);
        while (true) {
            // Ties in score are broken by id, so two runs and two indexes of the same corpus rank identically.
            int depth = split == null ? k : Math.max(k, (int) ranking.commonWordDepth());
            var top = new TopFieldCollectorManager(snapshot.byScoreThenId(), depth, null, Integer.MAX_VALUE);
            // Counting facets, the facet counter also gives the matched articles (of the chosen kinds, as the total counts).
            var managers = !countHere
                    ? new MultiCollectorManager(top, new ArticleCounter(snapshot))
                    : new MultiCollectorManager(kindsInPass ? new KindFiltered<>(top, snapshot.facetTables(), kinds) : top,
                            new FacetCounter(snapshot, snapshot.facetTables(), kinds, sources));
            passes.increment();
            Object[] results = sections.search(query, managers);
            TopDocs topDocs = (TopDocs) results[0];
            FacetCounter.Counts counts = countHere ? (FacetCounter.Counts) results[1] : null;
            FixedBitSet articles = counts != null ? counts.articles() : (FixedBitSet) results[1];
            List<Candidate> lexical = split == null ? candidates(snapshot, topDocs)
                    : CommonWordScores.add(snapshot, searcher, split.common(), topDocs, k);
            List<Candidate> ranked = lexical;
            if (semantic != null && !lexical.isEmpty() && semantic.covers(snapshot)) {
                ranked = semantic.blend(snapshot, searcher, text, lexical, vectorFilter, built.plain(), articles);
            }
            ranked.sort(Candidate.order(snapshot));
            boolean more = topDocs.totalHits.value() > lexical.size();
            if (!more || byArticle(ranked).size() >= wantedArticles) {
                return new Ranked(ranked, articles.cardinality(), excluded, counts != null ? counts.facets() : null);
            }
            k *= 4;
        }
    }

    /**
     * The common words to score after the pass, for its best sections only (see {@link CommonWordScores}); null
     * to score them in the pass. That pays when their postings are long beside the depth: at x50 a
     * LiveQA question's CPU fell 48-49 -> 34 ms, while in MedQuAD itself, where a common word is in 2,400-5,000
     * documents, the deeper top k and the rescoring cost 0-0.4 ms more than they saved.
     */
    private QueryBuilder.CommonSplit afterThePass(QueryBuilder.CommonSplit split) {
        float depth = ranking.commonWordDepth();
        return split != null && depth > 0 && split.postings() > COMMON_POSTINGS_PER_RESCORED * depth ? split : null;
    }

    private static List<Candidate> candidates(IndexSnapshot snapshot, TopDocs topDocs) {
        List<Candidate> lexical = new ArrayList<>(topDocs.scoreDocs.length);
        for (ScoreDoc sd : topDocs.scoreDocs) {
            lexical.add(new Candidate(sd.doc, (Float) ((FieldDoc) sd).fields[0], snapshot.articleOf(sd.doc)));
        }
        return lexical;
    }

    private static List<List<Candidate>> byArticle(List<Candidate> ranked) {
        Map<Integer, List<Candidate>> grouped = new LinkedHashMap<>();
        for (Candidate c : ranked) {
            grouped.computeIfAbsent(c.article(), a -> new ArrayList<>()).add(c);
        }
        return new ArrayList<>(grouped.values());
    }

    /** A section query with excluded articles removed and only the chosen sources (none chosen: all). */
    private static Query restricted(Query sectionQuery, Query excluded, Set<String> sources) {
        if (excluded == null && sources.isEmpty()) {
            return sectionQuery;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(sectionQuery, Occur.MUST);
        if (excluded != null) {
            q.add(excluded, Occur.MUST_NOT);
        }
        if (!sources.isEmpty()) {
            q.add(sourceFilter(sources), Occur.FILTER);
        }
        return q.build();
    }

    static Query sourceFilter(Set<String> sources) {
        return new TermInSetQuery(Fields.SOURCE, sources.stream().map(BytesRef::new).toList());
    }

    /** The articles to leave out: any that mentions an excluded word or phrase anywhere; null when none. */
    private static Query excludedArticles(IndexSnapshot snapshot, IndexSearcher searcher, QueryBuilder.Built built) throws IOException {
        if (built.exclusionQuery() == null) {
            return null;
        }
        // Article numbers from the snapshot's table, not stored fields: '-pain' matches thousands of sections.
        FixedBitSet articles = searcher.search(built.exclusionQuery(), new ArticleCounter(snapshot));
        List<BytesRef> ids = new ArrayList<>();
        BitSetIterator it = new BitSetIterator(articles, 0);
        for (int a = it.nextDoc(); a != DocIdSetIterator.NO_MORE_DOCS; a = it.nextDoc()) {
            ids.add(new BytesRef(snapshot.articleId(a)));
        }
        return ids.isEmpty() ? null : new TermInSetQuery(Fields.ARTICLE_ID, ids);
    }

    private List<SearchResults.ArticleHit> hits(IndexSnapshot snapshot, IndexSearcher searcher, QueryBuilder.Built built,
                                                List<List<Candidate>> articles) throws IOException {
        List<Candidate> shown = new ArrayList<>();
        for (List<Candidate> sections : articles) {
            shown.addAll(sections.subList(0, Math.min(SECTIONS_PER_HIT, sections.size())));
        }
        int[] docIds = shown.stream().mapToInt(Candidate::doc).toArray();
        // Each shown section's stored fields read once, its body included, for the hit and its snippet.
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[docIds.length];
        String[] bodies = new String[docIds.length];
        // In document order: sections of one article sit in one compressed block, read once for them all.
        Integer[] order = new Integer[docIds.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(d -> docIds[d]));
        for (int d : order) {
            docs[d] = stored.document(docIds[d], HIT_FIELDS);
            bodies[d] = docs[d].get(Fields.BODY);
        }
        Snippet[] snippets = Snippets.of(searcher, snapshot.fieldInfos(), analyzer, built.highlightQuery(), docIds, bodies);
        List<SearchResults.ArticleHit> hits = new ArrayList<>();
        int i = 0;
        for (List<Candidate> sections : articles) {
            List<SearchResults.SectionHit> sectionHits = new ArrayList<>();
            Document first = null;
            for (Candidate c : sections.subList(0, Math.min(SECTIONS_PER_HIT, sections.size()))) {
                Document doc = docs[i];
                if (first == null) {
                    first = doc;
                }
                String anchor = doc.get(Fields.ANCHOR);
                sectionHits.add(new SearchResults.SectionHit(doc.get(Fields.HEADING), doc.get(Fields.KIND), anchor,
                        doc.get(Fields.URL) + "#" + anchor, snippets[i++]));
            }
            hits.add(new SearchResults.ArticleHit(first.get(Fields.ARTICLE_ID), first.get(Fields.TITLE),
                    first.get(Fields.URL), first.get(Fields.SOURCE), sections.get(0).score(), sectionHits));
        }
        return hits;
    }
}
