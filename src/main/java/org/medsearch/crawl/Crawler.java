package org.medsearch.crawl;

import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.SkippedFileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Crawls sites from start URLs into a corpus folder: follows links on the start hosts only, saves the pages the
 * cleaner finds an article in, and is polite (robots.txt, one request at a time per host with a delay, backing
 * off when asked) and incremental (conditional requests; only what changed is rewritten). One crawler runs once.
 */
public final class Crawler {
    private static final int MAX_SITEMAPS = 100;
    private static final int SAVE_STATE_EVERY = 25;
    private static final Predicate<String> HTML = t -> t.isEmpty() || t.equals("text/html")
            || t.equals("application/xhtml+xml");
    private static final Predicate<String> ANY = t -> true;

    private final CrawlSettings settings;
    private final CrawlProgress progress;
    private final CrawlClock clock;
    private final ArticleExtractor extractor;
    private final Frontier frontier = new Frontier();
    /** The hosts we crawl, each with a URL it was named by (for the scheme of its robots.txt). */
    private final Map<String, URI> hosts = new LinkedHashMap<>();
    private final Map<String, RobotsTxt> robots = new HashMap<>();
    private final ArrayDeque<URI> sitemaps = new ArrayDeque<>();
    private final Set<String> sitemapsSeen = new HashSet<>();
    private final Counts counts = new Counts();
    private volatile boolean stopping;
    private volatile PoliteFetcher fetcher;
    private CrawlState state;
    private CorpusFolder folder;
    private long started;

    /** A crawler on the real clock, reporting to {@code progress}. */
    public Crawler(CrawlSettings settings, CrawlProgress progress) {
        this.settings = settings;
        this.progress = progress;
        this.clock = CrawlClock.system(() -> stopping);
        this.extractor = new ArticleExtractor();
    }

    /**
     * Crawls from the start URLs (pages, or sitemaps ending in {@code .xml}) until nothing is left, the page
     * limit is reached or {@link #stop()} is called; the state file is written whatever happens.
     *
     * @throws IllegalArgumentException when a start URL is not an http(s) URL
     * @throws IOException              when the corpus folder or the state file cannot be used
     */
    public CrawlReport run(List<String> startUrls) throws IOException {
        started = clock.nanoTime();
        List<URI> starts = parseStarts(startUrls);
        folder = new CorpusFolder(settings.out());
        Files.createDirectories(folder.root());
        state = CrawlState.load(folder.root());
        seed(starts);
        try (PoliteFetcher f = new PoliteFetcher(settings, clock, () -> stopping, this::giveUp)) {
            fetcher = f;
            crawl();
        } catch (InterruptedException e) {
            stopping = true;
        } finally {
            counts.retries = fetcher == null ? 0 : fetcher.retries();
            fetcher = null;
            state.save();
        }
        return report();
    }

    /** Asks a running crawl to stop soon: the request in flight is aborted, nothing half-written is left. */
    public void stop() {
        stopping = true;
        PoliteFetcher f = fetcher;
        if (f != null) {
            f.cancel();
        }
    }

    private List<URI> parseStarts(List<String> startUrls) {
        if (startUrls.isEmpty()) {
            throw new IllegalArgumentException("give at least one URL to start from");
        }
        List<URI> out = new ArrayList<>();
        for (String s : startUrls) {
            out.add(CrawlUrls.normalize(s).orElseThrow(
                    () -> new IllegalArgumentException("not an http(s) URL: " + s)));
        }
        return out;
    }

    /** Start URLs first, then every page saved by an earlier crawl of these hosts (to see what changed or went). */
    private void seed(List<URI> starts) {
        for (URI u : starts) {
            hosts.putIfAbsent(CrawlUrls.hostKey(u), u);
            if (Sitemap.looksLikeSitemap(u)) {
                queueSitemap(u);
            } else {
                frontier.offer(u, 0);
            }
        }
        for (CrawlState.Page p : state.pages()) {
            CrawlUrls.normalize(p.url())
                    .filter(u -> hosts.containsKey(CrawlUrls.hostKey(u)) && passesFilters(u))
                    .ifPresent(u -> frontier.offer(u, 0));
        }
    }

