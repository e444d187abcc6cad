package org.medsearch.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crawler against a real HTTP server on 127.0.0.1 serving a small site with the usual troubles. */
class CrawlerTest extends SiteCrawlTest {
    private static final String SENTENCES = "Asthma is a long-term condition of the airways in the lungs. "
            + "The airways narrow and swell and make extra mucus, which makes breathing hard. ";
    private static final String ECZEMA_V1_DATE = "Mon, 03 Mar 2025 10:00:00 GMT";

    private final AtomicReference<String> eczemaText = new AtomicReference<>("Eczema makes the skin dry and itchy.");
    private final AtomicReference<String> eczemaDate = new AtomicReference<>(ECZEMA_V1_DATE);
    private final AtomicInteger busyCalls = new AtomicInteger();

    private CrawlSettings.Builder settings() {
        return CrawlSettings.builder(out).delay(Duration.ZERO).maxBytes(100_000).timeout(Duration.ofSeconds(60));
    }

    private Path saved(String path) {
        return out.resolve(site.folder()).resolve(path);
    }

    private Set<String> savedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The health site of the issue: index, listing, articles, robots.txt, sitemap and the troublemakers. */
    private void serveHealthSite() {
        String base = site.base();
        site.route("/robots.txt", ex -> TestSite.send(ex, 200, "text/plain", ("User-agent: *\nDisallow: /private/\n"
                + "Crawl-delay: 0.2\n\nSitemap: " + base + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8)));
        site.route("/sitemap.xml", ex -> TestSite.send(ex, 200, "application/xml", ("<?xml version=\"1.0\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + base
                + "/articles/orphan.html</loc></url><url><loc>" + base + "/articles/asthma.html</loc></url></urlset>")
                .getBytes(StandardCharsets.UTF_8)));
        site.page("/", TestSite.listing("Health A-Z", "/articles/", "/articles/asthma.html#causes",
                "/articles/asthma.html?utm_source=newsletter", "/private/secret.html", "/old/diabetes",
                "/missing.html", "/busy.html", "/leaflet.pdf", "/big.html", "/latin1.html", "/loop/a",
                "https://example.invalid/elsewhere"));
        site.page("/articles/", TestSite.listing("All articles", "asthma.html", "eczema.html", "../"));
        site.route("/articles/asthma.html", ex -> {
            ex.getResponseHeaders().set("ETag", "\"asthma-v1\"");
            if ("\"asthma-v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, null, new byte[0]);
            } else {
                TestSite.send(ex, 200, "text/html; charset=utf-8", TestSite.article("Asthma", SENTENCES, SENTENCES)
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        site.route("/articles/eczema.html", ex -> {
            ex.getResponseHeaders().set("Last-Modified", eczemaDate.get());
            if (eczemaDate.get().equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                TestSite.send(ex, 304, null, new byte[0]);
            } else {
                TestSite.send(ex, 200, "text/html", TestSite.article("Eczema", eczemaText.get() + " " + SENTENCES)
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        site.route("/old/diabetes", ex -> TestSite.redirect(ex, 301, "/articles/diabetes.html"));
        site.page("/articles/diabetes.html", TestSite.article("Diabetes", "Diabetes is a condition in which the "
                + "level of sugar in the blood is too high. " + SENTENCES));
        site.page("/articles/orphan.html", TestSite.article("Orphan disease", "Only the sitemap links to this "
                + "page about a rare condition that few people have heard of."));
        site.page("/private/secret.html", TestSite.article("Secret", SENTENCES));
        site.route("/busy.html", ex -> {
            if (busyCalls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestSite.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(ex, 200, "text/html", TestSite.article("Busy clinic", SENTENCES)
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        site.route("/leaflet.pdf", ex -> TestSite.send(ex, 200, "application/pdf",
                "%PDF-1.4 binary leaflet".getBytes(StandardCharsets.ISO_8859_1)));
        site.route("/big.html", ex -> TestSite.send(ex, 200, "text/html", (TestSite.article("Big page", SENTENCES)
                .replace("</main>", "") + "<p>Filler text for a page far too large. </p>".repeat(80_000))
                .getBytes(StandardCharsets.UTF_8)));
        site.route("/latin1.html", ex -> TestSite.send(ex, 200, "text/html", ("<html><head><meta charset="
                + "\"iso-8859-1\"><title>Ménière's disease</title></head><body><h1>Ménière's disease</h1><h2>Overview"
                + "</h2><p>Ménière's disease is a disorder of the inner ear that causes vertigo and hearing loss."
                + "</p></body></html>").getBytes(StandardCharsets.ISO_8859_1)));
        site.page("/loop/a", TestSite.listing("Loop A", "/loop/b/"));
        site.page("/loop/b/", TestSite.listing("Loop B", "/loop/a?utm_medium=loop#top", "/loop/a/", "/loop/b"));
    }

    @Test
    void crawlsAHealthSitePolitelyThenOnlyWhatChanged() throws IOException {
        serveHealthSite();
        CrawlReport first = crawl(settings().build(), site.base() + "/");
        String host = site.folder() + "/";

        assertEquals(new TreeSet<>(List.of(CrawlState.FILE, host + "articles/asthma.html",
                host + "articles/eczema.html", host + "articles/diabetes.html", host + "articles/orphan.html",
                host + "busy.html", host + "big.html", host + "latin1.html")), savedFiles(),
                "articles are saved; the index, listings, loop pages, the PDF, the 404 and robots-disallowed are not");

        List<String> paths = site.paths();
        assertEquals(List.of("/robots.txt", "/sitemap.xml", "/"), paths.subList(0, 3));
        assertFalse(paths.contains("/private/secret.html"), "robots.txt Disallow is obeyed");
        Map<String, Long> times = paths.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        times.forEach((p, n) -> assertEquals(p.equals("/busy.html") ? 2 : 1, n, p + " requested " + n + " times"));
        assertTrue(paths.containsAll(List.of("/articles/orphan.html", "/loop/a", "/loop/b/", "/leaflet.pdf")));
        assertEquals(17, paths.size(), paths.toString());

        List<TestSite.Hit> hits = site.hits();
        for (int i = 1; i < hits.size(); i++) {
            long gapMs = (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gapMs >= 190, "Crawl-delay 0.2 s: " + hits.get(i - 1).path() + " -> " + hits.get(i).path()
                    + " only " + gapMs + " ms apart");
            if (hits.get(i).path().equals("/busy.html") && hits.get(i - 1).path().equals("/busy.html")) {
                assertTrue(gapMs >= 950, "Retry-After: 1 honoured, waited " + gapMs + " ms");
            }
        }
        assertTrue(hits.stream().allMatch(h -> h.header("User-Agent").startsWith("medsearch/")));

        assertEquals(1, first.skippedByRobots());
        assertEquals(1, first.notHtml());
        assertEquals(1, first.truncated());
        assertEquals(1, first.retries());
        assertEquals(7, first.savedNew());
        assertTrue(first.problems().stream().anyMatch(p -> p.url().endsWith("/missing.html")
                && p.reason().equals("HTTP 404")), first.problems().toString());

        String asthma = Files.readString(saved("articles/asthma.html"));
        assertTrue(asthma.contains("<link rel=\"canonical\" href=\"" + site.base() + "/articles/asthma.html\">"), asthma);
        assertTrue(Files.readString(saved("articles/diabetes.html"))
                .contains("href=\"" + site.base() + "/articles/diabetes.html\""), "canonical is the URL after redirects");
        String latin1 = Files.readString(saved("latin1.html"), StandardCharsets.UTF_8);
        assertTrue(latin1.contains("Ménière's disease is a disorder"), latin1);
        assertTrue(latin1.contains("<meta charset=\"UTF-8\">"), latin1);
        long big = Files.size(saved("big.html"));
        assertTrue(big < 150_000 && Files.readString(saved("big.html")).contains("Asthma is a long-term"), big + " bytes");
        JsonNode state = new ObjectMapper().readTree(out.resolve(CrawlState.FILE).toFile());
        assertEquals("\"asthma-v1\"", state.at("/pages/" + (site.base() + "/articles/asthma.html")
                .replace("~", "~0").replace("/", "~1") + "/etag").asText());

        // Second run: eczema changed, the orphan page is gone, the rest is as it was.
        eczemaText.set("Eczema, also called atopic dermatitis, was rewritten by the site.");
        eczemaDate.set("Tue, 04 Mar 2025 10:00:00 GMT");
        site.route("/sitemap.xml", ex -> TestSite.send(ex, 200, "application/xml", ("<urlset><url><loc>"
                + site.base() + "/articles/asthma.html</loc></url></urlset>").getBytes(StandardCharsets.UTF_8)));
        site.route("/articles/orphan.html", ex -> TestSite.send(ex, 410, "text/html", "<h1>Gone</h1>"
                .getBytes(StandardCharsets.UTF_8)));
        FileTime asthmaTime = Files.getLastModifiedTime(saved("articles/asthma.html"));
        FileTime diabetesTime = Files.getLastModifiedTime(saved("articles/diabetes.html"));
        site.clearHits();

        CrawlReport second = crawl(settings().prune(true).build(), site.base() + "/");

        TestSite.Hit asthmaHit = site.hits().stream().filter(h -> h.path().equals("/articles/asthma.html"))
                .findFirst().orElseThrow();
        assertEquals("\"asthma-v1\"", asthmaHit.header("If-None-Match"));
        TestSite.Hit eczemaHit = site.hits().stream().filter(h -> h.path().equals("/articles/eczema.html"))
                .findFirst().orElseThrow();
        assertEquals(ECZEMA_V1_DATE, eczemaHit.header("If-Modified-Since"));
        assertEquals(0, second.savedNew());
        assertEquals(1, second.savedChanged());
        assertEquals(5, second.unchanged(), "asthma (304), diabetes, busy, big, latin1 (same bytes)");
        assertTrue(Files.readString(saved("articles/eczema.html")).contains("rewritten by the site"));
        assertEquals(asthmaTime, Files.getLastModifiedTime(saved("articles/asthma.html")));
        assertEquals(diabetesTime, Files.getLastModifiedTime(saved("articles/diabetes.html")));
        assertEquals(List.of(site.base() + "/articles/orphan.html"), second.gone());
        assertEquals(1, second.removed());
        assertFalse(Files.exists(saved("articles/orphan.html")), "--prune removes pages that are gone");
    }
}
