package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad file is skipped with its own one-line reason, or handled, never fatal. */
class BadFilesTest {
    private static final String PAGE = "<html><head><title>Gout</title></head><body><h1>Gout</h1>"
            + "<p>Gout is a kind of arthritis: caf\u00e9 au lait spots are something else.</p></body></html>";

    @TempDir
    Path dir;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void skipsFileWithNulBytesAsBinary() throws IOException {
        Path f = write("photo.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertEquals("binary file", skipReason(f));
    }

    @Test
    void skipsFileOfMostlyControlCharactersAsBinary() throws IOException {
        byte[] b = new byte[400];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 2 == 0 ? 0x01 + i % 7 : 'a');
        }
        assertEquals("binary file", skipReason(write("noise.html", b)));
    }

    @Test
    void skipsEmptyAndWhitespaceOnlyFiles() throws IOException {
        assertEquals("empty file", skipReason(write("empty.html", new byte[0])));
        assertEquals("empty file", skipReason(write("blank.txt", " \n\t\r\n  ".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void decodesInvalidUtf8WithoutDeclarationAsWindows1252() throws Exception {
        Path f = write("legacy.html", PAGE.getBytes(Charset.forName("windows-1252")));
        assertTrue(extractor.extract(dir, f).sections().get(0).text().contains("caf\u00e9 au lait"));
    }

    @Test
    void decodesDespiteAWrongDeclaredCharset() throws Exception {
        String declaredUtf8 = PAGE.replace("<head>", "<head><meta charset=\"utf-8\">");
        Path f1 = write("says-utf8.html", declaredUtf8.getBytes(Charset.forName("windows-1252")));
        assertTrue(extractor.extract(dir, f1).sections().get(0).text().contains("caf\u00e9 au lait"));

        String declaredLatin1 = PAGE.replace("<head>", "<head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=iso-8859-1\">");
        Path f2 = write("says-latin1.html", declaredLatin1.getBytes(StandardCharsets.UTF_8));
        assertTrue(extractor.extract(dir, f2).sections().get(0).text().contains("caf\u00e9 au lait"));
    }

    @Test
    void usesTheDeclaredCharsetWhenTheBytesAreNotUtf8() throws Exception {
        String greek = PAGE.replace("<head>", "<head><meta charset=\"iso-8859-7\">")
                .replace("Gout is", "\u039f\u03c5\u03c1\u03b9\u03ba\u03ae \u03b1\u03c1\u03b8\u03c1\u03af\u03c4\u03b9\u03b4\u03b1 is");
        Path f = write("greek.html", greek.getBytes(Charset.forName("iso-8859-7")));
        assertTrue(extractor.extract(dir, f).sections().get(0).text().startsWith("\u039f\u03c5\u03c1\u03b9\u03ba\u03ae"));
    }

    @Test
    void honoursTheHttpCharsetHintForCrawledPages() throws Exception {
        String russian = PAGE.replace("Gout is", "\u041f\u043e\u0434\u0430\u0433\u0440\u0430 is");
        Article a = extractor.extractHtml("web/gout", russian.getBytes(Charset.forName("KOI8-R")), "KOI8-R",
                "https://example.ru/gout");
        assertTrue(a.sections().get(0).text().startsWith("\u041f\u043e\u0434\u0430\u0433\u0440\u0430 is"));
    }

    @Test
    void readsUtf16WithByteOrderMark() throws Exception {
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        assertTrue(extractor.extract(dir, write("utf16.html", withBom)).sections().get(0).text().contains("caf\u00e9"));
    }

    @Test
    void handlesTenThousandLevelsOfNestingWithoutStackOverflow() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><title>Deep | Site</title></head><body>");
        html.append("<div>".repeat(10_000)).append("<h2>Causes</h2><p>Deeply nested text.</p>");
        html.append("<ul><li>".repeat(2_000)).append("item");
        Path f = write("deep.html", html.toString().getBytes(StandardCharsets.UTF_8));

        Article a = extractor.extract(dir, f);

        assertEquals("Deep", a.title());
        assertEquals(SectionKind.CAUSES, a.sections().get(0).kind());
        assertTrue(a.sections().get(0).text().startsWith("Deeply nested text."));
    }

    @Test
    void skipsFileOverTheSizeLimitWithoutReadingIt() throws IOException {
        ArticleExtractor small = new ArticleExtractor(1_000);
        Path f = write("big.html", PAGE.repeat(40).getBytes(StandardCharsets.UTF_8));
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> small.extract(dir, f));
        assertEquals("too large (6 kB > 1 kB limit)", e.getMessage());
    }

    @Test
    void skipsA50MegabytePageAtTheDefaultLimit() throws IOException {
        Path f = dir.resolve("huge.html");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024); // sparse: costs no disk and no time
        }
        assertEquals("too large (52 MB > 20 MB limit)", skipReason(f));
    }

    @Test
    void skipsPageWithoutArticleText() throws IOException {
        Path f = write("chrome.html", ("<html><body><nav><a href=/>Home</a></nav><footer>Contact us</footer>"
                + "<script>var x = 1;</script></body></html>").getBytes(StandardCharsets.UTF_8));
        assertEquals("no article content found", skipReason(f));
    }

    @Test
    void reportsAFileThatVanishedMidRun() {
        assertEquals("file not found (removed during the run?)", skipReason(dir.resolve("gone.html")));
    }

    @Test
    void refusesUnsupportedFileTypes() throws IOException {
        assertEquals("unsupported file type .pdf", skipReason(write("leaflet.pdf", "%PDF-1.4".getBytes())));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String skipReason(Path f) {
        return assertThrows(SkippedFileException.class, () -> extractor.extract(dir, f)).getMessage();
    }
}
