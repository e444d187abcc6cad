package org.medsearch.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One quick run of {@code medsearch bench} on the shipped mini corpus: the benchmark itself still works. */
class BenchSmokeIT {
    @TempDir
    Path dir;

    @Test
    void quickBenchPrintsOneTableWithEveryMeasureAndNoErrors() throws Exception {
        Path out = dir.resolve("table.md");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("bench", "--quick", "--corpus", "src/test/resources/corpus-mini",
                    "--work", dir.resolve("work").toString(), "--out", out.toString());
        } finally {
            System.setOut(oldOut);
        }
        assertEquals(0, code);
        String table = Files.readString(out);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains(table.strip()), "printed table equals --out file");
        for (String measure : new String[] {"| reindex", "| parse-only", "search in process: keywords",
                "search in process: section-scoped", "HTTP /api/search: keywords", "serve: RSS idle",
                "serve: start to first /health"}) {
            assertTrue(table.contains(measure), "table has " + measure + ":\n" + table);
        }
        // Every row with an error count reports zero errors.
        for (String line : table.lines().filter(l -> l.startsWith("| search") || l.startsWith("| HTTP")).toList()) {
            assertTrue(line.strip().endsWith("| 0 |"), "no errors in " + line);
        }
        assertFalse(table.contains("NaN"), table);
    }
}
