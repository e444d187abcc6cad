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
 * <p>Usage: {@code FeatureDump INDEX SHARED_MEDQUAD OUT.tsv}.
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
            out.println(String.join("\t", "set", "qid", "id", "article", "kind", "order", "grade", "agrade", "lexRank", "dense",
                    "lex", "words", "title", "aliases", "heading", "body", "subj", "cond", "syn", "focus", "focusFirst",
                    "focusSubj", "nfocus", "ask", "nasks", "cos", "cosSubj", "cosCond", "cosHead", "cosTitle", "len", "prod", "artLex", "focusDf", "focusTitle", "focusPos",
                    "focusSpec", "lexRaw", "lex0", "focusCount", "lexNoSyn", "title_s", "heading_s"));
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
                }
            }
            embedder.close();
        }
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
                snapshot.spelling().within(QueryBudget.DEFAULT.lookups()), snapshot.focusFinder()));
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
                    String.valueOf(pos), f((float) spec), f(lexRaw[i]), f(lex0[i]), f(lexF[i] - lex0[i]), f(lexNoSyn[i]), clean(d.get(Fields.TITLE)), clean(d.get(Fields.HEADING))));
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
                snapshot.spelling().within(QueryBudget.DEFAULT.lookups()), snapshot.focusFinder())).sectionQuery();
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
