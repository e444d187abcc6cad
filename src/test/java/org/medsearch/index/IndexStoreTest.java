package org.medsearch.index;

import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexStoreTest {
    @TempDir
    Path dir;

    @Test
    void emptyFolderHasNoIndex() {
        assertFalse(new IndexStore(dir.resolve("index")).exists());
    }

    @Test
    void secondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        IndexStore store = new IndexStore(dir);
        try (Lock first = store.lockForWriting()) {
            IndexStore.IndexBusyException e = assertThrows(IndexStore.IndexBusyException.class, store::lockForWriting);
            assertTrue(e.getMessage().contains("another reindex"), e.getMessage());
        }
        try (Lock again = store.lockForWriting()) {
            again.ensureValid();
        }
    }

    @Test
    void unpublishedGenerationIsNeverCurrentAndIsCleanedUp() throws Exception {
        IndexStore store = new IndexStore(dir);
        Path gen = store.newGeneration();
        Files.writeString(gen.resolve("_0.cfs"), "half written");
        assertFalse(store.exists(), "a generation without CURRENT must not be served");
        store.removeUnpublished();
        assertFalse(Files.exists(gen));
    }

    @Test
    void pointerToABrokenGenerationIsNotAnIndex() throws Exception {
        IndexStore store = new IndexStore(dir);
        Path gen = store.newGeneration();
        Files.writeString(dir.resolve(IndexStore.CURRENT), gen.getFileName() + "\n");
        assertFalse(store.exists(), "CURRENT naming a folder without a Lucene commit is no index");
        Files.writeString(dir.resolve(IndexStore.CURRENT), "../../etc\n");
        assertFalse(store.exists(), "CURRENT may only name a generation inside the index folder");
        assertEquals(dir.toAbsolutePath().normalize(), store.root());
    }
}
