package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Hand-written pages imitating sites the cleaner has never seen (src/test/resources/ingest): it must find
 * the article from structure and density, not from the MedQuAD layouts' class names.
 */
class UnseenSitesTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void mainLandmarkPageDropsCookieBannerAsideReviewDateAndFeedback() throws Exception {
        Article a = extract("main-with-cookie-banner");

        assertEquals("Zika virus", a.title());
        assertEquals("https://www.nhs.uk/conditions/zika/", a.url());
        assertEquals("NHS Choices", a.source(), "site name from the title suffix");
        assertEquals(List.of("Overview", "Symptoms of Zika", "How you get Zika", "Treatment for Zika"), headings(a));
        assertEquals(List.of("overview", "symptoms", "how-you-get-zika", "treatment-for-zika"), anchors(a));
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.SYMPTOMS, SectionKind.CAUSES, SectionKind.TREATMENT),
                kinds(a));
        assertEquals("Most people do not have any symptoms. If you do get symptoms, they usually last around 2 to 7"
                + " days and may include:\n\na rash\nitching all over the body\na high temperature\na headache",
                a.sections().get(1).text());
        assertEquals("There's no specific treatment for Zika. Drink plenty of fluids and rest.\n\nPregnant women\n\n"
                + "Speak to a midwife if you have travelled to an affected area.", a.sections().get(3).fullText());
        assertNoneOf(a, "cookies", "Skip to", "Health A-Z", "Home", "Page last reviewed", "Next review due",
                "Print this page", "Share on", "useful", "Related conditions", "Dengue", "Crown copyright", "analytics");
    }

    @Test
    void divSoupPageWithoutLandmarksIsFoundByTextDensity() throws Exception {
        Article a = extract("div-soup-no-landmarks");

        assertEquals("Shingles", a.title());
        assertEquals("HealthPages", a.source());
        assertEquals(List.of("Overview", "Causes", "Symptoms", "Treatment"), headings(a));
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.CAUSES, SectionKind.SYMPTOMS, SectionKind.TREATMENT),
                kinds(a));
        assertEquals("Antiviral medicine can help you recover faster if it is started within 3 days of the rash"
                + " appearing.\n\nRest helps.", a.sections().get(3).text(), "a short real paragraph stays");
        assertNoneOf(a, "Popular", "Measles", "Sponsored", "vitamins", "Print", "Email", "Related articles",
                "Postherpetic", "Newsletter", "Sign up", "All rights reserved", "Contact");
    }

    @Test
    void brokenUnclosedMarkupKeepsSectionsAndDropsFinePrintInsideAListItem() throws Exception {
        Article a = extract("broken-unclosed");

        assertEquals("Gout", a.title());
        assertEquals(List.of("what", "treat"), anchors(a));
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.TREATMENT), kinds(a));
        assertEquals("Gout is a form of arthritis that causes sudden, severe joint pain & swelling.\n\n"
                + "It usually affects the big toe", a.sections().get(0).text());
        assertEquals("Medicines can relieve an attack \u2014 the sooner they are taken, the better:\n\n"
                + "Anti-inflammatory drugs\nColchicine\nCorticosteroids", a.sections().get(1).text());
        assertNoneOf(a, "Print this page", "E-mail", "This content is provided", "last updated", "Home", "A-Z");
    }

    @Test
    void tableOfContentsAndTrailingRelatedLinksAreNotSectionsButAnswerListsAre() throws Exception {
        Article a = extract("toc-related-aliases");

        assertEquals("Cushing's syndrome", a.title());
        assertEquals("https://endo.example.org/wiki/cushings", a.url(), "og:url when there is no canonical link");
        assertEquals("Endocrine Wiki", a.source());
        assertEquals(List.of("hypercortisolism", "Cushing syndrome"), a.aliases());
        assertEquals(List.of("cause", "tests", "resources"), anchors(a), "anchor inside the heading, then ids");
        assertEquals(List.of(SectionKind.CAUSES, SectionKind.DIAGNOSIS, SectionKind.OTHER), kinds(a));
        assertEquals("Doctors measure cortisol in saliva, blood or urine.\n\nShort.", a.sections().get(1).text());
        assertEquals("These resources address the diagnosis or management of Cushing's syndrome:\n\n"
                + "Endocrine Society patient guide\nNIDDK fact sheet", a.sections().get(2).text());
        assertNoneOf(a, "Contents", "Back to top", "Related articles", "Addison", "Also known as");
    }

    @Test
    void threeColumnPageKeepsTheCentreAndDropsPromosBylinesAdsRatingsAndDisclaimers() throws Exception {
        Article a = extract("hospital-library-columns");

        assertEquals("Asthma in children", a.title());
        assertEquals("Riverside Hospital", a.source(), "og:site_name");
        assertEquals(List.of("Overview", "Signs and symptoms", "Why it happens", "Caring for your child"),
                headings(a));
        assertEquals(List.of("content", "signs", "why", "care"), anchors(a), "overview takes the container's id");
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.SYMPTOMS, SectionKind.CAUSES, SectionKind.TREATMENT),
                kinds(a));
        assertEquals("Most children control their asthma with a preventer inhaler taken every day and a reliever"
                + " inhaler for symptoms.", a.sections().get(3).fullText());
        assertNoneOf(a, "newsletter", "Skip to", "Find a doctor", "Allergies", "Written by", "Jump to",
                "Advertisement", "Reviewed", "Rate this", "Share", "Facebook", "not a substitute", "paediatrician",
                "Book", "Hay fever", "Privacy");
    }

    @Test
    void dropsFinePrintParagraphLeftInsideAnUnclosedListItem() throws Exception {
        byte[] page = ("<html><head><title>Anemia | Blood Info</title></head><body><table><tr><td>"
                + "<div id=content><a name=Sec1></a><h3>What is anemia?</h3><p>Too few red blood cells.</p>"
                + "<ul><li>Tiredness<li>Pale skin\n<p><font size=\"1\">This content is provided as a service of"
                + " Blood Info. Page last updated 5/2017.</font></p></div></td></tr></table></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        Article a = extractor.extractHtml("legacy/anemia", page, null, null);

        assertEquals("Anemia", a.title());
        assertEquals("Blood Info", a.source());
        assertEquals(List.of("Sec1"), anchors(a));
        assertEquals("Too few red blood cells.\n\nTiredness\nPale skin", a.sections().get(0).text());
    }

    @Test
    void splitsAtH1sWhenAPageHeadsEverySectionWithOne() throws Exception {
        byte[] page = ("<html><head><title>Flu</title></head><body><h1>Flu</h1><p>A viral infection.</p>"
                + "<h1>Symptoms</h1><p>Fever and aches.</p><h1>Treatment</h1><p>Rest.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        Article a = extractor.extractHtml("web/flu", page, null, "https://flu.example/");

        assertEquals(List.of("Overview", "Symptoms", "Treatment"), headings(a));
        assertEquals("A viral infection.", a.sections().get(0).text());
    }

    @Test
    void logoHeadingIsNotTheTitle() throws Exception {
        byte[] page = ("<html><head><title>Croup | KidsHealth</title></head><body><header><h1><a href=\"/\">"
                + "KidsHealth</a></h1></header><main><p>Croup is an infection of the voice box.</p>"
                + "<h2>Symptoms</h2><p>A barking cough.</p></main></body></html>").getBytes(StandardCharsets.UTF_8);

        Article a = extractor.extractHtml("web/croup", page, null, "https://kidshealth.example/croup");

        assertEquals("Croup", a.title());
        assertEquals("KidsHealth", a.source());
    }

    @Test
    void crawledPageFallsBackToItsUrlForUrlAndSource() throws Exception {
        byte[] page = ("<html><head><title>Measles</title></head><body><h1>Measles</h1>"
                + "<p>Measles is a highly contagious viral disease.</p><h2>Prevention</h2>"
                + "<p>The MMR vaccine prevents measles.</p></body></html>").getBytes(StandardCharsets.UTF_8);

        Article a = extractor.extractHtml("web/measles", page, "utf-8", "https://health.example.com/measles");

        assertEquals("https://health.example.com/measles", a.url());
        assertEquals("health.example.com", a.source());
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.PREVENTION), kinds(a));
    }

    private Article extract(String name) throws SkippedFileException, URISyntaxException {
        Path dir = Path.of(UnseenSitesTest.class.getResource("/ingest/" + name + ".html").toURI()).getParent();
        assertTrue(Files.isDirectory(dir));
        return extractor.extract(dir, dir.resolve(name + ".html"));
    }

    private static void assertNoneOf(Article a, String... furniture) {
        StringBuilder all = new StringBuilder(a.title());
        a.aliases().forEach(x -> all.append('\n').append(x));
        for (Section s : a.units()) {
            all.append('\n').append(s.heading()).append('\n').append(s.text());
        }
        for (String f : furniture) {
            assertFalse(all.toString().contains(f), "furniture '" + f + "' in:\n" + all);
        }
    }

    private static List<String> headings(Article a) {
        return a.units().stream().map(Section::heading).toList();
    }

    private static List<String> anchors(Article a) {
        return a.units().stream().map(Section::anchor).toList();
    }

    private static List<SectionKind> kinds(Article a) {
        return a.units().stream().map(Section::kind).toList();
    }
}
