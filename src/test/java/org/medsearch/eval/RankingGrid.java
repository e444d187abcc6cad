package org.medsearch.eval;

import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.index.embed.Embedder;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;
import org.medsearch.search.SemanticRanker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Experiment tool, not a test: scores many ranking configurations on the dev questions in one JVM (one index open, one
 * model loaded) and writes every query's nDCG@10 per configuration, so weights can be chosen by cross-validation
 * instead of by the mean over all 39 questions.
 *
 * <p>Usage: {@code RankingGrid INDEX SHARED_MEDQUAD OUT.tsv 'name=value,...' ...} (an empty string is the defaults).
 * Output columns: config, queries (written|summary), level, qid, ndcg10.
 */
public final class RankingGrid {
    /** The levels scored: both unless {@code -Dgrid.levels=SECTIONS} (article search highlights, so costs more). */
    private static final List<JudgmentLevel> LEVELS = java.util.Arrays.stream(
            System.getProperty("grid.levels", "SECTIONS,ARTICLES").split(",")).map(JudgmentLevel::valueOf).toList();

    private RankingGrid() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        Path medquad = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Qrels sections = Qrels.read(medquad.resolve("liveqa-dev-qrels-sections.txt"));
        Qrels articles = Qrels.read(medquad.resolve("liveqa-dev-qrels-articles.txt"));
        List<Query> written = QueryFile.read(medquad.resolve("liveqa-dev-queries.tsv"));
        List<Query> summary = QueryFile.read(medquad.resolve("liveqa-dev-queries-summary.tsv"));
        try (LiveIndex live = new LiveIndex(new IndexStore(index));
             PrintStream tsv = new PrintStream(Files.newOutputStream(out), true)) {
            String model = live.withSnapshot(s -> s.commitData().get(Fields.COMMIT_EMBEDDING_MODEL));
            Embedder embedder = model == null ? null : Embedder.forRecordedName(model);
            for (int i = 3; i < args.length; i++) {
                RankingConfig ranking = RankingConfig.defaults().with(args[i]);
                Searcher searcher = new Searcher(live, ranking, embedder == null ? null : new SemanticRanker(embedder, ranking)).withTimeout(0);
                StringBuilder line = new StringBuilder(args[i].isEmpty() ? "(defaults)" : args[i]);
                for (var set : List.of(new Object[]{"written", written}, new Object[]{"summary", summary})) {
                    @SuppressWarnings("unchecked")
                    List<Query> queries = (List<Query>) set[1];
                    for (JudgmentLevel level : LEVELS) {
                        Qrels qrels = level == JudgmentLevel.SECTIONS ? sections : articles;
                        EvalReport report = Evaluator.run(queries, qrels, retriever(searcher, level), 100, "grid").report();
                        for (QueryScores q : report.perQuery()) {
                            tsv.printf("%s\t%s\t%s\t%s\t%.4f%n", args[i], set[0], level, q.queryId(), q.ndcg10());
                        }
                        line.append(String.format("  %s/%s %.3f", set[0], level.name().charAt(0), report.means().ndcg10()));
                    }
                }
                System.out.println(line);
            }
            if (embedder != null) {
                embedder.close();
            }
        }
    }

    private static Retriever retriever(Searcher searcher, JudgmentLevel level) {
        return (text, n) -> switch (level) {
            case ARTICLES -> searcher.search(new SearchRequest(text, null, 1, n)).hits().stream()
                    .map(h -> new RankedDoc(h.id(), h.score())).toList();
            case SECTIONS -> searcher.sections(text, n).stream().map(s -> new RankedDoc(s.id(), s.score())).toList();
        };
    }
}
