package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double EPS = 1e-12;
    private final Qrels qrels = HandExample.qrels();

    @Test
    void ndcgUsesGradesAsGainsAndIdealOfAllJudgedGrades() {
        assertEquals(HandExample.Q1_NDCG, Metrics.ndcgAt(HandExample.q1Ranking(), qrels.grades("q1"), 10), EPS);
        assertEquals(0.398035, Metrics.ndcgAt(HandExample.q1Ranking(), qrels.grades("q1"), 10), 1e-6);
    }

    @Test
    void ndcgCountsGradeOneEvenThoughItIsBelowTheRelevanceLevel() {
        assertEquals(HandExample.Q2_NDCG, Metrics.ndcgAt(HandExample.q2Ranking(), qrels.grades("q2"), 10), EPS);
    }

    @Test
    void ndcgIsOneForTheIdealOrderAndZeroWithoutPositiveGrades() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 1, "d", 0);
        assertEquals(1.0, Metrics.ndcgAt(List.of("a", "b", "c", "d"), grades, 10), EPS);
        assertEquals(0.0, Metrics.ndcgAt(List.of("d", "x"), Map.of("d", 0), 10), EPS);
    }

    @Test
    void ndcgIgnoresDocsBelowTheCutoff() {
        // a relevant doc at rank 11 adds nothing to nDCG@10
        List<String> ranking = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a");
        assertEquals(0.0, Metrics.ndcgAt(ranking, Map.of("a", 3), 10), EPS);
    }

    @Test
    void mrrIsReciprocalRankOfFirstDocGradedTwoOrMoreWithinTen() {
        assertEquals(1.0 / 3, Metrics.mrrAt(HandExample.q1Ranking(), qrels.grades("q1"), 10, 2), EPS);
        assertEquals(0.0, Metrics.mrrAt(HandExample.q2Ranking(), qrels.grades("q2"), 10, 2), EPS);
    }

    @Test
    void mrrIsZeroWhenTheFirstRelevantDocIsPastTheCutoff() {
        List<String> ranking = HandExample.q1Ranking().subList(5, 20); // e is now at rank 7
        assertEquals(1.0 / 7, Metrics.mrrAt(ranking, qrels.grades("q1"), 10, 2), EPS);
        assertEquals(0.0, Metrics.mrrAt(ranking, qrels.grades("q1"), 5, 2), EPS);
    }

    @Test
    void mapDividesByAllRelevantJudgedDocsIncludingThosePastTheCutoff() {
        assertEquals((1.0 / 3 + 2.0 / 5 + 3.0 / 12) / 4,
                Metrics.mapAt(HandExample.q1Ranking(), qrels.grades("q1"), 100, 2), EPS);
        assertEquals(0.0, Metrics.mapAt(HandExample.q2Ranking(), qrels.grades("q2"), 100, 2), EPS);
    }

    @Test
    void recallCountsRelevantDocsWithinTheCutoff() {
        assertEquals(0.75, Metrics.recallAt(HandExample.q1Ranking(), qrels.grades("q1"), 100, 2), EPS);
        assertEquals(1.0, Metrics.recallAt(HandExample.q1Ranking(), qrels.grades("q1"), 101, 2), EPS);
        assertEquals(0.0, Metrics.recallAt(HandExample.q2Ranking(), qrels.grades("q2"), 100, 2), EPS);
    }

    @Test
    void emptyRankingScoresZero() {
        Map<String, Integer> grades = qrels.grades("q1");
        assertEquals(0.0, Metrics.ndcgAt(List.of(), grades, 10), EPS);
        assertEquals(0.0, Metrics.mrrAt(List.of(), grades, 10, 2), EPS);
        assertEquals(0.0, Metrics.mapAt(List.of(), grades, 100, 2), EPS);
        assertEquals(0.0, Metrics.recallAt(List.of(), grades, 100, 2), EPS);
    }
}
