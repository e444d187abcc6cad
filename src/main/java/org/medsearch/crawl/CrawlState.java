package org.medsearch.crawl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What earlier crawls saved, kept in {@code <out>/.medsearch-crawl.json} (a dot-file, so {@code reindex} ignores
 * it): per page its URL, saved path and validators, so the next crawl asks only for what changed.
 */
final class CrawlState {
    static final String FILE = ".medsearch-crawl.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One saved page; {@code etag} and {@code lastModified} are null when the server sent none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(String url, String path, String etag, String lastModified) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Stored(int version, Map<String, Page> pages) {
    }

    private final Path file;
    private final Map<String, Page> pages;

    private CrawlState(Path file, Map<String, Page> pages) {
        this.file = file;
        this.pages = pages;
    }

    /** The state of the corpus folder {@code out}; empty on a first crawl. */
    static CrawlState load(Path out) throws IOException {
        Path file = out.resolve(FILE);
        Map<String, Page> pages = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                Stored s = JSON.readValue(file.toFile(), Stored.class);
                if (s.pages() != null) {
                    pages.putAll(s.pages());
                }
            } catch (IOException e) {
                throw new IOException("cannot read crawl state " + file + " (" + e.getMessage().lines().findFirst()
                        .orElse("") + "); move it away to start afresh", e);
            }
        }
        return new CrawlState(file, pages);
    }

    Optional<Page> get(String key) {
        return Optional.ofNullable(pages.get(key));
    }

    void put(String key, Page page) {
        pages.put(key, page);
    }

    void remove(String key) {
        pages.remove(key);
    }

    Collection<Page> pages() {
        return pages.values();
    }

    /** Writes the state atomically (temp file and rename), so a crash leaves the old or the new one. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = JSON.writeValueAsBytes(new Stored(1, pages));
        CorpusFolder.writeAtomically(file, bytes);
    }
}
