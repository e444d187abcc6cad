package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private final EvalReport report = new EvalReport(
            List.of(new QueryScores("1", 0.5, 1.0, 0.25, 0.75), new QueryScores("22", 0.25, 0.0, 0.0, 0.5)),
            List.of("3"), List.of());

    @Test
    void printsTheFourMeansOnePerLine() {
        assertEquals(String.join(System.lineSeparator(),
                "queries   2",
                "skipped   1 without judgments: 3",
                "nDCG@10   0.3750",
                "MRR@10    0.5000",
                "MAP@100   0.1250",
                "R@100     0.6250", ""), report.format(false));
    }

    @Test
    void printsAPerQueryTableBeforeTheMeansWhenAsked() {
        List<String> lines = report.format(true).lines().toList();

        assertEquals("qid         nDCG@10   MRR@10  MAP@100    R@100", lines.get(0));
        assertEquals("1            0.5000   1.0000   0.2500   0.7500", lines.get(1));
        assertEquals("22           0.2500   0.0000   0.0000   0.5000", lines.get(2));
        assertEquals("", lines.get(3));
        assertEquals("nDCG@10   0.3750", lines.get(6));
    }

    @Test
    void roundsFiguresAsTrecEvalPrintsThem() {
        // 0.00015 is stored as 0.000149999...: C's printf gives 0.0001 (String.format gives 0.0002).
        assertEquals("0.0001", EvalReport.figure(0.00015));
        assertEquals("0.1235", EvalReport.figure(0.12345));
        assertEquals("1.0000", EvalReport.figure(1.0));
    }
}
