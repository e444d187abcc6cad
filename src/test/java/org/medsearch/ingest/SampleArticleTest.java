package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The user's sample article, as a web page and as plain text, must give the same four sections. */
class SampleArticleTest {
    private static final List<String> HEADINGS = List.of("Introduction", "Cause", "Examine", "Diagnosis");
    private static final List<SectionKind> KINDS = List.of(SectionKind.OVERVIEW, SectionKind.CAUSES,
            SectionKind.EXAMINATION, SectionKind.DIAGNOSIS);
    private static final List<String> FURNITURE = List.of("Contents", "Was this article helpful", "Facebook",
            "Twitter", "Related diseases", "Popular symptoms", "rickets", "Home", "Pediatrics",
            "not intended to constitute medical advice", "Yes", "Search diseases", "_gaq");

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void splitsSamplePageIntoItsFourSectionsWithoutFurniture() throws Exception {
        Article a = extract("leg-cramps-in-children.html");

        assertEquals("leg cramps in children", a.title());
        assertEquals("https://health-encyclopedia.example/disease/leg-cramps-in-children/", a.url());
        assertEquals("Health Encyclopedia", a.source());
        assertEquals(HEADINGS, a.sections().stream().map(Section::heading).toList());
        assertEquals(List.of("introduction", "cause", "examine", "diagnosis"),
                a.sections().stream().map(Section::anchor).toList());
        assertEquals(KINDS, a.sections().stream().map(Section::kind).toList());
        assertNoFurniture(a);
    }

    @Test
    void keepsSubHeadingsAsSubSectionsOfTheirSection() throws Exception {
        Article a = extract("leg-cramps-in-children.html");

        Section examine = a.sections().get(2);
        assertEquals("", examine.text(), "own text ends at the first sub-section");
        assertEquals(List.of("an examination"), examine.subsections().stream().map(Section::heading).toList());
        Section examination = examine.subsections().get(0);
        assertEquals("Related inspection", examination.subsections().get(0).heading());
        assertEquals("an examination\n\nRelated inspection\n\nSerum osteocalcin (BGP)\n\n"
                + "Unilateral leg or both legs with muscle spasms.", examine.fullText());
        Section diagnosis = a.sections().get(3);
        assertEquals("differential-diagnosis", diagnosis.subsections().get(0).anchor());
        assertTrue(diagnosis.fullText().startsWith("Differential diagnosis\n\nCramps are muscle spasms."));
        assertTrue(diagnosis.fullText().contains("\n\nCause\n\nHigh fever, epilepsy"), diagnosis.fullText());
        assertTrue(a.sections().get(0).fullText().contains("children's legs"), "entities decoded");
        assertEquals(HEADINGS, a.units().stream().map(Section::heading).toList(), "the four sections are the units");
    }

    @Test
    void splitsSampleTextIntoTheSameSectionsAndDropsTrailingFurniture() throws Exception {
        Article a = extract("leg-cramps-in-children.txt");

        assertEquals("leg cramps in children", a.title());
        assertEquals(HEADINGS, a.sections().stream().map(Section::heading).toList());
        assertEquals(KINDS, a.sections().stream().map(Section::kind).toList());
        assertEquals(List.of("introduction", "cause", "examine", "diagnosis"),
                a.sections().stream().map(Section::anchor).toList());
        assertTrue(a.sections().get(1).text().startsWith("Cause\n\n1. Cold stimulation"));
        assertTrue(a.sections().get(2).text().contains("Related inspection"));
        assertTrue(a.sections().get(3).text().startsWith("Differential diagnosis"));
        assertTrue(a.sections().get(3).text().contains("Cause\n\nHigh fever"));
        assertNoFurniture(a);
    }

    @Test
    void pageAndTextGiveTheSameSectionText() throws Exception {
        Article page = extract("leg-cramps-in-children.html");
        Article text = extract("leg-cramps-in-children.txt");

        for (int i = 0; i < HEADINGS.size(); i++) {
            String fromPage = page.sections().get(i).fullText().replaceAll("\\s+", " ");
            String fromText = text.sections().get(i).text().replaceAll("\\s+", " ");
            assertEquals(fromPage, fromText, HEADINGS.get(i));
        }
    }

    private Article extract(String name) throws SkippedFileException {
        Path samples = SharedData.require(SharedData.SAMPLES);
        return extractor.extract(samples, samples.resolve(name));
    }

    private static void assertNoFurniture(Article a) {
        for (Section s : a.units()) {
            for (String f : FURNITURE) {
                assertFalse(s.text().contains(f), s.heading() + " contains '" + f + "'");
            }
        }
    }
}
