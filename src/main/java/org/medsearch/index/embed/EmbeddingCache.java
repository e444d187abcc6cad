package org.medsearch.index.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Embeddings cached by a hash of the passage text (and model name) in a file beside the index, so a reindex re-embeds
 * only new or changed sections.
 *
 * <p>File format (big-endian, {@link DataOutputStream}): magic "MSEC", format version, model name (modified UTF-8),
 * dimension, entry count; then per entry the 32-byte SHA-256 of the passage text (UTF-8) and its float vector; then a
 * CRC-32 of everything before it. Only entries used (looked up or stored) since {@link #open} are saved, so vectors of
 * deleted or edited sections drop out at the next reindex instead of piling up. Thread-safe.
 */
public final class EmbeddingCache {

    private static final int MAGIC = 0x4D534543; // "MSEC"
    private static final int FORMAT_VERSION = 1;
    private static final int DIGEST_BYTES = 32;

    private final Path file;
    private final String modelName;
    private final int dimension;
    private final Map<Digest, float[]> vectors;
    private final Set<Digest> used = new HashSet<>();
    private final String discardReason;
    private int hits;
    private int misses;

    private EmbeddingCache(Path file, String modelName, int dimension, Map<Digest, float[]> vectors, String discardReason) {
        this.file = file;
        this.modelName = modelName;
        this.dimension = dimension;
        this.vectors = vectors;
        this.discardReason = discardReason;
    }

    /**
     * Reads the cache in {@code file}. A missing, unreadable, corrupt or truncated file, or one written for another model
     * or dimension, gives an empty cache (see {@link #discardReason()}): a cache never fails a reindex.
     *
     * @throws IOException only when {@code file} is a directory, so that {@link #save()} could never succeed
     */
    public static EmbeddingCache open(Path file, String modelName, int dimension) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("embedding cache path is a directory: " + file);
        }
        Map<Digest, float[]> vectors = new HashMap<>();
        String reason = null;
        try {
            reason = read(file, modelName, dimension, vectors);
        } catch (NoSuchFileException e) {
            // first run: nothing cached yet, and nothing to report
        } catch (IOException | RuntimeException e) {
            reason = "unreadable (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
        if (reason != null) {
            vectors.clear();
        }
        return new EmbeddingCache(file, modelName, dimension, vectors, reason);
    }

    /** Fills {@code into} from the file; returns why the file does not apply, or null when it was read in full. */
    private static String read(Path file, String modelName, int dimension, Map<Digest, float[]> into) throws IOException {
        long size = Files.size(file);
        CRC32 crc = new CRC32();
        try (DataInputStream in = new DataInputStream(
                new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
                return "not an embedding cache of this version";
            }
            String fileModel = in.readUTF();
            int fileDimension = in.readInt();
            if (!fileModel.equals(modelName) || fileDimension != dimension) {
                return "written for " + fileModel + " (" + fileDimension + " dimensions)";
            }
            int count = in.readInt();
            long header = 4 + 4 + 2 + modifiedUtf8Length(fileModel) + 4 + 4;
            // Checked before allocating anything, so a damaged count cannot ask for gigabytes.
            if (count < 0 || size != header + (long) count * entryBytes(dimension) + Long.BYTES) {
                return "truncated or damaged (size does not match its entry count)";
            }
            for (int i = 0; i < count; i++) {
                byte[] digest = new byte[DIGEST_BYTES];
                in.readFully(digest);
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                into.put(new Digest(digest), vector);
            }
            long expected = crc.getValue();
            if (in.readLong() != expected) {
                return "damaged (checksum mismatch)";
            }
            return null;
        }
    }

    /** Bytes of the string as {@link DataOutputStream#writeUTF} encodes it (without its 2-byte length). */
    private static int modifiedUtf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        return bytes;
    }

    private static long entryBytes(int dimension) {
        return DIGEST_BYTES + (long) dimension * Float.BYTES;
    }

    /** The cached vector of this exact passage text, or null when absent. */
    public synchronized float[] get(String passageText) {
        Digest key = Digest.of(passageText);
        float[] vector = vectors.get(key);
        if (vector == null) {
            misses++;
            return null;
        }
        hits++;
        used.add(key);
        return vector.clone();
    }

    /** Stores the vector of a passage text (replacing any earlier one); it will be kept by the next {@link #save()}. */
    public synchronized void put(String passageText, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, cache has " + dimension);
        }
        Digest key = Digest.of(passageText);
        vectors.put(key, vector.clone());
        used.add(key);
    }

    /**
     * Writes the entries used since {@link #open} (looked up with a hit, or stored) to the file, replacing it atomically:
     * a crash leaves either the old file or the new one, never a half-written one. Entries nobody asked for are dropped.
     */
    public synchronized void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A fixed name, so a crash mid-save leaves one stale file that the next save overwrites, not a new one each time.
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private void writeTo(OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        // Not closed here: closing would close the channel before the caller forces it to disk.
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), crc));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(modelName);
        out.writeInt(dimension);
        out.writeInt(used.size());
        for (Digest key : used) {
            out.write(key.bytes);
            for (float x : vectors.get(key)) {
                out.writeFloat(x);
            }
        }
        out.writeLong(crc.getValue());
        out.flush();
    }

    /** Makes the rename itself durable; not every platform can open a directory, and there it is skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the data itself is already on disk
        }
    }

    /** Lookups that found a vector since open. */
    public synchronized int hits() {
        return hits;
    }

    /** Lookups that found nothing since open. */
    public synchronized int misses() {
        return misses;
    }

    /** Number of vectors held (loaded or stored), used or not. */
    public synchronized int size() {
        return vectors.size();
    }

    /** Why an existing cache file was ignored (other model, damaged…), for the reindex report; empty if it was used or absent. */
    public Optional<String> discardReason() {
        return Optional.ofNullable(discardReason);
    }

    /** SHA-256 of a passage text; the hash code is taken from its first bytes, which are already uniformly spread. */
    private record Digest(byte[] bytes) {
        static Digest of(String text) {
            try {
                return new Digest(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
        }
    }
}
