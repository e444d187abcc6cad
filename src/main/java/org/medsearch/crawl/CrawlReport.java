package org.medsearch.crawl;

import java.time.Duration;
import java.util.List;

/**
 * What a crawl did, for the end-of-run summary.
 *
 * @param fetched         page requests answered (any status, retries not counted again)
 * @param savedNew        article pages saved for the first time
 * @param savedChanged    article pages saved again because they changed
 * @param unchanged       pages not rewritten: 304 Not Modified, or the same bytes as the saved copy
 * @param notArticles     HTML pages followed but not saved (index, listing, too little text, noindex)
 * @param notHtml         responses skipped for their content type (PDF, images...)
 * @param skippedByRobots URLs never requested because robots.txt disallows them
 * @param truncated       responses cut off at the size limit
 * @param retries         requests repeated after 429/503
 * @param problems        pages that failed, with the reason
 * @param gone            saved pages the site now answers 404/410 for
 * @param removed         saved pages deleted ({@code --prune})
 * @param queued          URLs left unfetched (page limit reached or stopped)
 * @param stopped         whether the crawl was interrupted
 * @param elapsed         wall time
 */
public record CrawlReport(int fetched, int savedNew, int savedChanged, int unchanged, int notArticles, int notHtml,
                          int skippedByRobots, int truncated, int retries, List<Problem> problems, List<String> gone,
                          int removed, int queued, boolean stopped, Duration elapsed) {

    /** One failure: the URL and a one-line reason. */
    public record Problem(String url, String reason) {
    }

    public CrawlReport {
        problems = List.copyOf(problems);
        gone = List.copyOf(gone);
    }

    /** Pages saved this run, new or changed. */
    public int saved() {
        return savedNew + savedChanged;
    }

    /** Page requests answered per second of wall time. */
    public double pagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? fetched / s : 0;
    }
}
