package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double EPS = 1e-12;

    // Query texts name the query whose ranking the fake engine returns.
    private static final List<Query> QUERIES = List.of(
            new Query("q1", "q1"), new Query("q2", "q2"), new Query("q3", "q3"), new Query("q4", "q4"));

    private static Retriever handEngine() {
        Map<String, List<RankedDoc>> rankings = HandExample.rankings();
        return (text, size) -> rankings.getOrDefault(text, List.of());
    }

    @Test
    void aJudgedQuestionWithNoResultsCountsZeroAndIsListed() {
        EvalReport report = Evaluator.run(QUERIES, HandExample.qrels(), handEngine(), 200, "t").report();

        assertEquals(List.of("q1", "q2", "q4"), report.perQuery().stream().map(QueryScores::queryId).toList(),
                "q4 is judged and was asked: it counts, with 0 on every figure (trec_eval -c)");
        assertEquals(new QueryScores("q4", 0, 0, 0, 0), report.perQuery().get(2));
        assertEquals(List.of("q3"), report.withoutJudgments());
        assertEquals(List.of("q4"), report.withoutResults());
        QueryScores mean = report.means();
        assertEquals((HandExample.Q1_NDCG + HandExample.Q2_NDCG) / 3, mean.ndcg10(), EPS);
        assertEquals(1.0 / 9, mean.mrr10(), EPS);
        assertEquals((1.0 / 3 + 2.0 / 5 + 3.0 / 12) / 4 / 3, mean.map100(), EPS);
        assertEquals(0.25, mean.recall100(), EPS);
        assertTrue(report.format(false).contains("no results 1 counted as 0: q4"), report.format(false));
    }

    @Test
    void aRunFileIsScoredOverEveryJudgedQueryAsTrecEvalDashC() throws IOException {
        StringWriter runFile = new StringWriter();
        Evaluator.run(QUERIES, HandExample.qrels(), handEngine(), 200, "t").run().write(runFile);
        EvalReport report = Evaluator.evaluate(TrecRun.parse(runFile.toString().lines().toList(), "run"),
                HandExample.qrels());

        assertEquals(List.of("q1", "q2", "q4"), report.perQuery().stream().map(QueryScores::queryId).toList());
        assertEquals(List.of("q4"), report.withoutResults());
        assertEquals(0.25, report.means().recall100(), EPS);
    }

    @Test
    void writesEveryRetrievedDocOfEveryQueryInEngineOrder() {
        TrecRun run = Evaluator.run(QUERIES, HandExample.qrels(), handEngine(), 200, "t").run();

        assertEquals(List.of("q1", "q2", "q3"), List.copyOf(run.queryIds()));
        assertEquals(HandExample.q1Ranking(), run.ranking("q1").stream().map(RankedDoc::docId).toList());
    }

    @Test
    void asksForSizeDocsAndDropsAnyBeyond() {
        List<Integer> sizesAsked = new ArrayList<>();
        Retriever engine = (text, size) -> {
            sizesAsked.add(size);
            return HandExample.rankings().getOrDefault(text, List.of());
        };
        Evaluator.Result result = Evaluator.run(QUERIES, HandExample.qrels(), engine, 11, "t");

        assertEquals(List.of(11, 11, 11, 11), sizesAsked);
        assertEquals(11, result.run().ranking("q1").size());
        // e (rank 12) and g (rank 101) are no longer retrieved: recall drops from 3/4 to 2/4
        assertEquals(0.5, result.report().perQuery().getFirst().recall100(), EPS);
    }

    @Test
    void rejectsAnEngineThatReturnsADocTwice() {
        Retriever engine = (text, size) -> List.of(new RankedDoc("a", 2), new RankedDoc("a", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.run(QUERIES, HandExample.qrels(), engine, 10, "t"));
        assertTrue(e.getMessage().contains("doc a appears twice for query q1"), e.getMessage());
    }

    @Test
    void aSilentEngineScoresZeroOnEveryJudgedQuestion() {
        Retriever silent = (text, size) -> List.of();
        EvalReport report = Evaluator.run(QUERIES, HandExample.qrels(), silent, 10, "t").report();
        assertEquals(List.of("q1", "q2", "q4"), report.withoutResults());
        assertEquals(new QueryScores("all", 0, 0, 0, 0), report.means());
    }

    @Test
    void failsClearlyWhenNoQuestionAskedIsJudged() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.run(List.of(new Query("q3", "q3")), HandExample.qrels(), handEngine(), 10, "t"));
        assertTrue(e.getMessage().startsWith("no query asked has judgments"), e.getMessage());
    }

    @Test
    void scoresTheOrderTheEngineReturnedEvenWhenScoresTie() throws IOException {
        // All scores equal: trec_eval alone would rank by docid descending (y before x);
        // the run must still be evaluated in the engine's order, x (grade 2) first.
        Qrels qrels = Qrels.parse(List.of("q 0 x 2", "q 0 y 0"), "test");
        Retriever engine = (text, size) -> List.of(new RankedDoc("x", 1.0), new RankedDoc("y", 1.0));
        Evaluator.Result result = Evaluator.run(List.of(new Query("q", "text")), qrels, engine, 10, "t");
        StringWriter runFile = new StringWriter();
        result.run().write(runFile);
        EvalReport asTrecEvalReadsIt = Evaluator.evaluate(TrecRun.parse(runFile.toString().lines().toList(), "run"), qrels);

        assertEquals(1.0, result.report().means().mrr10(), EPS);
        assertEquals(1.0, asTrecEvalReadsIt.means().mrr10(), EPS);
    }
}
