package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecRunTest {

    @Test
    void writesSixColumnLinesWithRanksFromOne() throws IOException {
        TrecRun run = TrecRun.fromRankings("medsearch",
                Map.of("7", List.of(new RankedDoc("GHR/GHR_1#sec-2", 12.5f), new RankedDoc("GHR/GHR_1#sec-1", 3.25f))));

        assertEquals("7 Q0 GHR/GHR_1#sec-2 1 12.5 medsearch\n7 Q0 GHR/GHR_1#sec-1 2 3.25 medsearch\n", written(run));
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        rankings.put("2", List.of(new RankedDoc("b", 0.1234567), new RankedDoc("a", 1e-7), new RankedDoc("c", -3)));
        rankings.put("10", List.of(new RankedDoc("z", 5)));
        TrecRun run = TrecRun.fromRankings("tag1", rankings);
        run.write(dir.resolve("run.trec"));

        TrecRun back = TrecRun.read(dir.resolve("run.trec"));

        assertEquals(List.of("2", "10"), List.copyOf(back.queryIds()));
        assertEquals(run.ranking("2"), back.ranking("2"));
        assertEquals(run.ranking("10"), back.ranking("10"));
        assertEquals("tag1", back.tag());
    }

    @Test
    void readingSortsByScoreThenDocIdDescendingLikeTrecEval() {
        // The rank column is ignored; equal scores go to the greater docid first (form_res_rels.c).
        TrecRun run = TrecRun.parse(List.of(
                "q Q0 docA 1 1.0 t",
                "q Q0 docC 2 2.0 t",
                "q\tQ0\tdocB\t3\t1.0\tt",
                "q  Q0  docZ  4  0.5  t  extra fields are ignored"), "test");

        assertEquals(List.of("docC", "docB", "docA", "docZ"),
                run.ranking("q").stream().map(RankedDoc::docId).toList());
    }

    @Test
    void lowersTiedScoresSoTrecEvalKeepsTheEngineOrder() throws IOException {
        // Engine order a, b at equal score; trec_eval alone would put b first.
        TrecRun run = TrecRun.fromRankings("t", Map.of("q", List.of(new RankedDoc("a", 1.0), new RankedDoc("b", 1.0))));

        assertEquals(List.of("a", "b"), reread(run));
        List<RankedDoc> written = run.ranking("q");
        assertTrue(written.get(1).score() < 1.0 && written.get(1).score() > 0.9999, written.toString());
    }

    @Test
    void leavesTiedScoresAloneWhenTrecEvalsTieBreakAgrees() {
        TrecRun run = TrecRun.fromRankings("t", Map.of("q", List.of(new RankedDoc("b", 1.0), new RankedDoc("a", 1.0))));

        assertEquals(List.of(new RankedDoc("b", 1.0), new RankedDoc("a", 1.0)), run.ranking("q"));
    }

    @Test
    void keepsTheEngineOrderWhenAScoreRises() throws IOException {
        TrecRun run = TrecRun.fromRankings("t",
                Map.of("q", List.of(new RankedDoc("a", 1.0), new RankedDoc("b", 5.0), new RankedDoc("c", 0.5))));

        assertEquals(List.of("a", "b", "c"), reread(run));
    }

    @Test
    void keepsTheEngineOrderForTrecEvalsThatReadScoresAsFloats() throws IOException {
        // trec_eval 9.0.4 stores the score in a float: these two would tie there, and 'a' > 'b'
        // would not help since the tie-break puts b first.
        TrecRun run = TrecRun.fromRankings("t",
                Map.of("q", List.of(new RankedDoc("a", 1.00000001), new RankedDoc("b", 1.0))));

        float[] asFloats = scoreColumn(written(run));
        assertTrue(asFloats[0] > asFloats[1], Arrays.toString(asFloats));
        assertEquals(List.of("a", "b"), reread(run));
    }

    @Test
    void leavesOutQueriesThatRetrievedNothing() throws IOException {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        rankings.put("empty", List.of());
        rankings.put("full", List.of(new RankedDoc("d", 1)));
        TrecRun run = TrecRun.fromRankings("t", rankings);

        assertEquals(List.of("full"), List.copyOf(run.queryIds()));
        assertEquals("full Q0 d 1 1.0 t\n", written(run));
    }

    @Test
    void rejectsADuplicateDocWithItsLineNumber() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> TrecRun.parse(List.of(
                "q Q0 a 1 2.0 t", "", "q Q0 a 2 1.0 t"), "run.trec"));

        assertEquals(3, e.lineNumber());
        assertTrue(e.getMessage().startsWith("run.trec:3: doc a appears twice for query q"), e.getMessage());
    }

    @Test
    void rejectsShortLinesAndBadScoresWithTheirLineNumbers() {
        InputFormatException shortLine = assertThrows(InputFormatException.class,
                () -> TrecRun.parse(List.of("q Q0 a 1 2.0 t", "q Q0 b 2 1.0"), "run.trec"));
        assertEquals("run.trec:2: expected 6 fields 'qid Q0 docid rank score tag', found 5", shortLine.getMessage());

        InputFormatException badScore = assertThrows(InputFormatException.class,
                () -> TrecRun.parse(List.of("q Q0 a 1 high t"), "run.trec"));
        assertEquals("run.trec:1: score is not a finite number: high", badScore.getMessage());
    }

    @Test
    void rejectsIdsThatWouldShiftTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> new RankedDoc("two words", 1));
        assertThrows(IllegalArgumentException.class, () -> new Query("q 1", "text"));
        assertThrows(IllegalArgumentException.class, () -> TrecRun.fromRankings("my run", Map.of()));
    }

    private static String written(TrecRun run) throws IOException {
        StringWriter out = new StringWriter();
        run.write(out);
        return out.toString();
    }

    private static List<String> reread(TrecRun run) throws IOException {
        TrecRun back = TrecRun.parse(written(run).lines().toList(), "written");
        return back.ranking("q").stream().map(RankedDoc::docId).toList();
    }

    private static float[] scoreColumn(String runText) {
        List<String> lines = runText.lines().toList();
        float[] scores = new float[lines.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Float.parseFloat(lines.get(i).split(" ")[4]);
        }
        return scores;
    }
}
