package org.medsearch.crawl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a crawl stops: page and depth limits, filters, failing hosts, slow pages, Ctrl-C. */
class CrawlerLimitsTest extends SiteCrawlTest {
    private static final String TEXT = "Leg cramps are sudden, painful tightenings of the calf muscles at night.";


    private CrawlSettings.Builder settings() {
        // The request timeout is only a hang guard here, so a busy machine's slow answer is not a failed page.
        return CrawlSettings.builder(out).delay(Duration.ZERO).timeout(Duration.ofSeconds(60));
    }

    /** An article without site menus, so that it links only where a test says. */
    private static String article(String title, String html) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + html
                + "</p></body></html>";
    }

    /** A chain of articles: /d/1 links to /d/2, which links to /d/3 ... */
    private void serveChain(int length) {
        site.page("/", TestSite.listing("Start", "/d/1"));
        for (int i = 1; i <= length; i++) {
            site.page("/d/" + i, article("Page " + i, TEXT + " <a href=\"/d/" + (i + 1) + "\">next</a>"));
        }
    }

    @Test
    void maxDepthCountsLinksFromTheStartPage() throws IOException {
        serveChain(6);
        crawl(settings().maxDepth(2).build(), site.base() + "/");
        assertEquals(List.of("/robots.txt", "/", "/d/1", "/d/2"), site.paths());
    }

    @Test
    void maxPagesStopsTheCrawlAndSaysHowMuchWasLeft() throws IOException {
        serveChain(6);
        CrawlReport r = crawl(settings().maxPages(3).build(), site.base() + "/");
        assertEquals(3, r.fetched());
        assertEquals(List.of("/robots.txt", "/", "/d/1", "/d/2"), site.paths());
        assertEquals(1, r.queued());
    }

    @Test
    void includeAndExcludeFilterFollowedLinks() throws IOException {
        site.page("/", TestSite.listing("Start", "/health/asthma", "/health/asthma/print", "/shop/inhaler"));
        site.page("/health/asthma", article("Asthma", TEXT));
        site.page("/health/asthma/print", article("Asthma (print)", TEXT));
        site.page("/shop/inhaler", article("Inhaler", TEXT));
        crawl(settings().include(Pattern.compile("/health/")).exclude(Pattern.compile("/print$")).build(),
                site.base() + "/");
        assertEquals(List.of("/robots.txt", "/", "/health/asthma"), site.paths(), "the start URL is always fetched");
    }

    @Test
    void aSitemapCanBeTheStartAndSitemapIndexesAreFollowed() throws IOException {
        String base = site.base();
        site.route("/sitemap_index.xml", ex -> TestSite.send(ex, 200, "text/xml", ("<sitemapindex><sitemap><loc>"
                + base + "/sitemap-1.xml</loc></sitemap></sitemapindex>").getBytes(StandardCharsets.UTF_8)));
        site.route("/sitemap-1.xml", ex -> TestSite.send(ex, 200, "text/xml", ("<urlset><url><loc>" + base
                + "/a.html</loc><lastmod>2025-01-01</lastmod></url><url><loc>https://elsewhere.invalid/b.html</loc>"
                + "</url></urlset>").getBytes(StandardCharsets.UTF_8)));
        site.page("/a.html", article("A", TEXT));
        CrawlReport r = crawl(settings().build(), base + "/sitemap_index.xml");
        assertEquals(List.of("/robots.txt", "/sitemap_index.xml", "/sitemap-1.xml", "/a.html"), site.paths());
        assertEquals(1, r.savedNew());
    }

    @Test
    void redirectChainsAreBoundedAndRedirectLoopsEnd() throws IOException {
        site.page("/", TestSite.listing("Start", "/chain/0", "/loop/x"));
        for (int i = 0; i < 10; i++) {
            String next = "/chain/" + (i + 1);
            site.route("/chain/" + i, ex -> TestSite.redirect(ex, 302, next));
        }
        site.route("/loop/x", ex -> TestSite.redirect(ex, 301, "/loop/y"));
        site.route("/loop/y", ex -> TestSite.redirect(ex, 301, "/loop/x"));
        CrawlReport r = crawl(settings().maxRedirects(3).build(), site.base() + "/");
        assertEquals(List.of("/robots.txt", "/", "/chain/0", "/chain/1", "/chain/2", "/chain/3", "/loop/x", "/loop/y"),
                site.paths());
        assertTrue(r.problems().stream().anyMatch(p -> p.url().endsWith("/chain/0")
                && p.reason().equals("more than 3 redirects")), r.problems().toString());
    }

    @Test
    void aHostThatKeepsFailingIsGivenUp() throws IOException {
        String[] links = new String[10];
        for (int i = 0; i < links.length; i++) {
            links[i] = "/broken/" + i;
            site.route(links[i], ex -> TestSite.send(ex, 500, "text/html", "<h1>Oops</h1>".getBytes(StandardCharsets.UTF_8)));
        }
        site.page("/", TestSite.listing("Start", links));
        CrawlReport r = crawl(settings().maxHostFailures(3).build(), site.base() + "/");
        assertEquals(List.of("/robots.txt", "/", "/broken/0", "/broken/1", "/broken/2"), site.paths());
        assertTrue(r.problems().stream().anyMatch(p -> p.reason().startsWith("gave up on this host after 3 failed")
                && p.reason().contains("7 queued URLs dropped")), r.problems().toString());
    }

    @Test
    void robotsTxtThatCannotBeReadMeansNothingIsFetched() throws IOException {
        site.route("/robots.txt", ex -> TestSite.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        site.page("/", article("Home", TEXT));
        CrawlReport r = crawl(settings().build(), site.base() + "/");
        assertEquals(List.of("/robots.txt"), site.paths());
        assertEquals(1, r.skippedByRobots());
        assertTrue(r.problems().get(0).reason().startsWith("robots.txt unreadable (HTTP 500)"), r.problems().toString());
    }

    @Test
    void robotsGroupsAreMatchedOnOurWholeNameNotOnAPartOfIt() throws IOException {
        site.route("/robots.txt", ex -> TestSite.send(ex, 200, "text/plain", ("User-agent: search\nDisallow: /\n\n"
                + "User-agent: medsearch/0.1\nDisallow: /drafts/\n\nUser-agent: *\nDisallow: /health/\n")
                .getBytes(StandardCharsets.UTF_8)));
        site.page("/", TestSite.listing("Start", "/health/asthma", "/drafts/gout"));
        site.page("/health/asthma", article("Asthma", TEXT));
        site.page("/drafts/gout", article("Gout", TEXT));
        CrawlReport r = crawl(settings().build(), site.base() + "/");
        assertEquals(List.of("/robots.txt", "/", "/health/asthma"), site.paths(),
                "the medsearch/0.1 group applies (not 'search', not '*')");
        assertEquals(1, r.skippedByRobots());
    }

    @Test
    void aPageThatHangsTimesOutAndTheCrawlGoesOn() throws IOException {
        site.page("/", TestSite.listing("Start", "/hangs", "/fine"));
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        site.route("/hangs", ex -> answerWhenReleased(ex, release, answered));
        site.page("/fine", article("Fine", TEXT));
        // The one test that needs a short timeout: robots.txt, / and /fine must answer within it (in milliseconds
        // on 127.0.0.1); /hangs never does.
        CrawlReport r = crawl(settings().timeout(Duration.ofSeconds(2)).build(), site.base() + "/");
        assertFalse(answered.get(), "the crawl ended while /hangs was still unanswered: it did not wait for it");
        release.countDown();
        assertEquals(1, r.savedNew());
        assertTrue(r.problems().stream().anyMatch(p -> p.url().endsWith("/hangs")
                && p.reason().contains("no complete answer")), r.problems().toString());
    }

    @Test
    void stopEndsTheCrawlPromptlyAndLeavesOnlyWholeFilesAndTheState() throws Exception {
        site.page("/", TestSite.listing("Start", "/first", "/slow", "/never"));
        site.page("/first", article("First", TEXT));
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        site.route("/slow", ex -> answerWhenReleased(ex, release, answered));
        site.page("/never", article("Never", TEXT));
        // A timeout far beyond the test: only stop() can end the request in flight.
        Crawler crawler = new Crawler(settings().timeout(Duration.ofMinutes(5)).build(), CrawlProgress.NONE);
        CompletableFuture<CrawlReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return crawler.run(List.of(site.base() + "/"));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        while (!site.paths().contains("/slow")) {
            Thread.sleep(10);
        }
        crawler.stop();
        CrawlReport r = run.get();
        assertFalse(answered.get(), "stop() aborted the request in flight instead of waiting for its answer");
        release.countDown();
        assertTrue(r.stopped());
        assertFalse(site.paths().contains("/never"));
        assertTrue(Files.exists(out.resolve(site.folder()).resolve("first.html")));
        assertTrue(Files.readString(out.resolve(CrawlState.FILE)).contains("/first"));
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no half-written file");
        }
    }

    /** A page that answers only once the test releases it (or after two minutes, so nothing hangs for ever). */
    private static void answerWhenReleased(com.sun.net.httpserver.HttpExchange ex, CountDownLatch release,
                                           AtomicBoolean answered) throws IOException {
        try {
            release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answered.set(true);
        TestSite.send(ex, 200, "text/html", article("Late", TEXT).getBytes(StandardCharsets.UTF_8));
    }
}
