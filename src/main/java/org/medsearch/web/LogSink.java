package org.medsearch.web;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one of the server's logs goes: stdout, stderr, nowhere, or a file appended to. Written by hand
 * rather than through SLF4J because slf4j-simple has one target and level for everything, and an
 * operator wants request lines on stdout (or in their own file) apart from Jetty's warnings on stderr.
 */
interface LogSink {
    String STDOUT = "stdout";
    String STDERR = "stderr";
    String OFF = "off";

    /** Writes one line. */
    void line(String text);

    /** False for {@code off}: callers skip building lines nobody reads. */
    default boolean enabled() {
        return true;
    }

    /** The sink a setting names; a file is created (with its folder) if missing and appended to. */
    static LogSink open(String target) {
        String t = target == null ? OFF : target.strip();
        return switch (t) {
            case OFF, "none", "" -> new LogSink() {
                @Override
                public void line(String text) {
                }

                @Override
                public boolean enabled() {
                    return false;
                }
            };
            case STDOUT -> System.out::println;
            case STDERR -> System.err::println;
            default -> toFile(Path.of(t));
        };
    }

    private static LogSink toFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Autoflush: a line is on disk when the request has been answered, so 'tail -f' follows it.
            PrintStream out = new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
            return out::println;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + file + ": " + e.getMessage(), e);
        }
    }
}
