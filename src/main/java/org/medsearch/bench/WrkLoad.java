package org.medsearch.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from wrk, the C load generator the speed issue's own figures came from, when it is on the PATH. On two
 * cores the JDK client of {@link HttpLoad} spends about as much CPU as the server it drives, so the server's capacity
 * shows only beside a lighter client. wrk runs a Lua script that cycles through the paths, each of its threads from
 * its own point, and prints its count, errors and percentiles in one line that this class reads.
 */
final class WrkLoad {
    private static final Pattern RESULT = Pattern.compile("medsearch-wrk requests=(\\d+) duration_us=(\\d+) "
            + "errors=(\\d+) status=(\\d+) p50_us=(\\d+) p95_us=(\\d+) p99_us=(\\d+)");
    private static final String REPORT = """
            local n = 0
            local threads = {}
            function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
            function init(args) n = id * 7919 end
            function request() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("medsearch-wrk requests=%d duration_us=%d errors=%d status=%d p50_us=%d p95_us=%d p99_us=%d\\n",
                summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
                latency:percentile(50), latency:percentile(95), latency:percentile(99)))
            end
            """;

    private final Path wrk;
    private final String base;
    private final Path work;

    private WrkLoad(Path wrk, String base, Path work) {
        this.wrk = wrk;
        this.base = base;
        this.work = work;
    }

    /** wrk against {@code base} ({@code http://host:port}), its scripts in {@code work}; empty when wrk is not on the PATH. */
    static Optional<WrkLoad> find(String base, Path work) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new WrkLoad(candidate, base, work));
            }
        }
        return Optional.empty();
    }

    /** {@code connections} connections over these paths: a warm-up run, then the measured one. */
    Latencies run(List<String> paths, int connections, Duration warmup, Duration measured) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path script = Files.writeString(work.resolve("wrk-mix.lua"), script(paths), StandardCharsets.UTF_8);
        wrk(script, connections, warmup);
        return parse(wrk(script, connections, measured));
    }

    private String wrk(Path script, int connections, Duration time) throws IOException, InterruptedException {
        long seconds = Math.max(1, Math.round(time.toMillis() / 1000.0));
        // Its output goes to a file, so a wrk that hangs is caught by the wait below rather than by a blocked read.
        Path output = work.resolve("wrk-output.txt");
        Process p = new ProcessBuilder(wrk.toString(), "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(), base)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(seconds + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not finish within " + (seconds + 30) + " s");
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("wrk exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    /** The Lua script that asks for {@code paths} in turn. */
    static String script(List<String> paths) {
        StringBuilder s = new StringBuilder("paths = {\n");
        for (String path : paths) {
            s.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        return s.append("}\n").append(REPORT).toString();
    }

    /** The figures of wrk's output: socket errors and answers other than 2xx or 3xx both count as errors. */
    static Latencies parse(String output) throws IOException {
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("no result line in wrk's output: " + output.strip());
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = Long.parseLong(m.group(2)) / 1e6;
        int errors = (int) (Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
        return new Latencies((int) requests, ms(m.group(5)), ms(m.group(6)), ms(m.group(7)),
                requests / Math.max(1e-9, seconds), errors);
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }
}