    private void crawl() throws InterruptedException, IOException {
        int savedAtCheckpoint = 0;
        for (Map.Entry<String, URI> host : hosts.entrySet()) {
            robotsFor(host.getKey(), host.getValue());
        }
        while (!stopping && counts.fetched < settings.maxPages()) {
            if (!sitemaps.isEmpty()) {
                readSitemap(sitemaps.poll());
                continue;
            }
            Optional<String> host = frontier.nextHost(fetcher::readyAt);
            if (host.isEmpty()) {
                break;
            }
            visit(frontier.poll(host.get()));
            progress.progress(report());
            if (counts.saved() - savedAtCheckpoint >= SAVE_STATE_EVERY) {
                savedAtCheckpoint = counts.saved();
                state.save();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            stopping = true;
        }
    }

    private void visit(Frontier.Item item) throws InterruptedException, IOException {
        if (!robotsFor(CrawlUrls.hostKey(item.uri()), item.uri()).allows(item.uri())) {
            counts.skippedByRobots++;
            return;
        }
        Map<String, String> conditional = conditionalHeaders(item.key());
        Optional<PageFetcher.Response> fetched;
        try {
            fetched = fetchFollowingRedirects(item, conditional);
        } catch (IOException e) {
            problem(item.uri().toString(), describe(e));
            return;
        }
        if (fetched.isEmpty()) {
            return;
        }
        PageFetcher.Response r = fetched.get();
        counts.fetched++;
        String key = CrawlUrls.key(r.uri());
        switch (r.status()) {
            case 200 -> {
                if (!HTML.test(r.mediaType()) || looksBinary(r.body())) {
                    counts.notHtml++;
                } else {
                    handleHtml(item, r, key);
                }
            }
            case 304 -> unchanged(item, key);
            case 404, 410 -> gone(key, r);
            default -> problem(r.uri().toString(), "HTTP " + r.status()
                    + (RetryPolicy.isRetryable(r.status()) ? " (still, after " + settings.maxRetries() + " retries)" : ""));
        }
    }

    /** Sends If-None-Match / If-Modified-Since only for pages we still have a copy of. */
    private Map<String, String> conditionalHeaders(String key) {
        Map<String, String> h = new HashMap<>();
        state.get(key).filter(p -> Files.exists(folder.resolve(p.path()))).ifPresent(p -> {
            if (p.etag() != null) {
                h.put("If-None-Match", p.etag());
            }
            if (p.lastModified() != null) {
                h.put("If-Modified-Since", p.lastModified());
            }
        });
        return h;
    }

    /** The final response, or empty when a redirect led somewhere not to fetch (reported or counted). */
    private Optional<PageFetcher.Response> fetchFollowingRedirects(Frontier.Item item, Map<String, String> headers)
            throws IOException, InterruptedException {
        URI uri = item.uri();
        for (int hop = 0; ; hop++) {
            PageFetcher.Response r = fetcher.get(uri, headers, HTML);
            Optional<String> location = r.header("Location");
            if (r.status() / 100 != 3 || r.status() == 304 || location.isEmpty()) {
                return Optional.of(r);
            }
            if (hop >= settings.maxRedirects()) {
                counts.fetched++;
                problem(item.uri().toString(), "more than " + settings.maxRedirects() + " redirects");
                return Optional.empty();
            }
            Optional<URI> target = resolve(uri, location.get());
            if (target.isEmpty() || !hosts.containsKey(CrawlUrls.hostKey(target.get()))) {
                counts.fetched++;
                problem(item.uri().toString(), "redirects to " + location.get() + " (another site: not followed)");
                return Optional.empty();
            }
            String targetKey = CrawlUrls.key(target.get());
            if (!targetKey.equals(CrawlUrls.key(uri)) && !frontier.markSeen(targetKey)) {
                counts.fetched++;
                return Optional.empty(); // the target is fetched (or queued) as a page of its own
            }
            if (!robotsFor(CrawlUrls.hostKey(target.get()), target.get())
                    .allows(target.get())) {
                counts.fetched++;
                counts.skippedByRobots++;
                return Optional.empty();
            }
            uri = target.get();
        }
    }

    private void handleHtml(Frontier.Item item, PageFetcher.Response r, String key) throws IOException {
        String charset = r.charset().orElse(null);
        HtmlPage page = HtmlPage.parse(r.body(), charset, r.uri());
        if (r.truncated()) {
            counts.truncated++;
        }
        queueLinks(page.links(), item.depth() + 1);
        Optional<CrawlState.Page> before = state.get(key);
        String path = before.map(CrawlState.Page::path).orElse(PagePaths.of(r.uri()));
        boolean noindex = r.header("X-Robots-Tag").map(v -> v.toLowerCase(Locale.ROOT).contains("noindex"))
                .orElse(false);
        if (noindex || !page.mayBeSaved() || !isArticle(PagePaths.idOf(path), r, charset, page)) {
            counts.notArticles++;
            if (before.isPresent()) {
                problem(r.uri().toString(), "no longer an article page" + (settings.prune() ? " (removed)" : ""));
                if (settings.prune()) {
                    remove(key, before.get());
                }
            }
            return;
        }
        byte[] copy = page.savedCopy();
        if (folder.hasSame(path, copy)) {
            counts.unchanged++;
        } else {
            boolean existed = Files.exists(folder.resolve(path));
            folder.save(path, copy);
            if (existed) {
                counts.savedChanged++;
            } else {
                counts.savedNew++;
            }
        }
        state.put(key, new CrawlState.Page(r.uri().toString(), path, r.header("ETag").orElse(null),
                r.header("Last-Modified").orElse(null)));
    }

    /** The cleaner finds an article and {@link ArticleRule} says it has real text. */
    private boolean isArticle(String id, PageFetcher.Response r, String charset, HtmlPage page) {
        try {
            Article article = extractor.extractHtml(id, r.body(), charset, r.uri().toString());
            return ArticleRule.isArticle(article, page.linkTextShare());
        } catch (SkippedFileException e) {
            return false;
        } catch (RuntimeException e) {
            problem(r.uri().toString(), "the cleaner failed on this page: " + describe(e));
            return false;
        }
    }

    /** 304: the saved copy is current; its links are still followed, read from the copy. */
    private void unchanged(Frontier.Item item, String key) throws IOException {
        counts.unchanged++;
        Optional<CrawlState.Page> saved = state.get(key);
        if (saved.isPresent()) {
            byte[] copy = folder.read(saved.get().path());
            URI url = CrawlUrls.normalize(saved.get().url()).orElse(item.uri());
            queueLinks(HtmlPage.parse(copy, StandardCharsets.UTF_8.name(), url).links(), item.depth() + 1);
        }
    }

    private void gone(String key, PageFetcher.Response r) throws IOException {
        Optional<CrawlState.Page> saved = state.get(key);
        if (saved.isEmpty()) {
            problem(r.uri().toString(), "HTTP " + r.status());
            return;
        }
        counts.gone.add(r.uri().toString());
        problem(r.uri().toString(), "gone (HTTP " + r.status() + ")"
                + (settings.prune() ? ": saved copy removed" : ": saved copy kept (--prune removes it)"));
        if (settings.prune()) {
            remove(key, saved.get());
        }
    }

    private void remove(String key, CrawlState.Page page) throws IOException {
        if (folder.delete(page.path())) {
            counts.removed++;
        }
        state.remove(key);
    }

    private void queueLinks(Set<String> links, int depth) {
        if (depth > settings.maxDepth()) {
            return;
        }
        for (String link : links) {
            CrawlUrls.normalize(link)
                    .filter(u -> hosts.containsKey(CrawlUrls.hostKey(u)) && passesFilters(u))
                    .ifPresent(u -> frontier.offer(u, depth));
        }
    }

    private boolean passesFilters(URI u) {
        String s = u.toString();
        return (settings.include() == null || settings.include().matcher(s).find())
                && (settings.exclude() == null || !settings.exclude().matcher(s).find());
    }

    /** The robots rules of a host, fetched on first use; Crawl-delay and Sitemap lines take effect then. */
    private RobotsTxt robotsFor(String host, URI anyUrlOfHost) throws InterruptedException {
        RobotsTxt rules = robots.get(host);
        if (rules != null) {
            return rules;
        }
        URI robotsUrl = CrawlUrls.robotsTxt(anyUrlOfHost);
        try {
            PageFetcher.Response r = fetcher.get(robotsUrl, Map.of(), ANY);
            for (int hop = 0; r.status() / 100 == 3 && r.header("Location").isPresent() && hop < 5; hop++) {
                Optional<URI> next = resolve(r.uri(), r.header("Location").get());
                if (next.isEmpty()) {
                    break;
                }
                r = fetcher.get(next.get(), Map.of(), ANY);
            }
            if (r.status() == 200) {
                rules = RobotsTxt.parse(r.uri().toString(), r.body(), settings.robotsName());
            } else if (r.status() / 100 == 4) {
                rules = RobotsTxt.ALLOW_ALL;
            } else {
                rules = unreachable(robotsUrl, "HTTP " + r.status());
            }
        } catch (IOException e) {
            rules = unreachable(robotsUrl, describe(e));
        }
        robots.put(host, rules);
        RobotsTxt found = rules;
        rules.crawlDelay().ifPresent(d -> fetcher.crawlDelay(host, d));
        for (String s : found.sitemaps()) {
            CrawlUrls.normalize(s).filter(u -> hosts.containsKey(CrawlUrls.hostKey(u))).ifPresent(this::queueSitemap);
        }
        return rules;
    }

    private RobotsTxt unreachable(URI robotsUrl, String why) {
        problem(robotsUrl.toString(), "robots.txt unreadable (" + why + "): nothing on this host is fetched");
        return RobotsTxt.DISALLOW_ALL;
    }

    private void queueSitemap(URI u) {
        if (sitemapsSeen.size() < MAX_SITEMAPS && sitemapsSeen.add(CrawlUrls.key(u))) {
            sitemaps.add(u);
        }
    }

    private void readSitemap(URI u) throws InterruptedException {
        String host = CrawlUrls.hostKey(u);
        if (fetcher.gaveUp(host) || !robotsFor(host, u).allows(u)) {
            return;
        }
        try {
            PageFetcher.Response r = fetcher.get(u, Map.of(), ANY);
            if (r.status() != 200) {
                problem(u.toString(), "sitemap: HTTP " + r.status());
                return;
            }
            Sitemap map = Sitemap.parse(gunzipIfNeeded(r.body()), r.uri());
            for (String page : map.pages()) {
                CrawlUrls.normalize(page).filter(p -> hosts.containsKey(CrawlUrls.hostKey(p)) && passesFilters(p))
                        .ifPresent(p -> frontier.offer(p, 0));
            }
            for (String nested : map.sitemaps()) {
                CrawlUrls.normalize(nested).filter(p -> hosts.containsKey(CrawlUrls.hostKey(p)))
                        .ifPresent(this::queueSitemap);
            }
        } catch (IOException e) {
            problem(u.toString(), "sitemap: " + describe(e));
        }
    }

    private void giveUp(String host) {
        int dropped = frontier.drain(host).size();
        problem(host, "gave up on this host after " + settings.maxHostFailures() + " failed requests in a row ("
                + dropped + " queued URLs dropped)");
    }

    private void problem(String url, String reason) {
        counts.problems.add(new CrawlReport.Problem(url, reason));
        progress.problem(url, reason);
    }

    private CrawlReport report() {
        return new CrawlReport(counts.fetched, counts.savedNew, counts.savedChanged, counts.unchanged,
                counts.notArticles, counts.notHtml, counts.skippedByRobots, counts.truncated,
                fetcher == null ? counts.retries : fetcher.retries(),
                counts.problems, counts.gone, counts.removed, frontier.size(), stopping,
                Duration.ofNanos(clock.nanoTime() - started));
    }

    private static Optional<URI> resolve(URI base, String location) {
        try {
            return CrawlUrls.normalize(base.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return CrawlUrls.normalize(location);
        }
    }

    /** PDFs and images served as text/html, or with no type at all: a NUL byte near the start gives them away. */
    private static boolean looksBinary(byte[] body) {
        if (body.length >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return true;
        }
        for (int i = 0; i < Math.min(body.length, 1024); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private byte[] gunzipIfNeeded(byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() * 10));
        }
    }

    /** A one-line reason; the JDK client's connection failures often come without a message. */
    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse("");
            }
            if (t instanceof java.net.ConnectException) {
                return "cannot connect to the host";
            }
        }
        return e.getClass().getSimpleName();
    }

    private static final class Counts {
        int fetched;
        int savedNew;
        int savedChanged;
        int unchanged;
        int notArticles;
        int notHtml;
        int skippedByRobots;
        int truncated;
        int retries;
        int removed;
        final List<CrawlReport.Problem> problems = new ArrayList<>();
        final List<String> gone = new ArrayList<>();

        int saved() {
            return savedNew + savedChanged;
        }
    }
}
