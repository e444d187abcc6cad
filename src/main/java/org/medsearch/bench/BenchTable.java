package org.medsearch.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's one result table, in Markdown. */
final class BenchTable {
    static final String[] COLUMNS = {"Measure", "Corpus", "Threads / conns", "Wall s", "Rate /s", "MB/s",
            "p50 ms", "p95 ms", "p99 ms", "Peak RSS MB", "Index MB", "Errors", "Load", "vs /health"};

    private final List<String[]> rows = new ArrayList<>();
    private int shown;

    /** A row by column name; missing cells stay empty. */
    Row row(String measure, String corpus) {
        String[] cells = new String[COLUMNS.length];
        java.util.Arrays.fill(cells, "");
        cells[0] = measure;
        cells[1] = corpus;
        // The 1-minute load average as the row was measured: the machine is shared.
        cells[12] = String.format(java.util.Locale.ROOT, "%.1f", Machine.loadAverage());
        rows.add(cells);
        return new Row(cells);
    }

    /** Cells of one row, filled by the measurement that made it. */
    record Row(String[] cells) {
        Row set(int column, String value) {
            cells[column] = value;
            return this;
        }

        Row set(int column, double value, String format) {
            return set(column, Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, format, value));
        }

        Row latencies(Latencies l) {
            return set(4, l.perSecond(), "%,.0f").set(6, l.p50Ms(), "%.2f").set(7, l.p95Ms(), "%.2f")
                    .set(8, l.p99Ms(), "%.2f").set(11, Integer.toString(l.errors()));
        }
    }

    /** Prints the rows finished since the last call, so a long run shows its figures as it goes. */
    void printNewRows(PrintStream out) {
        for (; shown < rows.size(); shown++) {
            out.println("| " + String.join(" | ", rows.get(shown)) + " |");
        }
    }

    String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n|");
        for (int i = 0; i < COLUMNS.length; i++) {
            s.append(i <= 2 ? "---|" : "---:|");
        }
        s.append('\n');
        for (String[] r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return s.toString();
    }
}
