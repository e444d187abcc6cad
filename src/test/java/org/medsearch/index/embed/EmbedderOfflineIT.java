package org.medsearch.index.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing may be downloaded at run time: the embedder must work in a fresh JVM whose every network route fails and is
 * recorded, with an empty home, cache and temp folder (so nothing fetched by an earlier run can help).
 */
class EmbedderOfflineIT {

    @TempDir
    Path dir;

    @Test
    void embedsInAFreshJvmThatCannotReachTheNetwork() throws Exception {
        Path services = dir.resolve("trap/META-INF/services/java.net.spi.InetAddressResolverProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, OfflineProbe.RefusingResolver.class.getName() + "\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        List<String> command = new ArrayList<>();
        boolean isolated = canUnshareNetwork();
        if (isolated) {
            // A network namespace with only a loopback that is down: even native code cannot connect anywhere.
            command.addAll(List.of("unshare", "--map-root-user", "--net"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
                "-Djava.net.useSystemProxies=false",
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9",
                "-cp", dir.resolve("trap") + File.pathSeparator + System.getProperty("java.class.path"),
                OfflineProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "child JVM did not finish");

        String context = "network namespace: " + isolated + "\n" + output;
        assertEquals(0, child.exitValue(), context);
        assertTrue(output.contains("dimension=384"), context);
        assertTrue(output.contains("unit=true"), context);
        assertTrue(output.contains("sameAsQuery=true"), context);
        assertTrue(output.contains("attempts=[]"), "network was tried:\n" + context);
        assertTrue(output.contains("trap=armed"), "the trap did not catch a deliberate lookup:\n" + context);
        try (var tempFiles = Files.list(tmp)) {
            assertEquals(0, tempFiles.count(), "native libraries should load from the cache folder, not the temp dir");
        }
    }

    private static boolean canUnshareNetwork() {
        try {
            Process probe = new ProcessBuilder("unshare", "--map-root-user", "--net", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
