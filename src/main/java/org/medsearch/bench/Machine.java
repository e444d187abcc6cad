package org.medsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a benchmark ran on, in one line: cores, CPU model, RAM, JDK, load. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, JDK %s (%s), load average %s",
                Runtime.getRuntime().availableProcessors(), cpuModel(), ram(), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), load());
    }

    /** The 1-minute load average, or NaN where /proc is absent. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return field(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String ram() {
        return field(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static java.util.Optional<String> field(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return java.util.Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: described by what the JVM knows.
        }
        return java.util.Optional.empty();
    }
}
