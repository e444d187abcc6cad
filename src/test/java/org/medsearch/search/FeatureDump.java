package org.medsearch.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.medsearch.eval.Qrels;
import org.medsearch.eval.QueryFile;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.index.embed.Embedder;
import org.medsearch.index.embed.EmbeddingCache;
import org.medsearch.index.embed.Vectors;
import org.medsearch.search.query.QueryBudget;
import org.medsearch.search.query.QueryBuilder;
import org.medsearch.search.query.UserQuery;
import org.medsearch.search.query.UserQueryParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Experiment tool, not a test: for every dev question, the candidate sections the ranking sees (BM25's top 800 and the
 * 100 nearest by vector) with the signals a learned fusion could weigh, one row each, for fitting with
 * leave-one-question-out cross-validation outside the engine.
 *
 * <p>Issue 14's fourth round added: the cosine of each later 128-piece window of a candidate (MaxP; embedded only for
 * the candidates that can reach a top 10, cached in {@code -Dwindows.cache}), the cosine to the mean vector of
 * today's top 3/5/10 sections (dense pseudo-relevance feedback) and BM25 of the 10 terms most frequent in today's
 * top 5/10 sections (RM3-style expansion).
 *
 * <p>Issue 14's sixth round added: {@code -Dsecond.index=DIR}, a second index of the same corpus embedded by another
 * model, for the candidate's cosine under that model ({@code cosB}) and whether it is among that model's 100 nearest
 * ({@code denseB}); {@code -Dwindows=false} skips the MaxP windows (their embedding is the slow part).
 *
 * <p>Usage: {@code [-Dsecond.index=DIR] [-Dwindows=false] FeatureDump INDEX SHARED_MEDQUAD OUT.tsv}.
 */
