package org.medsearch.bench;

import org.medsearch.index.IndexStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SkippedFileException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yardstick for reindex speed: Anserini's {@code IndexCollection} (a Lucene indexer built for
 * research collections) indexing the same cleaned articles, as JSON, in its own JVM. Only run when asked
 * ({@code bench --vs-anserini}); its fat jar comes from Maven Central through Maven's own client.
 */
final class AnseriniRun {
    static final String ARTIFACT = "io.anserini:anserini:1.5.0:jar:fatjar";
    /** JSON files written: IndexCollection gives each file to one thread. */
    private static final int FILES = 8;

    private AnseriniRun() {
    }

    /** The fat jar in the local Maven repository, or an error saying how to fetch it. */
    static Path jar() throws IOException {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "anserini", "anserini", "1.5.0",
                "anserini-1.5.0-fatjar.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException("Anserini is not in the local Maven repository; fetch it with: mvn dependency:get -Dartifact="
                    + ARTIFACT + " -Dtransitive=false");
        }
        return jar;
    }

    /**
     * Writes the corpus's articles as Anserini JsonCollection files ({@code {"id", "contents"}} per line):
     * title, other names, then every section's heading and text, the same text medsearch indexes.
     */
    static int writeJson(Path corpus, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = new ArticleExtractor();
        List<BufferedWriter> out = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            out.add(Files.newBufferedWriter(dir.resolve("part-" + i + ".json"), StandardCharsets.UTF_8));
        }
        int n = 0;
        try {
            for (Path file : CorpusScanner.list(corpus, s -> { })) {
                Article a;
                try {
                    a = extractor.extract(corpus, file);
                } catch (SkippedFileException e) {
                    continue;
                }
                StringBuilder text = new StringBuilder(a.title()).append('\n');
                a.aliases().forEach(alias -> text.append(alias).append('\n'));
                for (Section s : a.sections()) {
                    text.append(s.heading()).append('\n').append(s.text()).append("\n\n");
                }
                BufferedWriter w = out.get(n++ % FILES);
                w.write(json.writeValueAsString(Map.of("id", a.id(), "contents", text.toString())));
                w.newLine();
            }
        } finally {
            for (BufferedWriter w : out) {
                w.close();
            }
        }
        return n;
    }

    /** Indexes the JSON folder with IndexCollection (positions, document vectors and raw text kept: its usual recipe). */
    static ChildJvm.Result index(Path json, Path index, int threads, Path log) throws IOException {
        IndexStore.deleteTree(index);
        return ChildJvm.runJar(Benchmark.DEFAULT_HEAP, log, jar(), "io.anserini.index.IndexCollection",
                "-collection", "JsonCollection", "-generator", "DefaultLuceneDocumentGenerator",
                "-input", json.toString(), "-index", index.toString(), "-threads", Integer.toString(threads),
                "-storePositions", "-storeDocvectors", "-storeRaw");
    }
}
