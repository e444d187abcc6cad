package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.index.Analyzers;
import org.medsearch.index.ArticleDocuments;
import org.medsearch.index.Fields;
import org.medsearch.ingest.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs searches against the live index: parses the query, ranks sections by BM25, groups them into
 * articles (an article ranks by its best section) and highlights the best sections of each article.
 */
public final class Searcher {
    /** Best sections shown per article. */
    static final int SECTIONS_PER_HIT = 3;
    /** Ties in score are broken by id, so two runs and two indexes of the same corpus rank identically. */
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ARTICLE_ID, Fields.TITLE, Fields.URL, Fields.SOURCE,
            Fields.HEADING, Fields.KIND, Fields.ANCHOR);

    private final LiveIndex index;
    private final Analyzer analyzer = Analyzers.english();
    private final QueryBuilder builder;
    private final BM25Similarity similarity;
    private final RankingConfig ranking;

    public Searcher(LiveIndex index) {
        this(index, RankingConfig.defaults());
    }

    public Searcher(LiveIndex index, RankingConfig ranking) {
        this.index = index;
        this.builder = new QueryBuilder(analyzer, ranking);
        this.similarity = new BM25Similarity(ranking.k1(), ranking.b());
        this.ranking = ranking;
    }

    private QueryBuilder.Built build(IndexSnapshot snapshot, UserQuery query, Set<org.medsearch.ingest.SectionKind> kinds)
            throws IOException {
        QueryBuilder.TermCorrector corrector = ranking.spelling() ? new Speller(snapshot.reader()) : t -> t;
        return builder.build(query, kinds, new QueryBuilder.Context(corrector, snapshot.focusFinder()));
    }

    /** A searcher over a snapshot with this ranking's similarity (cheap: a view, not a copy). */
    private IndexSearcher searcher(IndexSnapshot snapshot) {
        IndexSearcher s = new IndexSearcher(snapshot.reader());
        s.setSimilarity(similarity);
        return s;
    }

    /**
     * One page of ranked, highlighted article hits, with a spelling suggestion and facet counts. When
     * the query as typed finds nothing but its correction does, the correction's results are served.
     */
    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        return index.withSnapshot(snapshot -> {
            try {
                SearchResults results = ranked(snapshot, request, start);
                String suggestion = request.query().isBlank() ? null : new DidYouMean(snapshot.reader()).suggest(request.query());
                String correctedFrom = null;
                if (results.total() == 0 && suggestion != null) {
                    SearchResults corrected = ranked(snapshot, request.withQuery(suggestion), start);
                    if (corrected.total() > 0) {
                        results = corrected;
                        correctedFrom = request.query();
                    }
                }
                Facets facets = facets(snapshot, request.withQuery(results.query()));
                return results.with(suggestion, correctedFrom, facets, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private SearchResults ranked(IndexSnapshot snapshot, SearchRequest request, long start) throws IOException {
        UserQuery parsed = UserQueryParser.parse(request.query());
        QueryBuilder.Built built = build(snapshot, parsed, request.kinds());
        Page page = rank(snapshot, built, request);
        List<SearchResults.ArticleHit> hits = hits(snapshot, built, page.articles);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResults(request.query(), page.total, tookMs, request.page(), request.size(), built.understood(), hits);
    }

    /** Matching articles by kind and source, over the query's matches before its own kind/source filters. */
    private Facets facets(IndexSnapshot snapshot, SearchRequest request) throws IOException {
        if (request.query().isBlank()) {
            return Facets.EMPTY;
        }
        QueryBuilder.Built built = build(snapshot, UserQueryParser.parse(request.query()), Set.of());
        IndexSearcher searcher = searcher(snapshot);
        return searcher.search(withExclusions(searcher, built),
                new FacetCounter(snapshot, snapshot.facetTables(), request.kinds(), request.sources()));
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

    /** A ranked section: its id ({@code articleId#anchor}) and score. */
    public record SectionScore(String id, float score) {
    }

    /**
     * The best sections for a query, best first: the same ranking the article results are grouped
     * from, for section-level evaluation.
     */
    public List<SectionScore> sections(String query, int n) {
        UserQuery parsed = UserQueryParser.parse(query);
        return index.withSnapshot(snapshot -> {
            try {
                QueryBuilder.Built built = build(snapshot, parsed, Set.of());
                IndexSearcher searcher = searcher(snapshot);
                TopDocs top = searcher.search(withExclusions(searcher, built),
                        new TopFieldCollectorManager(BY_SCORE_THEN_ID, n, null, n));
                StoredFields stored = searcher.storedFields();
                List<SectionScore> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    out.add(new SectionScore(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID), scoreOf(sd)));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static float scoreOf(ScoreDoc sd) {
        return (Float) ((FieldDoc) sd).fields[0];
    }

    /** Articles and sections in the live index. */
    public Map<String, String> stats() {
        return index.withSnapshot(IndexSnapshot::commitData);
    }

    private record Page(long total, List<List<ScoreDoc>> articles) {
    }

    private Page rank(IndexSnapshot snapshot, QueryBuilder.Built built, SearchRequest request) throws IOException {
        IndexSearcher searcher = searcher(snapshot);
        Query query = withSources(withExclusions(searcher, built), request.sources());
        int wanted = request.page() * request.size();
        int k = Math.max(100, wanted * 8);
        while (true) {
            var managers = new MultiCollectorManager(
                    new TopFieldCollectorManager(BY_SCORE_THEN_ID, k, null, Integer.MAX_VALUE),
                    new ArticleCounter(snapshot));
            Object[] results = searcher.search(query, managers);
            TopDocs top = (TopDocs) results[0];
            FixedBitSet articles = (FixedBitSet) results[1];
            Map<Integer, List<ScoreDoc>> grouped = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                grouped.computeIfAbsent(snapshot.articleOf(sd.doc), a -> new ArrayList<>()).add(sd);
            }
            long total = articles.cardinality();
            boolean more = top.totalHits.value() > top.scoreDocs.length;
            if (grouped.size() >= wanted || !more) {
                List<List<ScoreDoc>> all = new ArrayList<>(grouped.values());
                int from = Math.min(all.size(), (request.page() - 1) * request.size());
                int to = Math.min(all.size(), from + request.size());
                return new Page(total, all.subList(from, to));
            }
            k *= 4;
        }
    }

    /** Keeps only sections of the chosen sources (none chosen: all). */
    private static Query withSources(Query query, Set<String> sources) {
        if (sources.isEmpty()) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(new TermInSetQuery(Fields.SOURCE, sources.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .build();
    }

    /** Adds the excluded words: an article that mentions one anywhere is left out entirely. */
    private static Query withExclusions(IndexSearcher searcher, QueryBuilder.Built built) throws IOException {
        if (built.exclusionQuery() == null) {
            return built.sectionQuery();
        }
        Set<BytesRef> ids = new TreeSet<>();
        StoredFields stored = searcher.storedFields();
        TopDocs excluded = searcher.search(built.exclusionQuery(), Math.max(1, searcher.getIndexReader().maxDoc()));
        for (ScoreDoc sd : excluded.scoreDocs) {
            ids.add(new BytesRef(stored.document(sd.doc, Set.of(Fields.ARTICLE_ID)).get(Fields.ARTICLE_ID)));
        }
        if (ids.isEmpty()) {
            return built.sectionQuery();
        }
        return new BooleanQuery.Builder()
                .add(built.sectionQuery(), Occur.MUST)
                .add(new TermInSetQuery(Fields.ARTICLE_ID, ids), Occur.MUST_NOT)
                .build();
    }

    private List<SearchResults.ArticleHit> hits(IndexSnapshot snapshot, QueryBuilder.Built built,
                                                List<List<ScoreDoc>> articles) throws IOException {
        List<ScoreDoc> shown = new ArrayList<>();
        for (List<ScoreDoc> sections : articles) {
            shown.addAll(sections.subList(0, Math.min(SECTIONS_PER_HIT, sections.size())));
        }
        int[] docIds = shown.stream().mapToInt(sd -> sd.doc).toArray();
        String[] snippets = Snippets.of(searcher(snapshot), analyzer, built.highlightQuery(), docIds);
        StoredFields stored = searcher(snapshot).storedFields();
        List<SearchResults.ArticleHit> hits = new ArrayList<>();
        int i = 0;
        for (List<ScoreDoc> sections : articles) {
            List<SearchResults.SectionHit> sectionHits = new ArrayList<>();
            Document first = null;
            for (ScoreDoc sd : sections.subList(0, Math.min(SECTIONS_PER_HIT, sections.size()))) {
                Document doc = stored.document(sd.doc, HIT_FIELDS);
                if (first == null) {
                    first = doc;
                }
                String anchor = doc.get(Fields.ANCHOR);
                sectionHits.add(new SearchResults.SectionHit(doc.get(Fields.HEADING), doc.get(Fields.KIND), anchor,
                        doc.get(Fields.URL) + "#" + anchor, snippets[i++]));
            }
            float score = scoreOf(sections.get(0));
            hits.add(new SearchResults.ArticleHit(first.get(Fields.ARTICLE_ID), first.get(Fields.TITLE),
                    first.get(Fields.URL), first.get(Fields.SOURCE), score, sectionHits));
        }
        return hits;
    }
}
