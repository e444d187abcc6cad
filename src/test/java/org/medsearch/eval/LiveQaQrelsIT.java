package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared LiveQA qrels read cleanly, and a run that orders them by grade scores perfectly. */
class LiveQaQrelsIT {

    private static final Path MEDQUAD = Path.of("..", "shared", "medquad");

    @ParameterizedTest
    @ValueSource(strings = {"sections", "articles"})
    void perfectRunScoresOneOnEveryFigure(String level, @TempDir Path dir) throws IOException {
        Path qrelsFile = MEDQUAD.resolve("liveqa-dev-qrels-" + level + ".txt");
        assumeTrue(Files.isRegularFile(qrelsFile), "../shared not found: skipping the LiveQA qrels check");
        Qrels qrels = Qrels.read(qrelsFile);
        List<Query> queries = QueryFile.read(MEDQUAD.resolve("liveqa-dev-queries.tsv"));

        Evaluator.Result result = perfect(queries, qrels);
        result.run().write(dir.resolve("perfect.trec"));
        EvalReport reread = Evaluator.evaluate(TrecRun.read(dir.resolve("perfect.trec")), qrels);

        assertEquals(queries.size(), result.report().perQuery().size());
        for (EvalReport report : List.of(result.report(), reread)) {
            QueryScores mean = report.means();
            assertEquals(List.of(1.0, 1.0, 1.0, 1.0),
                    List.of(mean.ndcg10(), mean.mrr10(), mean.map100(), mean.recall100()), level);
        }
    }

    // Every judged doc, best grade first (ties in grade are ties in score).
    private static Evaluator.Result perfect(List<Query> queries, Qrels qrels) {
        Map<String, Query> byText = new LinkedHashMap<>();
        queries.forEach(q -> byText.put(q.text(), q));
        Retriever oracle = (text, size) -> qrels.grades(byText.get(text).id()).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> new RankedDoc(e.getKey(), e.getValue()))
                .limit(size).toList();
        return Evaluator.run(queries, qrels, oracle, 100, "oracle");
    }
}
