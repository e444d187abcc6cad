package org.medsearch.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.CliRunner.Run;

import java.nio.file.Path;

import static org.medsearch.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 'done when': crawl a local site, reindex the folder, and search finds the pages by their URLs. */
class CrawlCommandTest {
    @TempDir
    Path dir;

    @Test
    void crawledPagesAreIndexedAndFoundWithTheirOriginalUrls() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", TestSite.listing("Conditions", "/conditions/asthma.html", "/conditions/gout.html"));
            site.page("/conditions/asthma.html", TestSite.article("Asthma", "Asthma narrows the airways of the "
                    + "lungs and causes wheezing, coughing and shortness of breath.", "An inhaler with a reliever "
                    + "medicine opens the airways within minutes during an attack."));
            site.page("/conditions/gout.html", TestSite.article("Gout", "Gout is a painful swelling of the joints "
                    + "caused by crystals of uric acid that build up in the blood."));
            String corpus = dir.resolve("corpus").toString();

            Run crawl = run("crawl", "--out", corpus, "--delay-ms", "0", site.base() + "/");
            assertEquals(0, crawl.code(), crawl.err());
            assertTrue(crawl.out().contains("saved (new)        2"), crawl.out());
            assertTrue(crawl.out().contains("not articles       1"), crawl.out());

            String index = dir.resolve("index").toString();
            Run reindex = run("reindex", "--corpus", corpus, "--index", index);
            assertEquals(0, reindex.code(), reindex.err());
            assertTrue(reindex.out().contains("articles indexed  2"), reindex.out());

            Run search = run("search", "--index", index, "--json", "wheezing");
            assertEquals(0, search.code(), search.err());
            assertTrue(search.out().contains("\"url\":\"" + site.base() + "/conditions/asthma.html\""), search.out());
        }
    }

    @Test
    void aStartUrlThatIsNotHttpIsAOneLineError() {
        Run crawl = run("crawl", "--out", dir.toString(), "ftp://example.org/");
        assertEquals(1, crawl.code());
        assertEquals("medsearch: not an http(s) URL: ftp://example.org/", crawl.err().strip());
    }
}
