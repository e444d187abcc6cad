package org.medsearch.index;

import org.jsoup.Jsoup;
import org.medsearch.ingest.ArticleExtractor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the cleaner's output depends on, as one string: a hash of every class file of the {@code ingest} package and
 * the Jsoup jar it parses with. Any edit to the cleaner or a Jsoup upgrade changes it, so cached articles
 * ({@link CleanedArticleCache}) are never reused by a cleaner that could clean the page differently.
 */
final class CleanerVersion {
    private static final String PACKAGE = ArticleExtractor.class.getPackageName().replace('.', '/') + "/";
    private static volatile Optional<String> current;

    private CleanerVersion() {
    }

    /** This build's cleaner version, or empty when its class files cannot be read (then nothing is cached). */
    static Optional<String> current() {
        Optional<String> v = current;
        if (v == null) {
            v = compute();
            current = v;
        }
        return v;
    }

    private static Optional<String> compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] bytes : classFiles(location(ArticleExtractor.class))) {
                sha.update(bytes);
            }
            sha.update(location(Jsoup.class).getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The package's class files in name order, from a jar or a classes folder. */
    private static List<byte[]> classFiles(Path root) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(Files.readAllBytes(f));
                }
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                List<JarEntry> entries = jar.stream().filter(e -> e.getName().startsWith(PACKAGE) && !e.isDirectory())
                        .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                for (JarEntry e : entries) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.add(in.readAllBytes());
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no class files of " + PACKAGE + " under " + root);
        }
        return out;
    }
}
