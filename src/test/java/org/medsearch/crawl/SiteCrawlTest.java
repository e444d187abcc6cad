package org.medsearch.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the crawler tests share: a fresh local site per test, a folder to crawl into, and a quiet crawl. */
abstract class SiteCrawlTest {
    @TempDir
    Path out;
    TestSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new TestSite();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    /** Crawls from the given start addresses with no progress output. */
    CrawlReport crawl(CrawlSettings s, String... urls) throws IOException {
        return new Crawler(s, CrawlProgress.NONE).run(List.of(urls));
    }
}