public final class FeatureDump {
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));

    private FeatureDump() {
    }

    public static void main(String[] args) throws Exception {
        Path medquad = Path.of(args[1]);
        Qrels sections = Qrels.read(medquad.resolve("liveqa-dev-qrels-sections.txt"));
        Qrels articles = Qrels.read(medquad.resolve("liveqa-dev-qrels-articles.txt"));
        RankingConfig ranking = RankingConfig.defaults();
        try (LiveIndex live = new LiveIndex(new IndexStore(Path.of(args[0])));
             PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), true)) {
            String model = live.withSnapshot(s -> s.commitData().get(Fields.COMMIT_EMBEDDING_MODEL));
            Embedder embedder = Embedder.forRecordedName(model);
            Map<String, float[]> passageCache = new HashMap<>();
            EmbeddingCache windowCache = EmbeddingCache.open(Path.of(System.getProperty("windows.cache", "/tmp/windows.cache")),
                    embedder.modelName(), embedder.dimension());
            windowStore = windowCache;
            if (System.getProperty("second.index") != null) {
                second_ = SecondModel.open(Path.of(System.getProperty("second.index")));
            }
            out.println(String.join("\t", "set", "qid", "id", "article", "kind", "order", "grade", "agrade", "lexRank", "dense",
                    "lex", "words", "title", "aliases", "heading", "body", "subj", "cond", "syn", "focus", "focusFirst",
                    "focusSubj", "nfocus", "ask", "nasks", "cos", "cosSubj", "cosCond", "cosHead", "cosTitle", "len", "prod", "artLex", "focusDf", "focusTitle", "focusPos",
                    "focusSpec", "lexRaw", "lex0", "focusCount", "lexNoSyn", "cosMaxP", "cosLater", "nWin", "cosWin2",
                    "prf3", "qm3", "prf5", "qm5", "prf10", "qm10", "rm5", "rm10", "title_s", "heading_s", "cosB", "denseB"));
            for (String set : List.of("written", "summary")) {
                String file = set.equals("written") ? "liveqa-dev-queries.tsv" : "liveqa-dev-queries-summary.tsv";
                for (org.medsearch.eval.Query q : QueryFile.read(medquad.resolve(file))) {
                    live.withSnapshot(snapshot -> {
                        try {
                            dump(out, set, q, snapshot, ranking, embedder, passageCache, sections.grades(q.id()),
                                    articles.grades(q.id()));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return null;
                    });
                    windowCache.save();
                }
            }
            windowCache.save();
            embedder.close();
        }
    }

    static final boolean WINDOWS = Boolean.parseBoolean(System.getProperty("windows", "true"));
    /** A second index of the same corpus embedded by another model ({@code -Dsecond.index=DIR}), for model ensembles. */
    private static SecondModel second_;

    /** The vectors of a second index, looked up by section id. */
    private record SecondModel(IndexSearcher searcher, Map<String, Integer> docs, Embedder embedder) {
        static SecondModel open(Path root) throws IOException {
            Path gen = new IndexStore(root).current().orElseThrow();
            var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(gen));
            IndexSearcher s = new IndexSearcher(reader);
            Map<String, Integer> docs = new HashMap<>();
            var stored = s.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String id = stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
                if (id != null && id.contains("#")) {
                    docs.put(id, doc);
                }
            }
            String model = reader.getIndexCommit().getUserData().get(Fields.COMMIT_EMBEDDING_MODEL);
            System.err.println("second index " + gen + ": " + docs.size() + " sections, model " + model);
            return new SecondModel(s, docs, Embedder.forRecordedName(model));
        }

        float cosine(float[] q, String id) throws IOException {
            Integer doc = docs.get(id);
            if (doc == null) {
                return 0;
            }
            return cosines(searcher, new int[]{doc}, q)[0];
        }

        Set<String> nearest(float[] q, int k) throws IOException {
            Set<String> out = new HashSet<>();
            for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, q, k), k).scoreDocs) {
                out.add(searcher.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return out;
        }
    }

    /** Vectors of the later windows, kept on disk between runs ({@code -Dwindows.cache=FILE}): embedding them is the slow part. */
    private static EmbeddingCache windowStore;
    /** Words a later window starts after the one before: the first 128 word pieces hold ~75 words of body after the title and heading. */
    static final int WINDOW_STRIDE = Integer.getInteger("window.stride", 64);
    static final int MAX_WINDOWS = Integer.getInteger("window.max", 8);

    /** The later passages of a section ("title. heading. " + its body from word 64·k on), which the first vector never saw. */
    static List<String> laterWindows(String title, String heading, String body) {
        String[] words = body == null ? new String[0] : body.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        for (int k = 1; k * WINDOW_STRIDE < words.length && k <= MAX_WINDOWS; k++) {
            int from = k * WINDOW_STRIDE;
            int to = Math.min(words.length, from + 2 * WINDOW_STRIDE);
            out.add(title + ". " + (heading == null ? "" : heading) + ". " + String.join(" ", java.util.Arrays.copyOfRange(words, from, to)));
        }
        return out;
    }

    private static List<float[]> windowVectors(Embedder embedder, List<String> texts) {
        List<String> missing = texts.stream().filter(t -> windowStore.get(t) == null).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> made = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                windowStore.put(missing.get(i), made.get(i));
            }
        }
        return texts.stream().map(windowStore::get).toList();
    }

    private static void dump(PrintStream out, String set, org.medsearch.eval.Query q, IndexSnapshot snapshot, RankingConfig ranking,
                             Embedder embedder, Map<String, float[]> passageCache, Map<String, Integer> grades,
                             Map<String, Integer> articleGrades) throws IOException {
        IndexSearcher searcher = new IndexSearcher(snapshot.reader());
        searcher.setSimilarity(new BM25Similarity(ranking.k1(), ranking.b()));
        String text = QueryBudget.DEFAULT.cut(q.text()).text();
        UserQuery parsed = UserQueryParser.parse(text);
        QueryBuilder builder = new QueryBuilder(Analyzers.english(), ranking.queryWeights());
        QueryBuilder.Built built = builder.build(parsed, Set.of(), new QueryBuilder.Context(
                snapshot.spelling().within(QueryBudget.DEFAULT.lookups()), snapshot.focusFinder(), snapshot::bodyDocFreq, snapshot.bodyDocs()));
        TopDocs top = searcher.search(built.sectionQuery(), 800, BY_SCORE_THEN_ID, true);
        Map<Integer, Integer> lexRank = new HashMap<>();
        Map<Integer, Float> lexScore = new HashMap<>();
        float maxLex = 0;
        for (int i = 0; i < top.scoreDocs.length; i++) {
            lexRank.put(top.scoreDocs[i].doc, i);
            lexScore.put(top.scoreDocs[i].doc, top.scoreDocs[i].score);
            maxLex = Math.max(maxLex, top.scoreDocs[i].score);
        }
        float[] qv = embedder.embedQuery(text);
        String subject = subject(text);
        String condensed = QuestionCondenser.condense(text);
        float[] sv = embedder.embedQuery(subject);
        float[] cv = embedder.embedQuery(condensed);
        Set<Integer> dense = new HashSet<>();
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, qv, 100), 100).scoreDocs) {
            dense.add(sd.doc);
        }
        Set<Integer> pool = new HashSet<>(lexRank.keySet());
        pool.addAll(dense);
        List<Integer> docs = new ArrayList<>(pool);
        docs.sort(null);
        int[] sorted = docs.stream().mapToInt(Integer::intValue).toArray();

        Set<String> synonyms = new HashSet<>(built.understood().synonyms());
        List<String> stems = built.understood().terms().stream().filter(t -> !synonyms.contains(t) && !t.contains(" ")).toList();
        float[] words = scores(searcher, wordsQuery(stems, ranking), sorted);
        float[] lexRaw = scores(searcher, built.sectionQuery(), sorted);
        float[] lex0 = scores(searcher, variant(parsed, snapshot, ranking.with("focusBoost=0,kindBoost=0")), sorted);
        float[] lexF = scores(searcher, variant(parsed, snapshot, ranking.with("focusBoost=1,kindBoost=0")), sorted);
        float[] lexNoSyn = scores(searcher, variant(parsed, snapshot, ranking.with("focusBoost=0,kindBoost=0,synonymBoost=0")), sorted);
        float[] title = scores(searcher, fieldQuery(Fields.TITLE, stems), sorted);
        float[] aliases = scores(searcher, fieldQuery(Fields.ALIASES, stems), sorted);
        float[] heading = scores(searcher, fieldQuery(Fields.HEADING, stems), sorted);
        float[] body = scores(searcher, fieldQuery(Fields.BODY, stems), sorted);
        float[] subj = scores(searcher, wordsQuery(distinct(Analyzers.tokens(subject)), ranking), sorted);
        float[] cond = scores(searcher, wordsQuery(distinct(Analyzers.tokens(condensed)), ranking), sorted);
        float[] syn = scores(searcher, synonymQuery(built.understood().synonyms()), sorted);
        List<String> focus = built.understood().focus();
        List<String> subjFocus = snapshot.focusFinder().find(Analyzers.tokens(subject));
        Set<Integer> focusAny = matching(searcher, focus, sorted);
        Set<Integer> focusFirst = matching(searcher, focus.isEmpty() ? List.of() : focus.subList(0, 1), sorted);
        Set<Integer> focusSubj = matching(searcher, subjFocus, sorted);
        Set<String> asks = new HashSet<>(built.understood().asks());
        float[] cos = cosines(searcher, sorted, qv);
        Map<String, Float> artLex = articleScores(searcher, wordsQuery(stems, ranking));
        Map<String, Integer> focusDf = new HashMap<>();
        Map<String, Double> focusSpec = new HashMap<>();
        int nSections = searcher.count(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SECTION)));
        for (String name : focus) {
            String[] toks = name.split(" ");
            Query p = toks.length == 1 ? new TermQuery(new Term(Fields.BODY, toks[0]))
                    : new org.apache.lucene.search.PhraseQuery(Fields.BODY, toks);
            int c = searcher.count(p);
            focusSpec.put(name, Math.log((double) nSections / (1 + c)));
            focusDf.put(name, searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.TITLE_KEY, name)), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER).build()));
        }
        float[] cosSubj = cosines(searcher, sorted, sv);
        float[] cosCond = cosines(searcher, sorted, cv);
        float[][] vecs = vectors(searcher, sorted);
        // Dense pseudo-relevance feedback: the mean vector of today's top-k sections (section pool, today's blend).
        float maxLexAll = maxLex;
        Integer[] byToday = new Integer[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            byToday[i] = i;
        }
        java.util.Arrays.sort(byToday, (a, b) -> Float.compare(
                cos[b] + ranking.lexicalWeight() * lexScore.getOrDefault(sorted[b], 0f) / maxLexAll,
                cos[a] + ranking.lexicalWeight() * lexScore.getOrDefault(sorted[a], 0f) / maxLexAll));
        List<Integer> sectionPool = new ArrayList<>();
        for (int i : byToday) {
            int r = lexRank.getOrDefault(sorted[i], -1);
            if ((r >= 0 && r < 100) || dense.contains(sorted[i])) {
                sectionPool.add(i);
            }
        }
        // MaxP: the cosine of each later window of the candidate, embedded in one batch. Only for the candidates that can
        // reach a top 10 (the section pool and today's best 150), to bound the embedding on a shared machine; the others
        // keep their first window's cosine.
        Set<Integer> windowed = new HashSet<>(sectionPool);
        for (int j = 0; j < Math.min(150, byToday.length); j++) {
            windowed.add(byToday[j]);
        }
        List<List<String>> windows = new ArrayList<>();
        List<String> allWindows = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            List<String> w = List.of();
            if (windowed.contains(i)) {
                Document d = searcher.storedFields().document(sorted[i], Set.of(Fields.TITLE, Fields.HEADING, Fields.BODY));
                w = laterWindows(d.get(Fields.TITLE), d.get(Fields.HEADING), d.get(Fields.BODY));
            }
            windows.add(w);
            allWindows.addAll(w);
        }
        if (WINDOWS) {
            windowVectors(embedder, allWindows);
        }
        // RM3-style expansion: the terms most frequent in today's top-k sections (not in the question, in at most 10% of the
        // sections), weighted by their share of those sections' text, searched as words with BM25.
        float[] rm5 = scores(searcher, expansion(searcher, sorted, sectionPool, 5, stems, nSections, ranking), sorted);
        float[] rm10 = scores(searcher, expansion(searcher, sorted, sectionPool, 10, stems, nSections, ranking), sorted);
        int[] ks = {3, 5, 10};
        float[][] prf = new float[ks.length][sorted.length];
        float[] qm = new float[ks.length];
        for (int ki = 0; ki < ks.length; ki++) {
            float[] m = new float[qv.length];
            for (int j = 0; j < Math.min(ks[ki], sectionPool.size()); j++) {
                float[] v = vecs[sectionPool.get(j)];
                for (int x = 0; x < m.length; x++) {
                    m[x] += v[x];
                }
            }
            double n = 0;
            for (float x : m) {
                n += x * x;
            }
            for (int x = 0; x < m.length; x++) {
                m[x] /= (float) Math.sqrt(n);
            }
            qm[ki] = Vectors.dot(qv, m);
            for (int i = 0; i < sorted.length; i++) {
                prf[ki][i] = Vectors.dot(vecs[i], m);
            }
        }

        float[] qvB = second_ == null ? null : second_.embedder.embedQuery(text);
        Set<String> denseB = second_ == null ? Set.of() : second_.nearest(qvB, 100);
        for (int i = 0; i < sorted.length; i++) {
            int doc = sorted[i];
            Document d = searcher.storedFields().document(doc, Set.of(Fields.ID, Fields.ARTICLE_ID, Fields.KIND, Fields.HEADING,
                    Fields.TITLE, Fields.BODY));
            String id = d.get(Fields.ID);
            String kind = d.get(Fields.KIND);
            String head = d.get(Fields.TITLE) + ". " + (d.get(Fields.HEADING) == null ? "" : d.get(Fields.HEADING));
            float cosHead = Vectors.dot(qv, passage(embedder, passageCache, head));
            float cosTitle = Vectors.dot(qv, passage(embedder, passageCache, d.get(Fields.TITLE)));
            String bodyText = d.get(Fields.BODY);
            int len = bodyText == null ? 0 : bodyText.length();
            float lex = lexScore.getOrDefault(doc, 0f);
            float cosMaxP = cos[i];
            float cosLater = -1;
            float second = -1;
            for (float[] wv : WINDOWS ? windowVectors(embedder, windows.get(i)) : List.<float[]>of()) {
                float c = Vectors.dot(qv, wv);
                if (c > cosLater) {
                    second = cosLater;
                    cosLater = c;
                } else if (c > second) {
                    second = c;
                }
                cosMaxP = Math.max(cosMaxP, c);
            }
            float prod = cos[i] + ranking.lexicalWeight() * (maxLex > 0 ? lex / maxLex : 0);
            String order = id.substring(id.indexOf('#') + 1);
            String titleKey = Analyzers.key(d.get(Fields.TITLE));
            int df = 0;
            int pos = -1;
            double spec = 0;
            if (focusAny.contains(doc)) {
                // The most specific focus name this candidate's article carries (fewest articles named so).
                for (int fi = 0; fi < focus.size(); fi++) {
                    if (matching(searcher, List.of(focus.get(fi)), new int[]{doc}).contains(doc)) {
                        int n = focusDf.get(focus.get(fi));
                        df = df == 0 ? n : Math.min(df, n);
                        pos = pos < 0 ? fi : pos;
                        spec = Math.max(spec, focusSpec.get(focus.get(fi)));
                    }
                }
            }
            out.println(String.join("\t", set, q.id(), id, d.get(Fields.ARTICLE_ID), kind, order,
                    String.valueOf(grades.getOrDefault(id, -1)), String.valueOf(articleGrades.getOrDefault(d.get(Fields.ARTICLE_ID), -1)),
                    String.valueOf(lexRank.getOrDefault(doc, -1)), dense.contains(doc) ? "1" : "0",
                    f(lex / maxLex), f(words[i]), f(title[i]), f(aliases[i]), f(heading[i]), f(body[i]), f(subj[i]), f(cond[i]), f(syn[i]),
                    focusAny.contains(doc) ? "1" : "0", focusFirst.contains(doc) ? "1" : "0", focusSubj.contains(doc) ? "1" : "0",
                    String.valueOf(focus.size()), asks.contains(kind) ? "1" : "0", String.valueOf(asks.size()),
                    f(cos[i]), f(cosSubj[i]), f(cosCond[i]), f(cosHead), f(cosTitle), String.valueOf(len), f(prod),
                    f(artLex.getOrDefault(d.get(Fields.ARTICLE_ID), 0f)), String.valueOf(df), focus.contains(titleKey) ? "1" : "0",
                    String.valueOf(pos), f((float) spec), f(lexRaw[i]), f(lex0[i]), f(lexF[i] - lex0[i]), f(lexNoSyn[i]), f(cosMaxP), f(cosLater),
                    String.valueOf(windows.get(i).size()), f(second), f(prf[0][i]), f(qm[0]), f(prf[1][i]), f(qm[1]), f(prf[2][i]), f(qm[2]), f(rm5[i]), f(rm10[i]),
                    clean(d.get(Fields.TITLE)), clean(d.get(Fields.HEADING)),
                    f(second_ == null ? 0 : second_.cosine(qvB, id)), second_ != null && denseB.contains(id) ? "1" : "0"));
        }
        System.err.println(set + " " + q.id() + ": " + sorted.length + " candidates, focus " + focus + " subj " + subjFocus
                + " asks " + asks);
    }

    /** The opening sentence when it reads as a subject line (at most 6 words), else the whole text. */
    static String subject(String text) {
        List<String> sentences = QuestionCondenser.sentences(text);
        if (sentences.size() >= 2 && sentences.getFirst().split("\\s+").length <= QuestionCondenser.SUBJECT_WORDS) {
            return sentences.getFirst();
        }
        return text;
    }

    private static Query variant(UserQuery parsed, IndexSnapshot snapshot, RankingConfig r) throws IOException {
        return new QueryBuilder(Analyzers.english(), r.queryWeights()).build(parsed, Set.of(), new QueryBuilder.Context(
                snapshot.spelling().within(QueryBudget.DEFAULT.lookups()), snapshot.focusFinder(), snapshot::bodyDocFreq, snapshot.bodyDocs())).sectionQuery();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\n]", " ");
    }

    /** BM25 of the question against whole articles (their article documents), by article id. */
    private static Map<String, Float> articleScores(IndexSearcher searcher, Query words) throws IOException {
        Query q = new BooleanQuery.Builder().add(words, Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER).build();
        Map<String, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(q, 2000).scoreDocs) {
            out.put(searcher.storedFields().document(sd.doc, Set.of(Fields.ARTICLE_ID)).get(Fields.ARTICLE_ID), sd.score);
        }
        return out;
    }

    private static List<String> distinct(List<String> tokens) {
        return new ArrayList<>(new LinkedHashSet<>(tokens));
    }

    private static String f(float v) {
        return String.format("%.5f", v);
    }

    private static float[] passage(Embedder embedder, Map<String, float[]> cache, String text) {
        return cache.computeIfAbsent(text, t -> embedder.embedPassages(List.of(t)).getFirst());
    }

    private static Query wordsQuery(List<String> stems, RankingConfig r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : stems) {
            b.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(Fields.TITLE, t)), r.titleBoost()),
                    new BoostQuery(new TermQuery(new Term(Fields.ALIASES, t)), r.aliasBoost()),
                    new BoostQuery(new TermQuery(new Term(Fields.HEADING, t)), r.headingBoost()),
                    new TermQuery(new Term(Fields.BODY, t))), r.tieBreaker()), Occur.SHOULD);
        }
        return b.build();
    }

    private static Query fieldQuery(String field, List<String> stems) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        stems.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return b.build();
    }

    private static Query synonymQuery(List<String> synonyms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        org.apache.lucene.util.QueryBuilder phrases = new org.apache.lucene.util.QueryBuilder(Analyzers.english());
        for (String s : synonyms) {
            Query p = phrases.createPhraseQuery(Fields.BODY, s);
            if (p != null) {
                b.add(p, Occur.SHOULD);
            }
        }
        return b.build();
    }

    private static Set<Integer> matching(IndexSearcher searcher, List<String> names, int[] sorted) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        names.forEach(n -> b.add(new TermQuery(new Term(Fields.TITLE_KEY, n)), Occur.SHOULD));
        float[] s = scores(searcher, b.build(), sorted);
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < sorted.length; i++) {
            if (s[i] > 0) {
                out.add(sorted[i]);
            }
        }
        return out;
    }

    /** The query's score of each document of an increasing list (0 where it does not match). */
    static float[] scores(IndexSearcher searcher, Query query, int[] sorted) throws IOException {
        float[] out = new float[sorted.length];
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        Scorer scorer = null;
        for (int i = 0; i < sorted.length; i++) {
            int li = ReaderUtil.subIndex(sorted[i], leaves);
            if (li != leafIndex) {
                leafIndex = li;
                scorer = weight.scorer(leaves.get(li));
            }
            if (scorer == null) {
                continue;
            }
            int local = sorted[i] - leaves.get(li).docBase;
            DocIdSetIterator it = scorer.iterator();
            if (it.docID() < local) {
                it.advance(local);
            }
            if (it.docID() == local) {
                out[i] = scorer.score();
            }
        }
        return out;
    }

    static final int EXPANSION_TERMS = 10;

    private static Query expansion(IndexSearcher searcher, int[] sorted, List<Integer> ranked, int k, List<String> stems,
                                   int nSections, RankingConfig r) throws IOException {
        Map<String, Double> weight = new HashMap<>();
        for (int j = 0; j < Math.min(k, ranked.size()); j++) {
            Document d = searcher.storedFields().document(sorted[ranked.get(j)], Set.of(Fields.BODY));
            List<String> toks = Analyzers.tokens(d.get(Fields.BODY) == null ? "" : d.get(Fields.BODY));
            for (String t : toks) {
                weight.merge(t, 1.0 / toks.size(), Double::sum);
            }
        }
        Set<String> asked = new HashSet<>(stems);
        List<Map.Entry<String, Double>> terms = new ArrayList<>();
        for (Map.Entry<String, Double> e : weight.entrySet()) {
            String t = e.getKey();
            if (asked.contains(t) || t.length() < 3 || t.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            int df = searcher.getIndexReader().docFreq(new Term(Fields.BODY, t));
            if (df >= 2 && df <= 0.1 * nSections) {
                terms.add(e);
            }
        }
        terms.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        double top = terms.isEmpty() ? 1 : terms.getFirst().getValue();
        for (Map.Entry<String, Double> e : terms.subList(0, Math.min(EXPANSION_TERMS, terms.size()))) {
            b.add(new BoostQuery(wordsQuery(List.of(e.getKey()), r), (float) (e.getValue() / top)), Occur.SHOULD);
        }
        return b.build();
    }

    private static float[][] vectors(IndexSearcher searcher, int[] sorted) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[][] out = new float[sorted.length][];
        for (int i = 0; i < sorted.length; i++) {
            int li = ReaderUtil.subIndex(sorted[i], leaves);
            var values = leaves.get(li).reader().getFloatVectorValues(Fields.VECTOR);
            out[i] = new float[384];
            if (values == null) {
                continue;
            }
            var it = values.iterator();
            if (it.advance(sorted[i] - leaves.get(li).docBase) == sorted[i] - leaves.get(li).docBase) {
                out[i] = values.vectorValue(it.index()).clone();
            }
        }
        return out;
    }

    private static float[] cosines(IndexSearcher searcher, int[] sorted, float[] q) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[] out = new float[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            int li = ReaderUtil.subIndex(sorted[i], leaves);
            var values = leaves.get(li).reader().getFloatVectorValues(Fields.VECTOR);
            if (values == null) {
                continue;
            }
            var it = values.iterator();
            if (it.advance(sorted[i] - leaves.get(li).docBase) == sorted[i] - leaves.get(li).docBase) {
                out[i] = Vectors.dot(q, values.vectorValue(it.index()));
            }
        }
        return out;
    }
}
