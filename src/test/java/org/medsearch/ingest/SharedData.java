package org.medsearch.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared data ({@code ../shared}) and skips a test visibly when it is absent. */
final class SharedData {
    static final Path ROOT = Path.of("..", "shared");
    static final Path MEDQUAD = ROOT.resolve("medquad/corpus");
    static final Path SAMPLES = ROOT.resolve("samples");

    private SharedData() {
    }

    static Path require(Path p) {
        assumeTrue(Files.exists(p), "../shared not found: skipping test that needs " + p);
        return p;
    }
}
