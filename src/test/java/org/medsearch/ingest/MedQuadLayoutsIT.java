package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One page of each of the four MedQuAD layouts, checked in detail. */
class MedQuadLayoutsIT {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    @Test
    void semanticLayoutGivesSectionsByIdAndAliasesFromAlsoCalled() throws Exception {
        Article a = extract("GHR/GHR_0000804");

        assertEquals(List.of("GHR/GHR_0000804", "polycystic kidney disease",
                "https://ghr.nlm.nih.gov/condition/polycystic-kidney-disease", "Genetics Home Reference"),
                List.of(a.id(), a.title(), a.url(), a.source()));
        assertEquals(List.of("PKD", "polycystic renal disease"), a.aliases());
        assertEquals(List.of("Sec1", "Sec2", "Sec3", "Sec4", "Sec5"), anchors(a));
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.OVERVIEW, SectionKind.GENETICS,
                SectionKind.GENETICS, SectionKind.TREATMENT), kinds(a));
        assertFalse(text(a).contains("Also called"));
    }

    @Test
    void legacyTableLayoutTakesTitleFromPageTitleAndAnchorsFromANames() throws Exception {
        Article a = extract("NIDDK/NIDDK_0000044");

        assertEquals("Insulin Resistance and Prediabetes", a.title());
        assertEquals("National Institute of Diabetes and Digestive and Kidney Diseases", a.source());
        assertEquals(List.of("Sec1", "Sec2", "Sec4", "Sec6", "Sec8", "Sec11", "Sec12", "Sec16", "Sec17"), anchors(a));
        assertEquals("What causes Insulin Resistance and Prediabetes ?", a.sections().get(2).heading());
        assertEquals(SectionKind.CAUSES, a.sections().get(2).kind());
        String last = a.sections().get(8).text();
        assertTrue(last.endsWith("women who have had gestational diabetes."), last);
        assertNoneOf(a, "Print this page", "E-mail this page", "This content is provided", "Quick Links", "FOIA", "Contact Us");
    }

    @Test
    void blogLayoutDropsMetaShareFeedbackAndSidebar() throws Exception {
        Article a = extract("NINDS/NINDS_0000107");

        assertEquals("Schilder's Disease", a.title());
        assertEquals(List.of("Sec1", "Sec2", "Sec3", "Sec4"), anchors(a));
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.TREATMENT, SectionKind.OUTLOOK, SectionKind.OTHER),
                kinds(a));
        assertTrue(a.sections().get(3).text().endsWith("finding ways to prevent, treat, and cure them."));
        assertNoneOf(a, "Posted in", "Share on", "Tweet", "helpful", "Popular Articles", "Newsletter", "Sign up",
                "general informational use");
    }

    @Test
    void questionAnswerLayoutDropsTableOfContentsAndBackToTop() throws Exception {
        Article a = extract("NIHSeniorHealth/NIHSeniorHealth_0000017");

        assertEquals("Dry Eye", a.title());
        assertEquals(List.of("Sec1", "Sec2", "Sec3", "Sec4", "Sec7", "Sec9", "Sec10", "Sec11", "Sec12", "Sec14",
                "Sec15", "Sec18", "Sec22"), anchors(a));
        assertEquals("What causes Dry Eye ?", a.sections().get(1).heading());
        assertEquals(SectionKind.DIAGNOSIS, a.sections().get(10).kind());
        assertTrue(a.sections().get(12).text().startsWith("National Eye Institute\n\nNational Institutes of Health"));
        assertNoneOf(a, "On this page", "Back to top", "See also", "Skip to main content", "Reviewed by", "High contrast");
    }

    @Test
    void keepsListItemsAsLinesAndSummaryPrefixAsWritten() throws Exception {
        Article a = extract("MPlusHealthTopics/MPlusHealthTopics_0000584");

        assertEquals(1, a.sections().size());
        String text = a.sections().get(0).text();
        assertTrue(text.startsWith("Summary : A mastectomy is surgery"), text);
        assertTrue(text.contains("\n\nTotal (simple) mastectomy - removal of breast tissue and nipple\n"
                + "Modified radical mastectomy"), text);
        assertFalse(text.contains("Review Date"));
    }

    private Article extract(String id) throws SkippedFileException {
        Path corpus = SharedData.require(SharedData.MEDQUAD);
        return EXTRACTOR.extract(corpus, corpus.resolve(id + ".html"));
    }

    /** The article's title, headings and text contain none of the furniture strings. */
    private static void assertNoneOf(Article a, String... furniture) {
        String text = text(a);
        for (String f : furniture) {
            assertFalse(text.contains(f), f);
        }
    }

    private static List<String> anchors(Article a) {
        return a.sections().stream().map(Section::anchor).toList();
    }

    private static List<SectionKind> kinds(Article a) {
        return a.sections().stream().map(Section::kind).toList();
    }

    private static String text(Article a) {
        StringBuilder sb = new StringBuilder(a.title());
        for (Section s : a.sections()) {
            sb.append('\n').append(s.heading()).append('\n').append(s.text());
        }
        return sb.toString();
    }
}
