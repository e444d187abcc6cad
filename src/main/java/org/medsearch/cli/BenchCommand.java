package org.medsearch.cli;

import org.medsearch.bench.BenchSettings;
import org.medsearch.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code medsearch bench}: measures reindex, search, HTTP serving, growth and memory, and prints one table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark reindex, in-process search, HTTP serving, growth with corpus size and memory; prints a Markdown table.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus to measure (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/medquad/corpus")
    Path corpus;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for replicated corpora, indexes and logs (default: a new temporary folder).")
    Path work;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "Folder with liveqa-dev-queries.tsv and liveqa-dev-queries-summary.tsv (default: the corpus's parent folder, then ../shared/medquad).")
    Path queries;

    @Option(names = "--growth", split = ",", paramLabel = "N", description = "Corpus replication factors (default: 1,10,50; --quick: 1).")
    List<Integer> growth;

    @Option(names = "--repeat", description = "Runs of each reindex and parse-only pass; the median is reported (default: 3; --quick: 1).")
    Integer repeat;

    @Option(names = "--threads", description = "Reindex worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quick", description = "Smoke run: one repetition, few queries, short HTTP runs, no heap search.")
    boolean quick;

    @Option(names = "--vs-anserini", description = "Also time Anserini 1.5.0's IndexCollection on the same articles as JSON (x1; "
            + "needs io.anserini:anserini:1.5.0:jar:fatjar in the local Maven repository).")
    boolean vsAnserini;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to this file.")
    Path out;

    @Option(names = "--only", split = ",", paramLabel = "STEP",
            description = "Run only these parts: ${COMPLETION-CANDIDATES} (default: all). Without reindex and embed the "
                    + "searches run on --index, e.g. --only search,http --index /tmp/medquad-index.")
    Set<BenchSettings.Step> only;

    @Option(names = "--index", paramLabel = "DIR",
            description = "An existing index (x1) to search when --only builds none (default: WORK/index-x1 from an earlier run).")
    Path index;

    @Option(names = "--calls", paramLabel = "N",
            description = "Measured searches per query mix and thread count (default: 10 per query, at least 2,000; --quick: 50). "
                    + "Fewer keep a large growth run short; the p99 then rests on fewer observations.")
    int calls;

    @Override
    public Integer call() throws Exception {
        if (calls < 0) {
            throw new IllegalArgumentException("--calls must be positive, not " + calls);
        }
        Path dir = work != null ? work : Files.createTempDirectory("medsearch-bench");
        List<Integer> factors = growth != null ? growth : quick ? List.of(1) : List.of(1, 10, 50);
        BenchSettings settings = new BenchSettings(corpus.toAbsolutePath().normalize(), dir.toAbsolutePath(),
                queryFolder(), new ArrayList<>(factors), quick, repeat != null ? repeat : quick ? 1 : 3, threads, vsAnserini,
                only == null || only.isEmpty() ? EnumSet.allOf(BenchSettings.Step.class) : EnumSet.copyOf(only),
                index == null ? null : index.toAbsolutePath().normalize(), calls);
        System.err.println("medsearch bench: working in " + settings.work());
        String table = new Benchmark(settings, System.err).run();
        System.out.println(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private Path queryFolder() {
        if (queries != null) {
            return queries;
        }
        Path parent = corpus.toAbsolutePath().normalize().getParent();
        for (Path p : new Path[] {parent, Path.of("../shared/medquad")}) {
            if (p != null && Files.isRegularFile(p.resolve("liveqa-dev-queries.tsv"))) {
                return p;
            }
        }
        return null;
    }
}
