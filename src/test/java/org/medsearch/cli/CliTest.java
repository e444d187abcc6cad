package org.medsearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.CliRunner.Run;
import org.medsearch.TestCorpus;

import java.nio.file.Path;

import static org.medsearch.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as an operator runs them: arguments in, text out, exit codes. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void reindexThenSearchFromTheTerminal() {
        String index = dir.resolve("index").toString();
        Run reindex = run("reindex", "--corpus", TestCorpus.mini().toString(), "--index", index);
        assertEquals(0, reindex.code(), reindex.err());
        assertTrue(reindex.out().contains("articles indexed  4"), reindex.out());
        assertTrue(reindex.out().contains("pages/s"), reindex.out());

        Run search = run("search", "--index", index, "wheezing", "inhaler");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains(" 1. Asthma"), search.out());
        assertTrue(search.out().contains("*wheezing*"), "matches are emphasised: " + search.out());
        assertFalse(search.out().contains("<mark>"), search.out());

        Run json = run("search", "--index", index, "--json", "--section", "treatment", "calcium");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{\"query\":\"calcium\""), json.out());
        assertTrue(json.out().contains("\"kind\":\"treatment\""), json.out());
    }

    @Test
    void reindexListsEveryDuplicateIdWithItsReason() throws Exception {
        Path corpus = java.nio.file.Files.createDirectories(dir.resolve("corpus"));
        TestCorpus.copyTree(TestCorpus.mini(), corpus);
        Path asthma = corpus.resolve("clinic/asthma.html");
        java.nio.file.Files.copy(asthma, corpus.resolve("clinic/asthma.htm"));
        java.nio.file.Files.copy(asthma, corpus.resolve("clinic/asthma.xhtml"));
        Run reindex = run("reindex", "--no-semantic", "--corpus", corpus.toString(), "--index", dir.resolve("i").toString());
        assertEquals(0, reindex.code(), reindex.err());
        assertTrue(reindex.out().contains("articles indexed  4"), reindex.out());
        assertTrue(reindex.out().contains("  clinic/asthma.html: duplicate id clinic/asthma: clinic/asthma.htm has it"
                + " (the first in path order)\n  clinic/asthma.xhtml: duplicate id clinic/asthma: clinic/asthma.htm"), reindex.out());
    }

    @Test
    void missingIndexIsAOneLineError() {
        Run search = run("search", "--index", dir.resolve("none").toString(), "asthma");
        assertEquals(1, search.code());
        assertTrue(search.err().startsWith("medsearch: no index in"), search.err());
        assertEquals(1, search.err().strip().lines().count(), search.err());
    }

    @Test
    void missingCorpusIsAOneLineError() {
        Run reindex = run("reindex", "--corpus", dir.resolve("nope").toString(), "--index", dir.resolve("i").toString());
        assertEquals(1, reindex.code());
        assertTrue(reindex.err().contains("corpus folder not found"), reindex.err());
    }

    @Test
    void unknownSectionKindIsAUsageError() {
        Run search = run("search", "--section", "bogus", "asthma");
        assertEquals(2, search.code());
        assertTrue(search.err().contains("bogus"), search.err());
    }

    @Test
    void negativeBenchCallsIsAOneLineError() {
        Run bench = run("bench", "--calls", "-1", "--work", dir.resolve("w").toString());
        assertEquals(1, bench.code());
        assertTrue(bench.err().startsWith("medsearch: --calls must be positive"), bench.err());
        assertEquals(1, bench.err().strip().lines().count(), bench.err());
    }
}
