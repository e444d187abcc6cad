package org.medsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./medsearch} launcher with only too old a JDK to be found: it stops with one line naming the version
 * found and the one needed, instead of going on to a Maven failure. The JDK 17 here is a stand-in (two scripts
 * answering as JDK 17 does), so the test does not depend on which JDKs the machine has.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void javaHomeAtJdk17AndNothingNewerStopsWithOneClearLine() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.16");
        Result r = launch(Map.of("JAVA_HOME", jdk17.toString(), "MEDSEARCH_JDK_DIRS", jdk17.toString()));
        assertEquals(1, r.exit(), r.output());
        assertEquals(1, r.output().lines().count(), "one line: " + r.output());
        assertTrue(r.output().startsWith("medsearch: needs JDK 21 or newer, but the newest found is JDK 17 ("
                + jdk17 + ")"), r.output());
    }

    @Test
    void noJdkAtAllSaysSo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-jdk"));
        Result r = launch(Map.of("JAVA_HOME", empty.toString(), "MEDSEARCH_JDK_DIRS", empty.toString()));
        assertEquals(1, r.exit(), r.output());
        assertEquals(1, r.output().lines().count(), "one line: " + r.output());
        assertTrue(r.output().startsWith("medsearch: needs JDK 21 or newer, but found none"), r.output());
    }

    /** A folder with bin/java and bin/javac that report {@code version} and can run nothing. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        script(bin.resolve("java"), "case \"$*\" in *-XshowSettings*) echo \"    java.specification.version = "
                + version.substring(0, version.indexOf('.')) + "\" >&2; echo \"openjdk version \\\"" + version
                + "\\\"\" >&2; exit 0;; esac\necho 'this stand-in JDK runs nothing' >&2\nexit 3\n");
        script(bin.resolve("javac"), "echo 'this stand-in JDK compiles nothing' >&2\nexit 3\n");
        return bin.getParent();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exit, String output) {
    }

    private Result launch(Map<String, String> env) throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).resolve("medsearch");
        assumeTrue(Files.isExecutable(launcher) && Files.isExecutable(Path.of("/bin/bash")),
                "no ./medsearch or bash here: skipping the launcher test");
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/bash", launcher.toString(), "--version"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        // A generous bound: the launcher only probes two stand-in scripts before it stops.
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not stop");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")));
    }
}
