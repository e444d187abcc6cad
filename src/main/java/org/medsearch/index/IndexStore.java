package org.medsearch.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The index folder. Each reindex writes a complete Lucene index into a new generation folder
 * ({@code gen-000007}) beside the live one, and only then points the {@code CURRENT} file at it with an
 * atomic rename. A crash or kill at any moment therefore leaves {@code CURRENT} naming a whole index;
 * a half-written generation is never named and is removed by the next writer.
 */
public final class IndexStore {
    static final String CURRENT = "CURRENT";
    private static final String GEN_PREFIX = "gen-";
    private static final String WRITE_LOCK = "reindex.lock";

    private final Path root;

    public IndexStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The live generation folder, if a complete index has been published. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            Path gen = root.resolve(name).normalize();
            if (!name.startsWith(GEN_PREFIX) || !gen.getParent().equals(root) || !Files.isDirectory(gen)) {
                return Optional.empty();
            }
            try (Directory dir = FSDirectory.open(gen)) {
                return DirectoryReader.indexExists(dir) ? Optional.of(gen) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when a complete index is there to serve. */
    public boolean exists() {
        return current().isPresent();
    }

    /**
     * Takes the writer lock: one reindex at a time per index folder. The lock is an OS file lock, so a
     * killed reindex releases it with its process and never needs manual repair.
     */
    public Lock lockForWriting() throws IOException {
        Files.createDirectories(root);
        try {
            return NativeFSLockFactory.INSTANCE.obtainLock(FSDirectory.open(root), WRITE_LOCK);
        } catch (LockObtainFailedException e) {
            throw new IndexBusyException("another reindex is already writing " + root + " (lock " + WRITE_LOCK + " is held)");
        }
    }

    /** Creates the folder for the next generation. Call with the writer lock held. */
    public Path newGeneration() throws IOException {
        removeUnpublished();
        int next = generations().stream().mapToInt(IndexStore::number).max().orElse(0) + 1;
        Path gen = root.resolve(String.format("%s%06d", GEN_PREFIX, next));
        Files.createDirectories(gen);
        return gen;
    }

    /**
     * Makes a fully committed generation the live one: writes the pointer to a temporary file, syncs it,
     * then renames it over {@code CURRENT} atomically. Older generations except the previous one are
     * deleted (a server still reading one keeps its open files on POSIX systems).
     */
    public void publish(Path gen) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, gen.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        int live = number(gen);
        for (Path old : generations()) {
            if (number(old) < live - 1) {
                deleteTree(old);
            }
        }
    }

    /** Deletes generations newer than the live one: leftovers of a reindex that crashed or was killed. */
    public void removeUnpublished() throws IOException {
        int live = current().map(IndexStore::number).orElse(0);
        for (Path gen : generations()) {
            if (number(gen) > live) {
                deleteTree(gen);
            }
        }
        Files.deleteIfExists(root.resolve(CURRENT + ".tmp"));
    }

    private List<Path> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p) && number(p) > 0).sorted().toList();
        }
    }

    private static int number(Path gen) {
        String name = gen.getFileName().toString();
        if (!name.startsWith(GEN_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(GEN_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes a folder tree if it exists (generation folders here; the benchmark's work folders too). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Thrown when another process holds the writer lock. */
    public static final class IndexBusyException extends IOException {
        public IndexBusyException(String message) {
            super(message);
        }
    }
}
