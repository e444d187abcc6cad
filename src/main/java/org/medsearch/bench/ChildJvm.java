package org.medsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A medsearch command run in its own JVM with this JVM's classpath, so its wall time includes JVM start
 * and its peak RSS (Linux {@code VmHWM}) is its own and not the benchmark's.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final Thread sampler;
    private volatile long peakKb;
    private volatile long rssKb;

    private ChildJvm(Process process) {
        this.process = process;
        // VmHWM vanishes with the process, so it is sampled while the child lives.
        this.sampler = Thread.ofPlatform().daemon().name("rss-" + process.pid()).start(this::sample);
    }

    /** Starts {@code mainClass args} with the given heap limit; output goes to {@code log}. */
    static ChildJvm start(String heap, Path log, String mainClass, String... args) throws IOException {
        return start(heap, List.of(), System.getProperty("java.class.path"), log, mainClass, args);
    }

    /** Starts {@code mainClass args} with extra JVM options and another classpath. */
    static ChildJvm start(String heap, List<String> options, String classpath, Path log, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(options);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        // As the launcher runs it: Lucene's SIMD vector similarities.
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(p);
    }

    /** Runs a {@code medsearch} subcommand to completion; fails if it exits non-zero. */
    static Result run(String heap, Path log, String... args) throws IOException {
        return runMain(heap, log, "org.medsearch.cli.Main", args);
    }

    /** Runs a main class to completion; fails if it exits non-zero. */
    static Result runMain(String heap, Path log, String mainClass, String... args) throws IOException {
        return finish(start(heap, log, mainClass, args), log, mainClass, args);
    }

    /** Runs a main class from another jar to completion; fails if it exits non-zero. */
    static Result runJar(String heap, Path log, Path jar, String mainClass, String... args) throws IOException {
        return finish(start(heap, List.of(), jar.toString(), log, mainClass, args), log, mainClass, args);
    }

    private static Result finish(ChildJvm started, Path log, String mainClass, String... args) throws IOException {
        try (ChildJvm child = started) {
            int code = child.waitFor();
            if (code != 0) {
                throw new IOException("'" + mainClass + " " + String.join(" ", args) + "' exited with " + code + "; see " + log);
            }
            return new Result((System.nanoTime() - child.startNanos) / 1e9, child.peakKb / 1024.0);
        }
    }

    /** Wall seconds and peak resident memory in MB of a finished child. */
    record Result(double seconds, double peakRssMb) {
    }

    int waitFor() throws IOException {
        try {
            int code = process.waitFor();
            sampler.join();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident memory now, in MB. */
    double rssMb() {
        return readStatus("VmRSS:") / 1024.0;
    }

    /** Highest resident memory so far, in MB. */
    double peakRssMb() {
        return Math.max(peakKb, readStatus("VmHWM:")) / 1024.0;
    }

    private void sample() {
        while (process.isAlive()) {
            long hwm = readStatus("VmHWM:");
            if (hwm > 0) {
                peakKb = Math.max(peakKb, hwm);
            }
            rssKb = readStatus("VmRSS:");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long readStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process just ended: no figure.
        }
        return 0;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
