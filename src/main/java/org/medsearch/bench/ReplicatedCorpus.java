package org.medsearch.bench;

import org.medsearch.index.IndexStore;
import org.medsearch.ingest.CorpusScanner;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A corpus repeated N times as {@code copy-0 .. copy-(N-1)} folders of hard links: ids come from paths, so
 * every copy's articles get their own ids, and links cost no disk.
 */
final class ReplicatedCorpus {
    private ReplicatedCorpus() {
    }

    /** Builds (or reuses, if complete) {@code target} as {@code times} copies of {@code corpus}. */
    static Path of(Path corpus, Path target, int times) throws IOException {
        Path root = corpus.toAbsolutePath().normalize();
        List<Path> files = CorpusScanner.list(root, s -> { });
        // Hidden, so the scanner ignores it; names the size, so a changed corpus is rebuilt.
        Path done = target.resolve(".complete-" + times + "x" + files.size());
        if (Files.exists(done)) {
            return target;
        }
        if (Files.exists(target)) {
            IndexStore.deleteTree(target);
        }
        for (int k = 0; k < times; k++) {
            Path copy = target.resolve("copy-" + k);
            for (Path f : files) {
                Path to = copy.resolve(root.relativize(f).toString());
                Files.createDirectories(to.getParent());
                try {
                    Files.createLink(to, f);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    // Another file system, or links not allowed: a copy measures the same.
                    Files.copy(f, to);
                }
            }
        }
        Files.createFile(done);
        return target;
    }

    /** Number of pages and their total bytes. */
    static long[] size(Path corpus) throws IOException {
        List<Path> files = CorpusScanner.list(corpus, s -> { });
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        return new long[] {files.size(), bytes};
    }
}
