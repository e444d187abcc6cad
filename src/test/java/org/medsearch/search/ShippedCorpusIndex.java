package org.medsearch.search;

import org.medsearch.TestCorpus;
import org.medsearch.index.IndexStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped corpus (lexical) indexed once per test JVM, for the search tests that only read it. */
final class ShippedCorpusIndex {
    private static LiveIndex index;

    private ShippedCorpusIndex() {
    }

    /** The live index, built on first use and removed when the JVM exits. */
    static synchronized LiveIndex get() {
        if (index == null) {
            try {
                Path dir = Files.createTempDirectory("medsearch-shipped-");
                index = new LiveIndex(TestCorpus.indexed(Path.of("corpus"), dir.resolve("index")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        index.close();
                        IndexStore.deleteTree(dir);
                    } catch (IOException e) {
                        // the JVM is going; a temp folder left behind is all it costs
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }
}
