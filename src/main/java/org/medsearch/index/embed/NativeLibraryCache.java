package org.medsearch.index.embed;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Unpacks ONNX Runtime's native libraries once into a per-user cache folder and points ONNX Runtime at it.
 *
 * <p>Left alone, ONNX Runtime copies its 24 MB library into a new temporary folder at every start and leaves that
 * folder behind (empty after a clean exit, full after a crash). Loading from a stable folder saves that copy (about
 * 100 ms per start, which matters for one-shot CLI searches) and the litter. Any problem here is silently ignored:
 * ONNX Runtime then falls back to its own unpacking.
 */
final class NativeLibraryCache {

    private static final String PATH_PROPERTY = "onnxruntime.native.path";

    private NativeLibraryCache() {
    }

    /** Sets {@code onnxruntime.native.path} to the cache folder, unpacking into it first if needed; a no-op if already set. */
    static synchronized void install() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        Optional<String> platform = platform();
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        if (platform.isEmpty() || version == null) {
            return;
        }
        Path dir = cacheRoot().resolve("onnxruntime-" + version + "-" + platform.get());
        try {
            Files.createDirectories(dir);
            for (String name : List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"))) {
                unpack("/ai/onnxruntime/native/" + platform.get() + "/" + name, dir.resolve(name));
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
        } catch (IOException | RuntimeException e) {
            // read-only home, full disk, unusual packaging: ONNX Runtime's own temp-folder unpacking still works
        }
    }

    /** Copies a library out of the jar unless an earlier run did; written under a temp name and renamed, so never half there. */
    private static void unpack(String resource, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not in the onnxruntime jar");
            }
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** $XDG_CACHE_HOME/medsearch, else ~/.cache/medsearch. */
    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("medsearch");
    }

    /** ONNX Runtime's folder name for this OS and CPU, for the platforms whose jar layout is known to need no extra files. */
    private static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        if (cpu == null) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return Optional.of("linux-" + cpu);
        }
        if (os.startsWith("mac")) {
            return Optional.of("osx-" + cpu);
        }
        return Optional.empty(); // Windows also needs onnxruntime_providers_shared.dll: leave it to ONNX Runtime
    }
}
