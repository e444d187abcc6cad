package org.medsearch;

import org.junit.jupiter.api.Assumptions;
import org.medsearch.index.IndexStore;
import org.medsearch.index.IndexWriterJob;
import org.medsearch.index.ReindexProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Test fixtures: the hand-written mini corpus and the shared data beside the checkout. */
public final class TestCorpus {
    private TestCorpus() {
    }

    /** {@code ../shared} beside the checkout, or null when absent. */
    public static Path shared() {
        Path p = Paths.get("..", "shared").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** Skips the calling test with a visible message when {@code ../shared} is absent. */
    public static Path requireShared(String sub) {
        Path shared = shared();
        Assumptions.assumeTrue(shared != null && Files.exists(shared.resolve(sub)),
                "../shared/" + sub + " not found: skipping (it sits beside the checkout in development and CI)");
        return shared.resolve(sub);
    }

    /** Indexes a corpus (lexical, two threads) as the first generation of a new store in {@code indexDir}. */
    public static IndexStore indexed(Path corpus, Path indexDir) throws IOException {
        IndexStore store = new IndexStore(indexDir);
        new IndexWriterJob(corpus, store, 2, ReindexProgress.NONE).run();
        return store;
    }

    /** The mini corpus of src/test/resources/corpus-mini. */
    public static Path mini() {
        try {
            return Paths.get(TestCorpus.class.getResource("/corpus-mini").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the mini corpus in {@code dir/corpus}, for tests that add or change pages. */
    public static Path miniCopy(Path dir) {
        Path corpus = dir.resolve("corpus");
        copyTree(mini(), corpus);
        return corpus;
    }

    /** Adds an article the mini corpus lacks (croup, 'a barking cough'), to see a reindex bring it in. */
    public static void addCroup(Path corpus) throws IOException {
        Files.writeString(corpus.resolve("wiki/croup.txt"), "Croup\n\nOverview\n\nCroup is a barking cough in young children.\n");
    }

    /** True when ../shared holds the user's sample page, which {@link #miniWithSample} adds. */
    public static boolean hasSample() {
        Path shared = shared();
        return shared != null && Files.exists(shared.resolve("samples/leg-cramps-in-children.html"));
    }

    /** Copies the mini corpus into {@code dir}, plus the user's sample page when ../shared is there. */
    public static Path miniWithSample(Path dir) {
        copyTree(mini(), dir);
        if (hasSample()) {
            try {
                Files.createDirectories(dir.resolve("samples"));
                Files.copy(shared().resolve("samples/leg-cramps-in-children.html"), dir.resolve("samples/leg-cramps-in-children.html"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
