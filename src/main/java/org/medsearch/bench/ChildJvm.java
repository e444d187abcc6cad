package org.medsearch.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A medsearch command in its own JVM with this JVM's classpath, as an operator runs it: its wall time
 * includes JVM start, its peak RSS (Linux {@code VmHWM}) is its own, and it can be killed with SIGKILL.
 * Used by the benchmark and by the slow tier of tests. Output goes to a log file, readable while it runs.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String MAIN = "org.medsearch.cli.Main";
    private static final Pattern SERVING = Pattern.compile("serving .* at http://[^:]+:(\\d+)/");

    private final Process process;
    private final Path log;
    private final long startNanos = System.nanoTime();
    private final Thread sampler;
    private volatile long peakKb;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        // VmHWM vanishes with the process, so it is sampled while the child lives.
        this.sampler = Thread.ofPlatform().daemon().name("rss-" + process.pid()).start(this::sample);
    }

    /** Starts {@code medsearch args...} with the given heap limit; output goes to {@code log}. */
    public static ChildJvm medsearch(Path log, String heap, String... args) throws IOException {
        return medsearch(Map.of(), log, heap, args);
    }

    /** As {@link #medsearch(Path, String, String...)}, with extra environment variables. */
    public static ChildJvm medsearch(Map<String, String> env, Path log, String heap, String... args) throws IOException {
        return launch(env, heap, log, MAIN, args);
    }

    /** Starts {@code mainClass args} with the given heap limit; output goes to {@code log}. */
    static ChildJvm start(String heap, Path log, String mainClass, String... args) throws IOException {
        return launch(Map.of(), heap, log, mainClass, args);
    }

    private static ChildJvm launch(Map<String, String> env, String heap, Path log, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        // Extra JVM options for diagnosis, e.g. -Dchild.jvmArgs="-Xlog:gc:file=/tmp/gc.log".
        String extra = System.getProperty("child.jvmArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // A measured or tested server has admin routes only when the caller asks for them.
        pb.environment().remove("MEDSEARCH_ADMIN_TOKEN");
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), log);
    }

    /**
     * This JVM's classpath with the folder or jar holding medsearch's own classes first: a test runner
     * may hand a manifest-only jar as {@code java.class.path}.
     */
    private static String classpath() {
        String cp = System.getProperty("java.class.path");
        try {
            Path own = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return own + File.pathSeparator + cp;
        } catch (URISyntaxException | RuntimeException e) {
            return cp;
        }
    }

    /** Runs a {@code medsearch} subcommand to completion; fails if it exits non-zero. */
    static Result run(String heap, Path log, String... args) throws IOException {
        return runMain(heap, log, MAIN, args);
    }

    /** Runs a main class to completion; fails if it exits non-zero. */
    static Result runMain(String heap, Path log, String mainClass, String... args) throws IOException {
        try (ChildJvm child = start(heap, log, mainClass, args)) {
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

    public Process process() {
        return process;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Everything the command printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the command to end and returns its exit code. */
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

    /** Waits for the command to end; returns its exit code, or kills it and throws when it outlives the timeout. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("command did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, exactly like {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** For {@code serve --port 0}: the port it printed once it is up. */
    public int awaitServingPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(output());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server did not start within " + timeout + ":\n" + output());
    }

    /** Resident memory now, in MB. */
    public double rssMb() {
        return readStatus("VmRSS:") / 1024.0;
    }

    /** Highest resident memory so far, in MB (0 where /proc is not there). */
    public double peakRssMb() {
        return Math.max(peakKb, readStatus("VmHWM:")) / 1024.0;
    }

    private void sample() {
        while (process.isAlive()) {
            peakKb = Math.max(peakKb, readStatus("VmHWM:"));
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

    /** Asks the command to stop (SIGTERM), and kills it when it has not within 10 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
