package org.medsearch.index.embed;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medsearch.TestCorpus;
import org.medsearch.eval.EvalReport;
import org.medsearch.eval.Evaluator;
import org.medsearch.eval.Qrels;
import org.medsearch.eval.Query;
import org.medsearch.eval.QueryFile;
import org.medsearch.eval.RankedDoc;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SkippedFileException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures the embedder on the MedQuAD corpus: load time, query latency, passages per second at two passage cuts, and
 * how well embeddings alone rank the LiveQA judged sections. Minutes of CPU, so off unless asked for:
 * {@code mvn test -Dtest=EmbedderBenchmark -Dmedsearch.bench=true} (add {@code -Dmedsearch.bench.cuts=128} for one cut).
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "medsearch.bench", matches = "true")
class EmbedderBenchmark {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private record Passage(String docId, String text, String heading) {
    }

    @Test
    void measure() throws IOException {
        Path medquad = TestCorpus.requireShared("medquad/corpus").getParent();
        List<Passage> passages = sections(medquad.resolve("corpus"));
        List<Query> queries = QueryFile.read(medquad.resolve("liveqa-dev-queries.tsv"));
        Qrels qrels = Qrels.read(medquad.resolve("liveqa-dev-qrels-sections.txt"));
        report("sections: %d, load average at start: %s", passages.size(), loadAverage());

        long start = System.nanoTime();
        Embedder embedder = Embedder.load();
        report("load (first in this JVM, includes native library): %.0f ms", (System.nanoTime() - start) / 1e6);
        measureQueries(embedder, queries, passages);
        embedder.close();

        for (String cutText : System.getProperty("medsearch.bench.cuts", "128,256").split(",")) {
            int cut = Integer.parseInt(cutText.strip());
            try (Embedder e = Embedder.load(new Embedder.Tuning(cut, Runtime.getRuntime().availableProcessors(), 1))) {
                List<float[]> vectors = measurePassages(e, passages);
                EvalReport quality = Evaluator.run(queries, qrels, (text, size) -> rank(e.embedQuery(text), vectors,
                        passages, size), 100, "dense-" + cut).report();
                report("cut %d: embeddings alone on LiveQA sections: %s", cut, quality.format(false).strip());
            }
        }
        report("load average at end: %s", loadAverage());
    }

    private static void measureQueries(Embedder embedder, List<Query> queries, List<Passage> passages) {
        List<String> texts = new ArrayList<>(queries.stream().map(Query::text).toList());
        for (int i = 0; texts.size() < 200; i += 97) {
            texts.add(passages.get(i).heading());
        }
        texts.forEach(embedder::embedQuery); // warm-up
        long[] nanos = new long[texts.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            embedder.embedQuery(texts.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        report("query latency over %d queries: p50 %.2f ms, p90 %.2f ms, max %.2f ms", nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private static List<float[]> measurePassages(Embedder embedder, List<Passage> passages) {
        List<String> texts = passages.stream().map(Passage::text).toList();
        embedder.embedPassages(texts.subList(0, 50)); // warm-up
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        List<float[]> vectors = embedder.embedPassages(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        report("%s: %d passages in %.1f s = %.0f passages/s; CPU %.1f s (%.0f%% of %d cores; load average now %s)",
                embedder.modelName(), texts.size(), seconds, texts.size() / seconds, cpuSeconds,
                100 * cpuSeconds / seconds / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        return vectors;
    }

    private static List<RankedDoc> rank(float[] query, List<float[]> vectors, List<Passage> passages, int size) {
        return IntStream.range(0, vectors.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -Vectors.dot(query, vectors.get(i))))
                .limit(size)
                .map(i -> new RankedDoc(passages.get(i).docId(), Vectors.dot(query, vectors.get(i))))
                .toList();
    }

    private static List<Passage> sections(Path corpus) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Passage> passages = new ArrayList<>();
        for (Path file : CorpusScanner.list(corpus, skip -> { })) {
            try {
                Article article = extractor.extract(corpus, file);
                for (Section section : article.sections()) {
                    passages.add(new Passage(article.id() + "#" + section.anchor(), org.medsearch.index.ArticleDocuments.passage(article, section),
                            section.heading()));
                }
            } catch (SkippedFileException e) {
                report("skipped %s: %s", file, e.getMessage());
            }
        }
        return passages;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void report(String format, Object... args) {
        System.out.printf("[embed-bench] " + format + "%n", args);
    }
}
