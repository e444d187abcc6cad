package org.medsearch.index;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
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
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Cleaned articles from earlier reindexes, as the JSON the index stores, keyed by a hash of the page's path and bytes and
 * of the cleaner's own code ({@link CleanerVersion}), so a reindex of an unchanged page skips reading it with Jsoup and
 * cleaning it, and any change to the page or to the cleaner cleans it again.
 *
 * <p>Memory stays bounded on large corpora: only the keys and file offsets are held; each article is read from the file
 * when asked for. A run writes a new file (the entries it used or made, nothing else, so removed pages drop out) and
 * {@link #commit} renames it over the old one; a run that fails leaves the old file as it was.
 *
 * <p>File format (big-endian): magic "MSAC", format version, cleaner version (modified UTF-8); then per entry the tag 1,
 * the 32-byte key, the JSON's length, its CRC-32 and its UTF-8 bytes; then the tag 0 and the entry count. A file
 * without that end (a run killed while writing it is never renamed in, but a disk may still fail) is not used.
 * Thread-safe.
 */
final class CleanedArticleCache implements AutoCloseable {
    private static final int MAGIC = 0x4D534143; // "MSAC"
    private static final int FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final Path next;
    private final String version;
    private final Map<Key, long[]> old;
    private final FileChannel oldChannel;
    private final DataOutputStream out;
    private final Set<Key> written = new HashSet<>();
    private int hits;

    private CleanedArticleCache(Path file, String version, Map<Key, long[]> old, FileChannel oldChannel) throws IOException {
        this.file = file;
        this.next = file.resolveSibling(file.getFileName() + ".next");
        this.version = version;
        this.old = old;
        this.oldChannel = oldChannel;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(next), 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(version);
    }

    /** Opens the cache in {@code file} for a run of the cleaner of this {@code version}; an unusable file is an empty cache. */
    static CleanedArticleCache open(Path file, String version) throws IOException {
        Map<Key, long[]> entries = new HashMap<>();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            if (!readIndex(channel, version, entries)) {
                entries.clear();
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException | RuntimeException e) {
            entries.clear(); // unreadable: the pages are cleaned again, which is always correct
        }
        if (entries.isEmpty() && channel != null) {
            channel.close();
            channel = null;
        }
        return new CleanedArticleCache(file, version, entries, channel);
    }

    /** The key of a page: the cleaner's version, where the page is (ids and fallback URLs come from it) and its bytes. */
    Key key(Path page, byte[] bytes) {
        MessageDigest sha = sha256();
        sha.update(version.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(page.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        return new Key(sha.digest());
    }

    /** The cached article JSON for this key, or null; a hit is carried into the new file. */
    String get(Key key) throws IOException {
        long[] at = old.get(key);
        if (at == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) at[1]);
        long pos = at[0];
        while (buf.hasRemaining()) {
            int n = oldChannel.read(buf, pos + buf.position());
            if (n < 0) {
                return null;
            }
        }
        byte[] bytes = buf.array();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != (at[2] & 0xFFFFFFFFL)) {
            return null;
        }
        synchronized (this) {
            hits++;
        }
        put(key, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Remembers a page's cleaned article as JSON. */
    void put(Key key, String json) throws IOException {
        put(key, json.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void put(Key key, byte[] json) throws IOException {
        if (!written.add(key)) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(json);
        out.writeByte(1);
        out.write(key.bytes);
        out.writeInt(json.length);
        out.writeInt((int) crc.getValue());
        out.write(json);
    }

    /** Pages served from the cache in this run. */
    synchronized int hits() {
        return hits;
    }

    /** Ends the new file and puts it in place of the old one: call once the index it was built with is committed. */
    synchronized void commit() throws IOException {
        out.writeByte(0);
        out.writeInt(written.size());
        out.close();
        closeOld();
        try (FileChannel ch = FileChannel.open(next, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Drops the new file unless it was committed; the old one stays as it was. */
    @Override
    public synchronized void close() throws IOException {
        try {
            out.close();
        } finally {
            closeOld();
            Files.deleteIfExists(next);
        }
    }

    private void closeOld() throws IOException {
        if (oldChannel != null) {
            oldChannel.close();
        }
    }

    /** Reads every entry's key, offset, length and CRC; false when the file is for another cleaner or not whole. */
    private static boolean readIndex(FileChannel channel, String version, Map<Key, long[]> entries) throws IOException {
        var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION || !in.readUTF().equals(version)) {
            return false;
        }
        // Position in the file: magic, format, then the UTF string's length prefix and bytes.
        long pos = 8 + 2 + version.getBytes(StandardCharsets.UTF_8).length;
        try {
            while (true) {
                int tag = in.readByte();
                pos++;
                if (tag == 0) {
                    return in.readInt() == entries.size();
                }
                byte[] key = new byte[KEY_BYTES];
                in.readFully(key);
                int length = in.readInt();
                int crc = in.readInt();
                pos += KEY_BYTES + 8;
                if (length < 0 || tag != 1) {
                    return false;
                }
                entries.put(new Key(key), new long[] {pos, length, crc});
                in.skipNBytes(length);
                pos += length;
            }
        } catch (EOFException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A page's key (a SHA-256). */
    static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
