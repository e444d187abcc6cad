package org.medsearch.crawl;

/** Hears how a crawl is going; the command prints it, tests ignore it. */
public interface CrawlProgress {
    /** Ignores everything. */
    CrawlProgress NONE = new CrawlProgress() {
        @Override
        public void progress(CrawlReport soFar) {
        }

        @Override
        public void problem(String url, String reason) {
        }
    };

    /** Called after every page with the counts so far ({@code queued} is the queue size). */
    void progress(CrawlReport soFar);

    /** A page failed or disappeared; the crawl goes on. */
    void problem(String url, String reason);
}
