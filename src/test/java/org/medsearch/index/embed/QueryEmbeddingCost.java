package org.medsearch.index.embed;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Experiment tool, not a test: the uncached cost of embedding each question of a queries file with every known model,
 * as CPU time of the calling thread (ONNX Runtime runs a query on it), which a busy shared machine disturbs far less
 * than wall-clock time. Usage: {@code QueryEmbeddingCost QUERIES.tsv [ROUNDS]}.
 */
public final class QueryEmbeddingCost {
    private QueryEmbeddingCost() {
    }

    public static void main(String[] args) throws Exception {
        List<String> questions = Files.readAllLines(Path.of(args[0])).stream()
                .filter(l -> l.contains("\t")).map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (EmbeddingModel model : EmbeddingModel.KNOWN) {
            try (Embedder embedder = Embedder.load(model)) {
                questions.forEach(embedder::embedQuery); // warm-up
                double[] cpuMs = new double[questions.size() * rounds];
                double[] wallMs = new double[cpuMs.length];
                int i = 0;
                for (int r = 0; r < rounds; r++) {
                    for (String q : questions) {
                        long cpu = threads.getCurrentThreadCpuTime();
                        long wall = System.nanoTime();
                        embedder.embedQuery(q);
                        cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                        wallMs[i++] = (System.nanoTime() - wall) / 1e6;
                    }
                }
                System.out.printf("%-22s per question: CPU median %.1f ms, mean %.1f ms; wall median %.1f ms%n",
                        model.name(), median(cpuMs), Arrays.stream(cpuMs).average().orElse(0), median(wallMs));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
