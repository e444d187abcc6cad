package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Site names come off page titles whichever separator and side the site uses. */
class TitleExtractorTest {

    @Test
    void dropsSiteNameMatchingTheHost() {
        TitleExtractor.TitleParts p = TitleExtractor.split("Zika virus - NHS Choices", null, "www.nhs.uk", s -> false);
        assertEquals("Zika virus", p.title());
        assertEquals("NHS Choices", p.site());
    }

    @Test
    void dropsSiteNameAtTheStartWhenItMatchesTheHost() {
        TitleExtractor.TitleParts p = TitleExtractor.split("NHS | Zika virus", null, "www.nhs.uk", s -> false);
        assertEquals("Zika virus", p.title());
    }

    @Test
    void splitsOnTheStrongestSeparatorSoADashInTheTitleSurvives() {
        TitleExtractor.TitleParts p = TitleExtractor.split(
                "Acanthamoeba - Granulomatous Amebic Encephalitis (GAE); Keratitis | Centers for Disease Control",
                null, "www.cdc.gov", s -> false);
        assertEquals("Acanthamoeba - Granulomatous Amebic Encephalitis (GAE); Keratitis", p.title());
        assertEquals("Centers for Disease Control", p.site());
    }

    @Test
    void keepsThePartShownOnThePage() {
        TitleExtractor.TitleParts p = TitleExtractor.split("Health Library \u2013 Gout", null, null,
                s -> s.equals("Gout"));
        assertEquals("Gout", p.title());
        assertEquals("Health Library", p.site());
    }

    @Test
    void usesTheStatedSiteName() {
        TitleExtractor.TitleParts p = TitleExtractor.split("Gout \u2014 Arthritis Info", "Arthritis Info", null,
                s -> false);
        assertEquals("Gout", p.title());
    }

    @Test
    void findsTheSitePartOnceTheTitleIsKnown() {
        assertEquals("Genetics Home Reference",
                TitleExtractor.siteOf("polycystic kidney disease | Genetics Home Reference", "polycystic kidney disease"));
        assertNull(TitleExtractor.siteOf("Gout", "Gout"));
    }
}
