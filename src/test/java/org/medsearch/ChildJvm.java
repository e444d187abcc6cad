package org.medsearch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A medsearch command in its own JVM, as an operator runs it: tests kill it with SIGKILL, read its exit
 * code and output, and measure its memory. Output goes to a log file so it can be read while it runs.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving .* at http://[^:]+:(\\d+)/");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code medsearch args...} with this test JVM's classpath and a heap limit. */
    public static ChildJvm start(Path log, String heap, String... args) throws IOException {
        return start(java.util.Map.of(), log, heap, args);
    }

    /** As {@link #start(Path, String, String...)}, with extra environment variables. */
    public static ChildJvm start(java.util.Map<String, String> env, Path log, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        // Extra JVM options for diagnosis, e.g. -Dchild.jvmArgs="-Xlog:gc:file=/tmp/gc.log".
        String extra = System.getProperty("child.jvmArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add("org.medsearch.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MEDSEARCH_ADMIN_TOKEN"); // only what a test sets
        pb.environment().putAll(env);
        Process p = pb.start();
        return new ChildJvm(p, log);
    }

    /** The test classpath; surefire may hand a manifest-only jar, so the build folders are added too. */
    private static String classpath() {
        String cp = System.getProperty("java.class.path");
        String classes = Path.of("target", "classes").toAbsolutePath().toString();
        return classes + File.pathSeparator + cp;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the command printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the command to end; returns its exit code, or throws when it outlives the timeout. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("command did not end within " + timeout + ":\n" + output());
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
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start within " + timeout + ":\n" + output());
    }

    /** Peak resident memory of the process in kB (Linux VmHWM), or -1 where /proc is not there. */
    public long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or already gone.
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
