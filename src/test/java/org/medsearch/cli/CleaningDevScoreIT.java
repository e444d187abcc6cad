package org.medsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The cleaner on real pages from sites it was not written for ({@code ../shared/cleaning-dev}): runs
 * {@code clean --json} over both sets, scores the output with the set's own {@code score.py} and fails
 * below floors set just under what the cleaner reaches, so a change that makes extraction worse is caught.
 */
class CleaningDevScoreIT {
    private static final Path DEV = Path.of("..", "shared", "cleaning-dev");
    private static final Pattern READABILITY = Pattern.compile(
            "text P ([0-9.]+) R ([0-9.]+) F1 ([0-9.]+); headings found \\d+/\\d+ \\((\\d+)%\\)");
    private static final Pattern TRAFILATURA = Pattern.compile("P ([0-9.]+) R ([0-9.]+) F1 ([0-9.]+) \\(");

    @TempDir
    Path tmp;

    @Test
    void readabilitySetKeepsTheArticleTextAndItsHeadings() throws Exception {
        assertFloors(READABILITY, score("readability"), List.of("precision", "recall", "F1", "headings"),
                0.97, 0.96, 0.969, 93);
    }

    @Test
    void trafilaturaSetKeepsWhatMustBeKeptAndDropsTheBoilerplate() throws Exception {
        assertFloors(TRAFILATURA, score("trafilatura"), List.of("precision", "recall", "F1"), 0.919, 0.955, 0.935);
    }

    /** Reads the figures from a score line, in the pattern's group order, and fails on any below its floor. */
    private static void assertFloors(Pattern figures, String line, List<String> names, double... floors) {
        Matcher m = figures.matcher(line);
        assertTrue(m.find(), line);
        for (int i = 0; i < floors.length; i++) {
            assertTrue(Double.parseDouble(m.group(i + 1)) >= floors[i], names.get(i) + ": " + line);
        }
    }

    /** Cleans one set into a JSONL file, runs score.py on it and returns (and prints) its figure line. */
    private String score(String set) throws IOException, InterruptedException {
        Path folder = DEV.resolve(set);
        assumeTrue(Files.isDirectory(folder) && Files.exists(DEV.resolve("score.py")),
                "../shared/cleaning-dev not found: skipping the real-page cleaning scores");
        Path jsonl = tmp.resolve(set + ".jsonl");
        try (Writer w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(w, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            assertEquals(0, cl.execute("clean", "--json", folder.toString()));
        }
        Process p = new ProcessBuilder("python3", DEV.resolve("score.py").toString(), folder.toString(),
                jsonl.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "score.py did not finish");
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.strip().lines().toList();
        String figures = lines.get(lines.size() - 1);
        System.out.println(figures);
        return figures;
    }
}
