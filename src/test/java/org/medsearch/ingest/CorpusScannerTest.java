package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus listing: sorted, supported types only, and every file it cannot list is reported. */
class CorpusScannerTest {
    @TempDir
    Path root;

    private final List<CorpusScanner.Skip> skips = new ArrayList<>();

    @Test
    void listsSupportedFilesSortedByTheirPathUnderTheRoot() throws IOException {
        touch("b/b1.html");
        touch("a/a2.txt");
        touch("a/a1.htm");
        touch("c.XHTML");

        List<String> ids = CorpusScanner.list(root, skips::add).stream()
                .map(f -> ArticleExtractor.idOf(root, f)).toList();

        assertEquals(List.of("a/a1", "a/a2", "b/b1", "c"), ids);
        assertTrue(skips.isEmpty());
    }

    @Test
    void filesSharingAnIdKeepTheFirstInPathOrderAndReportTheOthers() throws IOException {
        touch("a/flu.txt");
        touch("a/flu.html");
        touch("a/flu.htm");
        touch("a/gout.html");

        List<Path> files = CorpusScanner.list(root, skips::add);

        assertEquals(List.of(root.resolve("a/flu.htm"), root.resolve("a/gout.html")), files);
        assertEquals(List.of(root.resolve("a/flu.html"), root.resolve("a/flu.txt")),
                skips.stream().map(CorpusScanner.Skip::file).toList());
        assertEquals("duplicate id a/flu: a/flu.htm has it (the first in path order)", skips.get(0).reason());
    }

    @Test
    void reportsUnsupportedTypesAndIgnoresHiddenFilesSilently() throws IOException {
        touch("GHR/page.html");
        touch("GHR/leaflet.pdf");
        touch("GHR/.page.html.swp");
        touch(".git/config.html");
        touch("README");

        List<Path> files = CorpusScanner.list(root, skips::add);

        assertEquals(List.of(root.resolve("GHR/page.html")), files);
        assertEquals(List.of("unsupported file type (no extension)", "unsupported file type .pdf"),
                skips.stream().map(CorpusScanner.Skip::reason).sorted().toList());
    }

    @Test
    void reportsSymbolicLinkLoopAndKeepsWalking() throws IOException {
        touch("a/page.html");
        touch("z/page.html");
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));

        List<Path> files = CorpusScanner.list(root, skips::add);

        assertEquals(List.of(root.resolve("a/page.html"), root.resolve("z/page.html")), files);
        assertEquals(1, skips.size());
        assertEquals(root.resolve("a/loop"), skips.get(0).file());
        assertEquals("symbolic link loop", skips.get(0).reason());
    }

    @Test
    void failsClearlyWhenTheRootIsMissing() {
        Path missing = root.resolve("no-such-corpus");
        IOException e = assertThrows(IOException.class, () -> CorpusScanner.list(missing, skips::add));
        assertTrue(e.getMessage().contains("no-such-corpus") && e.getMessage().contains("not found"), e.getMessage());
    }

    private void touch(String relative) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "<p>x</p>");
    }
}
