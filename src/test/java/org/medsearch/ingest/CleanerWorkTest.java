package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/**
 * The cleaner's work is bounded by the page, not by how its blocks nest or how long they are: counted, never
 * timed. The furniture pass reads each text once; only a long block that may be an 'Also called' line is read
 * again from the page.
 */
class CleanerWorkTest {
    private static final String LONG_PROSE = ("Gout is a kind of arthritis that causes sudden, severe pain in a joint,"
            + " most often the big toe, when uric acid crystals build up in it over the years. ").repeat(5);

    @Test
    void longParagraphsAreReadOnce() {
        String paragraphs = ("<div><p>" + LONG_PROSE + "</p></div>").repeat(20);
        FurnitureFilter filter = filter("<main><h1>Gout</h1>" + paragraphs + "</main>");

        assertEquals(0, filter.rereads());
        assertEquals(List.of(), filter.aliases());
    }

    @Test
    void longAliasLineIsStillReadWholeEvenWithInvisibleCharactersInItsLabel() {
        String names = "gouty arthritis; podagra; " + "uric acid disease number one; ".repeat(20) + "tophaceous gout";
        String page = "<main><h1>Gout</h1><p>Also  called:  " + names + "</p><p>Al&shy;so called: metabolic"
                + " arthritis; " + "crystal arthritis of the joints; ".repeat(15) + "hyperuricaemia</p><p>"
                + LONG_PROSE + "</p></main>";
        FurnitureFilter filter = filter(page);

        assertEquals(2, filter.rereads());
        List<String> aliases = filter.aliases();
        assertEquals("gouty arthritis", aliases.get(0));
        assertEquals("tophaceous gout", aliases.get(22));
        assertEquals("metabolic arthritis", aliases.get(23));
        assertEquals("hyperuricaemia", aliases.get(aliases.size() - 1));
    }

    @Test
    void wrappersAroundOneBlockReuseItsVerdictInsteadOfJudgingItsWordsAgain() {
        String kept = "<div>".repeat(10) + "<p>Gout often runs in families.</p>" + "</div>".repeat(10);
        String dropped = "<div>".repeat(10) + "<p>Print this page</p>" + "</div>".repeat(10);
        FurnitureFilter filter = filter("<main><p>" + LONG_PROSE + "</p>" + kept + dropped + "</main>");

        // Each short text once: its ten wrappers have the same text and counts (or none, once it went).
        assertEquals(2, filter.judgements());
        assertEquals(2, filter.stats().keySet().stream().filter(e -> e.normalName().equals("p")).count());
    }

    @Test
    void aHeadingRepeatedAcrossPagesIsMatchedAgainstTheRulesOnce() {
        // A heading no other test uses, so the count is this test's own.
        String heading = "What are the signs of Counted work syndrome?";
        long before = SectionKinds.headingsMatched();
        for (int page = 0; page < 50; page++) {
            assertEquals(SectionKind.SYMPTOMS, SectionKinds.fromHeading(heading, List.of("Counted work syndrome")));
        }
        // The same heading once its subject is cut out, on another article's page.
        assertEquals(SectionKind.SYMPTOMS, SectionKinds.fromHeading("What are the signs of  counted work disease?",
                List.of("counted work disease")));

        assertEquals(1, SectionKinds.headingsMatched() - before);
    }

    private static FurnitureFilter filter(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>");
        FurnitureFilter filter = new FurnitureFilter(false, null);
        NodeTraversor.filter(filter, doc.body());
        return filter;
    }
}
