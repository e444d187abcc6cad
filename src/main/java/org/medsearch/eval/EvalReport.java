package org.medsearch.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Per-query figures of a run and their means over the queries trec_eval averages over.
 *
 * @param perQuery         figures of each judged query, in the order asked; those without results score 0
 * @param withoutJudgments queries of the run that have no judgments: ignored, as by trec_eval
 * @param withoutResults   judged queries that retrieved nothing: counted as 0 on every figure, as by
 *                         {@code trec_eval -c}, and listed so that a silent engine is noticed
 */
public record EvalReport(List<QueryScores> perQuery, List<String> withoutJudgments, List<String> withoutResults) {

    public EvalReport {
        perQuery = List.copyOf(perQuery);
        withoutJudgments = List.copyOf(withoutJudgments);
        withoutResults = List.copyOf(withoutResults);
        if (perQuery.isEmpty()) {
            throw new IllegalArgumentException("no query asked has judgments "
                    + "(do the queries and the qrels use the same query ids?)");
        }
    }

    /** The arithmetic means of each figure over {@link #perQuery}, under the id {@code all}. */
    public QueryScores means() {
        return new QueryScores("all", mean(QueryScores::ndcg10), mean(QueryScores::mrr10),
                mean(QueryScores::map100), mean(QueryScores::recall100));
    }

    private double mean(ToDoubleFunction<QueryScores> figure) {
        // Summed in order, as trec_eval accumulates, so the means agree to the last printed digit.
        double sum = 0.0;
        for (QueryScores q : perQuery) {
            sum += figure.applyAsDouble(q);
        }
        return sum / perQuery.size();
    }

    /** The report as text: optionally a per-query table, then the query count and the four means. */
    public String format(boolean withPerQuery) {
        StringBuilder out = new StringBuilder();
        if (withPerQuery) {
            out.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s %8s%n", "qid", "nDCG@10", "MRR@10", "MAP@100", "R@100"));
            for (QueryScores q : perQuery) {
                out.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s %8s%n", q.queryId(),
                        figure(q.ndcg10()), figure(q.mrr10()), figure(q.map100()), figure(q.recall100())));
            }
            out.append(System.lineSeparator());
        }
        out.append(line("queries", Integer.toString(perQuery.size())));
        if (!withoutJudgments.isEmpty()) {
            out.append(line("skipped", withoutJudgments.size() + " without judgments: " + String.join(" ", withoutJudgments)));
        }
        if (!withoutResults.isEmpty()) {
            out.append(line("no results", " " + withoutResults.size() + " counted as 0: " + String.join(" ", withoutResults)));
        }
        QueryScores mean = means();
        out.append(line("nDCG@10", figure(mean.ndcg10())));
        out.append(line("MRR@10", figure(mean.mrr10())));
        out.append(line("MAP@100", figure(mean.map100())));
        out.append(line("R@100", figure(mean.recall100())));
        return out.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-10s%s%n", label, value);
    }

    /**
     * Four decimals rounded as trec_eval's printf("%.4f") rounds: half-even on the exact binary
     * value. Java's %.4f rounds the shortest decimal half-up instead, so it can print a figure
     * one digit off trec_eval's (0.00015 is stored just below: C prints 0.0001, Java 0.0002).
     */
    static String figure(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
