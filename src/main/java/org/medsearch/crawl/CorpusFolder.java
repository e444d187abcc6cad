package org.medsearch.crawl;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** The folder pages are saved in: every write is whole (temp file, then rename), so Ctrl-C never leaves half a page. */
final class CorpusFolder {
    private final Path root;

    CorpusFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The file a relative path names, refusing anything that would land outside the folder. */
    Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("path outside the corpus folder: " + relativePath);
        }
        return p;
    }

    /** Whether the saved copy already has exactly these bytes (then nothing is rewritten). */
    boolean hasSame(String relativePath, byte[] content) {
        try {
            return Arrays.equals(Files.readAllBytes(resolve(relativePath)), content);
        } catch (IOException e) {
            return false;
        }
    }

    /** Saves a page, replacing any earlier copy in one step. */
    void save(String relativePath, byte[] content) throws IOException {
        Path target = resolve(relativePath);
        Files.createDirectories(target.getParent());
        writeAtomically(target, content);
    }

    /** Reads a saved page; empty when it is gone. */
    byte[] read(String relativePath) throws IOException {
        try {
            return Files.readAllBytes(resolve(relativePath));
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Deletes a saved page; true when there was one. */
    boolean delete(String relativePath) throws IOException {
        return Files.deleteIfExists(resolve(relativePath));
    }

    /** Writes beside the target under a dot-name (ignored by the corpus scanner) and renames it over the target. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
