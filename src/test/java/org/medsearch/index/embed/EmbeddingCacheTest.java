package org.medsearch.index.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingCacheTest {

    private static final String MODEL = "all-minilm-l6-v2-q@128";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("index").resolve("embeddings.bin");
    }

    private static float[] vector(float seed) {
        return new float[] {seed, seed + 0.1f, seed + 0.2f, -seed};
    }

    /** A saved cache holding two passages. */
    private void saveTwoPassages() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        cache.put("Asthma. Symptoms: wheezing.", vector(1));
        cache.put("Gout. Causes: uric acid.", vector(2));
        cache.save();
    }

    @Test
    void savedVectorsComeBackAfterReopening() throws IOException {
        saveTwoPassages();
        EmbeddingCache reopened = EmbeddingCache.open(file(), MODEL, 4);
        assertArrayEquals(vector(1), reopened.get("Asthma. Symptoms: wheezing."));
        assertArrayEquals(vector(2), reopened.get("Gout. Causes: uric acid."));
        assertTrue(reopened.discardReason().isEmpty());
    }

    @Test
    void countsHitsAndMisses() throws IOException {
        saveTwoPassages();
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        cache.get("Asthma. Symptoms: wheezing.");
        assertNull(cache.get("Asthma. Symptoms: wheezing, edited."));
        cache.get("Gout. Causes: uric acid.");
        assertEquals(2, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void aMissingFileGivesAnEmptyCacheWithNothingToReport() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        assertNull(cache.get("Asthma. Symptoms: wheezing."));
        assertEquals(0, cache.size());
        assertTrue(cache.discardReason().isEmpty());
    }

    @Test
    void aFileWrittenForAnotherModelIsIgnored() throws IOException {
        saveTwoPassages();
        EmbeddingCache cache = EmbeddingCache.open(file(), "all-minilm-l6-v2-q@256", 4);
        assertNull(cache.get("Asthma. Symptoms: wheezing."));
        assertTrue(cache.discardReason().orElseThrow().contains(MODEL));
    }

    @Test
    void aFileWithAnotherDimensionIsIgnored() throws IOException {
        saveTwoPassages();
        assertEquals(0, EmbeddingCache.open(file(), MODEL, 8).size());
    }

    @Test
    void garbageTruncatedOrFlippedFilesGiveAnEmptyCache() throws IOException {
        saveTwoPassages();
        byte[] good = Files.readAllBytes(file());

        Files.write(file(), "not a cache at all".getBytes());
        assertEquals(0, EmbeddingCache.open(file(), MODEL, 4).size());

        Files.write(file(), Arrays.copyOf(good, good.length - 5));
        assertEquals(0, EmbeddingCache.open(file(), MODEL, 4).size());

        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 0x40; // inside the last vector
        Files.write(file(), flipped);
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        assertEquals(0, cache.size());
        assertTrue(cache.discardReason().orElseThrow().contains("checksum"));

        Files.write(file(), new byte[0]);
        assertEquals(0, EmbeddingCache.open(file(), MODEL, 4).size());
    }

    @Test
    void savingDropsPassagesNotUsedSinceOpening() throws IOException {
        saveTwoPassages();
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        cache.get("Asthma. Symptoms: wheezing.");
        cache.put("Gout. Causes: diet and uric acid.", vector(3)); // the edited section
        cache.save();

        EmbeddingCache reopened = EmbeddingCache.open(file(), MODEL, 4);
        assertEquals(2, reopened.size());
        assertArrayEquals(vector(1), reopened.get("Asthma. Symptoms: wheezing."));
        assertArrayEquals(vector(3), reopened.get("Gout. Causes: diet and uric acid."));
        assertNull(reopened.get("Gout. Causes: uric acid."));
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        saveTwoPassages();
        saveTwoPassages();
        try (var files = Files.list(file().getParent())) {
            assertEquals(1, files.count());
        }
        assertEquals(4 + 4 + 2 + MODEL.length() + 4 + 4 + 2 * (32 + 4 * 4) + 8, Files.size(file()));
    }

    @Test
    void vectorsHandedOutCannotChangeTheCache() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        float[] stored = vector(1);
        cache.put("Asthma. Symptoms: wheezing.", stored);
        stored[0] = 99;
        cache.get("Asthma. Symptoms: wheezing.")[1] = 99;
        assertArrayEquals(vector(1), cache.get("Asthma. Symptoms: wheezing."));
    }

    @Test
    void rejectsAVectorOfTheWrongDimension() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(file(), MODEL, 4);
        assertThrows(IllegalArgumentException.class, () -> cache.put("text", new float[3]));
    }
}
