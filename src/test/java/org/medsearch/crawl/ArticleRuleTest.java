package org.medsearch.crawl;

import org.junit.jupiter.api.Test;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SectionKind;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleRuleTest {
    private static Article article(String... sectionTexts) {
        List<Section> sections = new java.util.ArrayList<>();
        for (String t : sectionTexts) {
            sections.add(new Section("Heading", "h", SectionKind.OTHER, t));
        }
        return new Article("id", "Title", "http://x/", "x", List.of(), sections);
    }

    private static double linkShare(String html) {
        return HtmlPage.parse(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "UTF-8",
                URI.create("http://example.org/")).linkTextShare();
    }

    @Test
    void aOneSentenceAnswerIsAnArticle() {
        assertTrue(ArticleRule.isArticle(article("Alfalfa seems to prevent cholesterol absorption in the gut."), 0.0));
    }

    @Test
    void headingsWithoutTextAreNot() {
        assertFalse(ArticleRule.isArticle(article("Page not found", "", "Back to the home page"), 0.0));
    }

    @Test
    void aListOfLinksIsNotAnArticleHoweverLong() {
        String listing = "<h1>Health topics A-Z</h1><ul>"
                + "<li><a href=/a>Asthma in children and adults</a></li>".repeat(60) + "</ul>";
        double share = linkShare(listing);
        assertTrue(share > 0.9, "share " + share);
        assertFalse(ArticleRule.isArticle(article("Asthma in children and adults ".repeat(60)), share));
    }

    @Test
    void menusAndFootersFullOfLinksDoNotHideAnArticle() {
        String page = "<header><nav>" + "<a href=/x>Menu entry here</a>".repeat(40) + "</nav></header>"
                + "<main><h1>Leg cramps</h1><p>" + "Cramps are sudden painful muscle contractions. ".repeat(5)
                + "See <a href=/treat>treatment</a>.</p></main><footer>" + "<a href=/y>Legal</a>".repeat(30)
                + "</footer>";
        double share = linkShare(page);
        assertTrue(share < 0.1, "share " + share);
        assertTrue(ArticleRule.isArticle(article("Cramps are sudden painful muscle contractions. ".repeat(5)), share));
    }
}
