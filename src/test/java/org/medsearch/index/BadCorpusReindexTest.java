package org.medsearch.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.Searcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reindex over a folder holding every kind of bad file at once finishes, indexes the good pages and names each bad one. */
class BadCorpusReindexTest {
    @TempDir
    Path dir;

    @Test
    void everyGoodPageIsIndexedAndEveryBadOneReportedWithItsReason() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestCorpus.copyTree(TestCorpus.mini(), corpus.resolve("good"));
        Path bad = Files.createDirectories(corpus.resolve("bad"));
        Files.write(bad.resolve("photo.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Files.write(bad.resolve("empty.html"), new byte[0]);
        Files.write(bad.resolve("blank.txt"), " \n\t\n".getBytes(StandardCharsets.US_ASCII));
        try (RandomAccessFile raf = new RandomAccessFile(bad.resolve("huge.html").toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024); // sparse: no disk, no time
        }
        Files.writeString(bad.resolve("leaflet.pdf"), "%PDF-1.4");
        Files.writeString(bad.resolve("vanishing.html"), page("Vanishing", "This page is deleted mid-run."));
        Files.createSymbolicLink(bad.resolve("loop"), bad); // bad/loop -> bad: a link loop
        // Odd but readable pages: these must be indexed, not skipped.
        Files.write(corpus.resolve("good/legacy.html"), page("Gout", "Gout is arthritis; caf\u00e9 au lait spots are not.")
                .getBytes(Charset.forName("windows-1252")));
        Files.write(corpus.resolve("good/says-utf8.html"), page("Bursitis", "Bursitis: caf\u00e9 swelling of a joint sac.")
                .replace("<head>", "<head><meta charset=\"utf-8\">").getBytes(Charset.forName("windows-1252")));
        Files.writeString(corpus.resolve("good/deep.html"), "<html><head><title>Deep</title></head><body>"
                + "<div>".repeat(10_000) + "<h1>Deep nesting</h1><p>Deeply nested tendinitis text.</p></body></html>");

        ArticleExtractor real = new ArticleExtractor();
        IndexWriterJob job = new IndexWriterJob(corpus, new IndexStore(dir.resolve("index")), 2, ReindexProgress.NONE,
                (root, file) -> {
                    if (file.getFileName().toString().equals("vanishing.html")) {
                        Files.delete(file); // listed, then gone before it is read
                    }
                    return real.extract(root, file);
                });
        ReindexReport report = job.run();

        Map<String, String> reasons = report.skipped().stream()
                .collect(Collectors.toMap(ReindexReport.Skipped::file, ReindexReport.Skipped::reason, (a, b) -> a, TreeMap::new));
        assertEquals("binary file", reasons.get("bad/photo.html"), reasons.toString());
        assertEquals("empty file", reasons.get("bad/empty.html"));
        assertEquals("empty file", reasons.get("bad/blank.txt"));
        assertTrue(reasons.get("bad/huge.html").startsWith("too large"), reasons.get("bad/huge.html"));
        assertTrue(reasons.get("bad/leaflet.pdf").startsWith("unsupported file type"), reasons.get("bad/leaflet.pdf"));
        assertEquals("file not found (removed during the run?)", reasons.get("bad/vanishing.html"));
        assertTrue(reasons.keySet().stream().anyMatch(f -> f.startsWith("bad/loop")), "the link loop is reported: " + reasons);
        assertTrue(reasons.keySet().stream().noneMatch(f -> f.startsWith("good/")), "no good page skipped: " + reasons);
        assertEquals(7, report.articles(), "4 mini pages + legacy + says-utf8 + deep");
        assertEquals(report.filesSeen(), report.articles() + report.skipped().size());

        try (LiveIndex index = new LiveIndex(new IndexStore(dir.resolve("index")))) {
            Searcher searcher = new Searcher(index);
            assertEquals("good/legacy", searcher.search(SearchRequest.of("gout arthritis")).hits().get(0).id());
            assertEquals("good/deep", searcher.search(SearchRequest.of("tendinitis")).hits().get(0).id());
            assertTrue(searcher.article("good/says-utf8").orElseThrow().sections().get(0).text().contains("caf\u00e9"));
        }
    }

    private static String page(String title, String text) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>";
    }
}
