package org.medsearch.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny test collection whose figures are worked out by hand below.
 *
 * <pre>
 * qrels (hand-qrels.txt): q1: a=3 b=2 c=0 d=1 e=2 g=2; q2: x=1 y=0; q4: z=2
 * q1 ranking: 1 f (unjudged), 2 c (0), 3 b (2), 4 d (1), 5 a (3), 6-11 unjudged, 12 e (2),
 *             13-100 unjudged, 101 g (2), 102-105 unjudged
 *   relevant (grade >= 2): a b e g, so R = 4
 *   DCG@10  = 2/log2(4) + 1/log2(5) + 3/log2(6)            = 1 + 0.430677 + 1.160558 = 2.591235
 *   IDCG@10 = 3/log2(2) + 2/log2(3) + 2/log2(4) + 2/log2(5) + 1/log2(6)
 *             (all positive grades 3,2,2,2,1; c=0 adds nothing) = 6.510065
 *   nDCG@10 = 2.591235 / 6.510065 = 0.398035
 *   MRR@10  = 1/3 (b; d at rank 4 has grade 1, below the relevance level 2)
 *   MAP@100 = (1/3 + 2/5 + 3/12) / 4 = 0.245833 (g at 101 is past the cut but still in R)
 *   R@100   = 3/4 = 0.75
 * q2 ranking: 1 y (0), 2 x (1); no doc reaches grade 2
 *   nDCG@10 = (1/log2(3)) / 1 = 0.630930 (grades are gains whatever the relevance level)
 *   MRR@10 = MAP@100 = R@100 = 0
 * q3 is retrieved but not judged: not averaged. q4 is judged but not retrieved: 0 on every figure (trec_eval -c).
 * means over q1, q2, q4: nDCG@10 0.342988, MRR@10 0.111111, MAP@100 0.081944, R@100 0.25
 * </pre>
 */
final class HandExample {

    static final double Q1_NDCG = 2.5912349797770178 / 6.510065430524243;
    static final double Q2_NDCG = 1 / (Math.log(3) / Math.log(2));

    private HandExample() {
    }

    static Qrels qrels() {
        try (InputStream in = HandExample.class.getResourceAsStream("/eval/hand-qrels.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Qrels.parse(text.lines().toList(), "hand-qrels.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** q1's 105 doc ids in rank order. */
    static List<String> q1Ranking() {
        List<String> ids = new ArrayList<>(List.of("f", "c", "b", "d", "a"));
        while (ids.size() < 11) {
            ids.add("u" + ids.size());
        }
        ids.add("e");
        while (ids.size() < 100) {
            ids.add("u" + ids.size());
        }
        ids.add("g");
        while (ids.size() < 105) {
            ids.add("u" + ids.size());
        }
        return ids;
    }

    static List<String> q2Ranking() {
        return List.of("y", "x");
    }

    /** The rankings as an engine would return them, with strictly falling scores. */
    static Map<String, List<RankedDoc>> rankings() {
        return Map.of("q1", scored(q1Ranking()), "q2", scored(q2Ranking()), "q3", scored(List.of("a")));
    }

    static List<RankedDoc> scored(List<String> ids) {
        List<RankedDoc> docs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            docs.add(new RankedDoc(ids.get(i), 200.0 - i));
        }
        return docs;
    }
}
