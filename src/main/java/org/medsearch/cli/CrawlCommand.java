package org.medsearch.cli;

import org.medsearch.crawl.CrawlReport;
import org.medsearch.crawl.CrawlSettings;
import org.medsearch.crawl.Crawler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** {@code medsearch crawl}: fetches a site's article pages into a corpus folder for {@code reindex}. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Fetch the article pages of a site (or a list of URLs, or a sitemap.xml) into a corpus folder "
                + "that 'reindex' indexes. Follows links on the start hosts only, obeys robots.txt, waits between "
                + "requests, and on a second run asks only for what changed.",
                "Index and listing pages are followed but not saved. Ctrl-C stops cleanly."})
public final class CrawlCommand implements Callable<Integer> {
    private static final int PROBLEMS_LISTED = 30;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Start pages, or sitemaps (URLs ending in .xml).")
    List<String> urls;

    @Option(names = "--out", paramLabel = "DIR", description = "Corpus folder to save into (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("corpus");

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N page requests (default: ${DEFAULT-VALUE}).")
    int maxPages = 10_000;

    @Option(names = "--max-depth", paramLabel = "D", description = "Follow links at most D steps from a start page (default: ${DEFAULT-VALUE}).")
    int maxDepth = 20;

    @Option(names = "--delay-ms", paramLabel = "MS", description = "Least wait between two requests to one host; "
            + "a larger robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE}).")
    long delayMs = 1000;

    @Option(names = "--include", paramLabel = "REGEX", description = "Fetch only URLs this matches (found anywhere in the URL).")
    Pattern include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Never fetch URLs this matches.")
    Pattern exclude;

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent header; robots.txt rules are "
            + "matched on its first word (default: ${DEFAULT-VALUE}).")
    String userAgent = CrawlSettings.DEFAULT_USER_AGENT;

    @Option(names = "--prune", description = "Delete saved pages the site no longer has (404/410).")
    boolean prune;

    @Option(names = "--timeout-s", paramLabel = "S", description = "Give up on one request after S seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Cut responses off after N bytes (default: ${DEFAULT-VALUE}).")
    long maxBytes = 5_000_000;

    @Override
    public Integer call() throws IOException {
        if (delayMs < 0 || maxPages < 1 || maxDepth < 0 || timeoutSeconds < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("--delay-ms, --max-pages, --max-depth, --timeout-s and --max-bytes "
                    + "must be positive");
        }
        CrawlSettings settings = CrawlSettings.builder(out).maxPages(maxPages).maxDepth(maxDepth)
                .delay(Duration.ofMillis(delayMs)).include(include).exclude(exclude).userAgent(userAgent)
                .prune(prune).timeout(Duration.ofSeconds(timeoutSeconds)).maxBytes(maxBytes).build();
        CrawlProgressPrinter printer = CrawlProgressPrinter.forStderr();
        Crawler crawler = new Crawler(settings, printer);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop between pages and let the run write its state and summary before the JVM exits.
        Thread hook = new Thread(() -> {
            crawler.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crawl-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CrawlReport report = crawler.run(urls);
            printer.finish();
            print(report, out, System.out);
            return report.fetched() == 0 && !report.problems().isEmpty() ? 1 : 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C was pressed: the hook is running and will return now that the run is over.
            }
        }
    }

    /** The end-of-run table. */
    static void print(CrawlReport r, Path out, PrintStream o) {
        o.printf("%s into %s%n", r.stopped() ? "Crawl stopped; what was saved is kept," : "Crawled",
                out.toAbsolutePath().normalize());
        o.printf("  pages fetched      %,d%n", r.fetched());
        o.printf("  saved (new)        %,d%n", r.savedNew());
        o.printf("  saved (changed)    %,d%n", r.savedChanged());
        o.printf("  unchanged          %,d%n", r.unchanged());
        o.printf("  not articles       %,d%n", r.notArticles());
        o.printf("  not HTML           %,d%n", r.notHtml());
        o.printf("  skipped by robots  %,d%n", r.skippedByRobots());
        o.printf("  cut off (too big)  %,d%n", r.truncated());
        o.printf("  retries (429/503)  %,d%n", r.retries());
        o.printf("  errors             %,d%n", r.problems().size() - r.gone().size());
        o.printf("  gone (404/410)     %,d%n", r.gone().size());
        o.printf("  removed            %,d%n", r.removed());
        o.printf("  still queued       %,d%n", r.queued());
        o.printf("  elapsed            %.1f s%n", r.elapsed().toMillis() / 1000.0);
        o.printf("  pages/s            %,.1f%n", r.pagesPerSecond());
        if (!r.problems().isEmpty()) {
            o.println("Problems:");
            r.problems().stream().limit(PROBLEMS_LISTED).forEach(p -> o.printf("  %s: %s%n", p.url(), p.reason()));
            if (r.problems().size() > PROBLEMS_LISTED) {
                o.printf("  ... and %,d more%n", r.problems().size() - PROBLEMS_LISTED);
            }
        }
        if (r.saved() > 0) {
            o.printf("Next: ./medsearch reindex --corpus %s%n", out);
        }
    }
}
