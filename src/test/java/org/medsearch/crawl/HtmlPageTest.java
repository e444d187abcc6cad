package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlPageTest {
    private static final URI URL = URI.create("http://example.org/conditions/asthma.html");

    private static String saved(String html, Charset encoding, String headerCharset) {
        HtmlPage page = HtmlPage.parse(html.getBytes(encoding), headerCharset, URL);
        return new String(page.savedCopy(), StandardCharsets.UTF_8);
    }

    @Test
    void aPageWithoutCanonicalGetsItsFetchedUrl() {
        String s = saved("<html><head><title>Asthma</title></head><body><p>Text</p></body></html>",
                StandardCharsets.UTF_8, null);
        assertTrue(s.contains("<link rel=\"canonical\" href=\"http://example.org/conditions/asthma.html\">"), s);
    }

    @Test
    void thePagesOwnCanonicalIsKeptAndMadeAbsolute() {
        String s = saved("<html><head><link rel=canonical href=\"/asthma\"></head><body>x</body></html>",
                StandardCharsets.UTF_8, null);
        assertTrue(s.contains("href=\"http://example.org/asthma\""), s);
        assertEquals(1, s.split("canonical", -1).length - 1, s);
    }

    @Test
    void aLegacyCharsetFromMetaIsSavedAsUtf8WithAMatchingMeta() {
        String html = "<html><head><meta charset=\"iso-8859-1\"><title>M\u00e9ni\u00e8re</title></head>"
                + "<body><p>Ménière's disease affects the inner ear.</p></body></html>";
        String s = saved(html, StandardCharsets.ISO_8859_1, null);
        assertTrue(s.contains("Ménière's disease"), s);
        assertTrue(s.toLowerCase().contains("<meta charset=\"utf-8\">"), s);
        assertFalse(s.toLowerCase().contains("iso-8859-1"), s);
    }

    @Test
    void theHeaderCharsetWinsOverMetaAndAnUnknownOneIsIgnored() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u00e9</p></body></html>";
        assertTrue(saved(html, Charset.forName("windows-1252"), "windows-1252").contains("Café"));
        assertTrue(saved(html, StandardCharsets.UTF_8, "no-such-charset").contains("Café"));
    }

    @Test
    void linksAreAbsoluteAndNofollowIsRespected() {
        HtmlPage page = HtmlPage.parse(("<a href=\"../b.html#x\">b</a><a rel=nofollow href=/c>c</a>"
                + "<a href=\"mailto:x@y\">m</a>").getBytes(StandardCharsets.UTF_8), "UTF-8", URL);
        assertEquals(List.of("http://example.org/b.html#x", "mailto:x@y"), List.copyOf(page.links()));
        HtmlPage noFollow = HtmlPage.parse("<meta name=robots content=\"noindex, nofollow\"><a href=/a>a</a>"
                .getBytes(StandardCharsets.UTF_8), "UTF-8", URL);
        assertTrue(noFollow.links().isEmpty());
        assertFalse(noFollow.mayBeSaved());
    }
}
