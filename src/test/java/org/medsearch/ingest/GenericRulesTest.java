package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small inline page per generic cleaning rule: what it drops, and what it must leave alone. */
class GenericRulesTest {
    private static final String PROSE = "Gout is a kind of arthritis that causes sudden, severe pain in a joint, most"
            + " often the big toe, when uric acid crystals build up in it over the years.";
    private static final String MORE = "Treatment eases the pain within days, and changes in diet and medicines that"
            + " lower uric acid stop new attacks from coming back.";

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void commentThreadNamedByItsClassGoesEvenWhenLongerThanThePost() throws Exception {
        String comments = ("<div class=comment><p>" + PROSE + " I had this too and it was awful, thanks.</p></div>")
                .repeat(6);
        Article a = page("<div class=post><h1>Gout</h1><p>" + PROSE + "</p></div>"
                + "<section id=comments class=comments-area>" + comments + "</section>");

        assertEquals(PROSE, text(a));
    }

    @Test
    void commentsCaptionTakesTheCommentsUpToTheNextSection() throws Exception {
        Article a = page("<div><h1>Gout</h1><p>" + PROSE + "</p><h2>3 Comments</h2><p>" + MORE + " (a reader)</p>"
                + "<p>Me too, thanks!</p><h2>Outlook</h2><p>" + MORE + "</p></div>");

        assertEquals(List.of("Gout", "Outlook"), headings(a));
        assertFalse(text(a).contains("a reader"), text(a));
    }

    @Test
    void headingLinkingBackToTheContentsAndToItselfIsStillASection() throws Exception {
        Article a = page("<div><h1>Gout</h1><p>" + PROSE + "</p><h2 id=t><a href=#toc1>Treatment</a>"
                + "<a class=headerlink href=#t>\u00b6</a></h2><p>" + MORE + "</p></div>");

        assertEquals(List.of("Gout", "Treatment\u00b6"), headings(a));
        assertEquals("t", a.sections().get(1).anchor());
    }

    @Test
    void dateTimeAndCreditLinesGoButTablesAndLabTestsStay() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>23.10.2018</p><p>4 min read</p><p>" + PROSE + "</p>"
                + "<p>Foto: Max Muster / dpa</p><p>Alpha-fetoprotein (AFP).</p>"
                + "<table><tr><td>8:00 am</td><td>oatmeal</td></tr></table></article>");

        assertEquals(PROSE + "\n\nAlpha-fetoprotein (AFP).\n\n8:00 am | oatmeal", text(a));
    }

    @Test
    void linkListInsideTheArticleGoesWithItsCaption() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><h2>Partner sites</h2><ul>"
                + "<li><a href=/1>One site</a></li><li><a href=/2>Two site</a></li><li><a href=/3>Three site</a></li>"
                + "</ul><h2>Treatment</h2><p>" + MORE + "</p></article>");

        assertEquals(List.of("Gout", "Treatment"), headings(a));
    }

    @Test
    void articleInsideAnAsideIsFoundOnTheSecondTry() throws Exception {
        Article a = page("<aside><h1>Gout</h1><p>" + PROSE + "</p></aside>");

        assertEquals(PROSE, text(a));
    }

    @Test
    void headlineHeadsTheOpeningTextAndALaterH1IsASection() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><h1>Treatment</h1><p>" + MORE + "</p>"
                + "<div role=heading aria-level=2>Outlook</div><p>Good.</p></article>");

        assertEquals(List.of("Gout", "Treatment"), headings(a));
        assertEquals("Outlook", a.sections().get(1).subsections().get(0).heading(), "aria-level 2 under an h1");
        assertEquals(List.of("Overview", "Treatment"),
                a.units().stream().map(Section::heading).toList(), "the opening text is the overview unit");
    }

    @Test
    void anUmbrellaSectionThatHoldsTheWholePageIsSearchedAsItsDivisions() throws Exception {
        Article a = page("<article><h1>Gout</h1><h2 id=intro>Introduction</h2><h3 id=cause>Causes</h3><p>" + PROSE
                + "</p><h3 id=treat>Treatment</h3><p>" + MORE + "</p></article>");

        assertEquals(List.of("Introduction"), headings(a));
        assertEquals(List.of("cause", "treat"), a.units().stream().map(Section::anchor).toList());
        assertEquals(List.of(SectionKind.CAUSES, SectionKind.TREATMENT),
                a.units().stream().map(Section::kind).toList());
    }

    @Test
    void headingSlugsUsedAsIdsAreNotReadAsClassHints() throws Exception {
        Article a = page("<article><h1>Gout</h1><div id=sharing-the-news-with-your-family><h2>Telling family</h2>"
                + "<p>" + PROSE + "</p></div></article>");

        assertEquals(List.of("Telling family"), headings(a));
    }

    @Test
    void bulletsWrittenAsParagraphsOfTheirOwnBecomeTheMarkersOfTheirItems() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + " Symptoms can include</p><p>-</p><p>Pain</p>"
                + "<p>-</p><p>Swollen joints</p><p>\u2022</p><p>Fever</p><p>" + MORE + "</p><p>-</p>"
                + "<h2>Outlook</h2><p>Good.</p></article>");

        assertEquals(PROSE + " Symptoms can include\n\n- Pain\n- Swollen joints\n\u2022 Fever\n\n" + MORE
                + "\n\nGood.", text(a));
    }

    @Test
    void aLoneAsteriskCodeAndTableCellsAreNotBullets() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><p>*</p><p>" + MORE + "</p>"
                + "<pre>a\n-\nb</pre><table><tr><td>-</td></tr><tr><td>none</td></tr></table></article>");

        assertEquals(PROSE + "\n\n*\n\n" + MORE + "\n\na\n\n-\n\nb\n\n-\nnone", text(a));
    }

    private static final String CARD = "<div class=c><h3><a href=/story%d>Another story number %d</a></h3><p>A short teaser.</p></div>";

    /** Pages whose furniture goes and whose article is left whole: the two paragraphs of prose. */
    static Stream<Arguments> pagesLeavingTheProse() {
        return Stream.of(
                Arguments.of("wrapperNamedAfterItsSidebarIsKeptWhenItHoldsTheArticle",
                        "<div class=layout-sidebar><div><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p></div>"
                        + "<div class=widget><p>Sign up for our weekly health letter today.</p></div></div>"),
                Arguments.of("hiddenAndOffScreenTextGoesButResponsiveClassesStay",
                        "<article><h1>Gout</h1><p>" + PROSE + "<span class=sr-only>Opens in a new window</span></p>"
                        + "<p style=\"position:absolute; left:-9999px\">Tracking pixel text</p>"
                        + "<p class=hidden-xs>" + MORE + "</p></article>"),
                Arguments.of("relatedArticlesCaptionGoesWithItsTeasersButNotWithTheStoryAfterIt",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p>"
                        + "<h3>Mehr zum Thema</h3><ul><li><a href=/a>Arthritis in the hands</a></li>"
                        + "<li><a href=/b>Diet and uric acid</a></li></ul><p>" + MORE + "</p></article>"),
                Arguments.of("teaserCardsOfLinkedHeadlinesGo",
                        "<main><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p><div class=grid>"
                        + CARD.formatted(1, 1) + CARD.formatted(2, 2) + CARD.formatted(3, 3) + "</div></main>"),
                Arguments.of("serverErrorsEnlargeHintsLicenceLinesAndShopWidgetsGo",
                        "<article><h1>Gout</h1><p>Warning: Creating default object from empty value in"
                        + " /var/www/theme/functions.php on line 32</p><p>" + PROSE + "</p><p>Click to enlarge</p>"
                        + "<p>This work is licensed under a Creative Commons Attribution 4.0 License.</p>"
                        + "<p>Artikel bewerten</p><p>Ihr Warenkorb ist leer.</p><p>" + MORE + "</p></article>"),
                Arguments.of("creditsInBracketsGermanLastChangedAndLicenceLinesGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p><em>(Credit: A. Person / Grist)</em></p>"
                        + "<p>Letzte \u00c4nderung 14.02.2019</p><p>Dieser Text wurde ver\u00f6ffentlicht unter der"
                        + " Lizenz CC-BY-NC-ND-4.0-DE.</p><p>" + MORE + "</p></article>"),
                Arguments.of("disclosuresReviewStampsAppealsAndMembershipLinesGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p>We recommend the best products through an"
                        + " independent review process. We may receive compensation if you visit partners.</p>"
                        + "<p>This post may contain affiliate links. If you purchase something through the link, I may"
                        + " receive a small commission at no extra charge to you.</p>"
                        + "<p>Dieser Text wurde von Medizinern gepr\u00fcft.</p><p>We need your help. Help us"
                        + " continue our work. Donate</p><p>Werden Sie Mitglied und erhalten Sie Angebote!</p>"
                        + "<p>Bitte halten Sie sich an unsere Netiquette.</p><p>" + MORE + "</p></article>"),
                Arguments.of("contactBoxesAndContactLinesGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><div class=contactbox><p>Kathrin Muster</p>"
                        + "<p>Pressesprecherin</p></div><p>Felix Muster E-Mail: f@example.org Telefon: +49 40 300"
                        + "</p><p>" + MORE + "</p></article>"),
                Arguments.of("captionedRelatedLinkLineGoes",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p><strong>\u00c0 lire aussi \u00bb</strong>"
                        + " <a href=/b>Ballonnements : quel est votre profil digestif ?</a></p><p>Lesen Sie auch:"
                        + " <a href=/c>Rheuma bei Kindern</a></p><p>" + MORE + "</p></article>"),
                Arguments.of("timeStampOnItsOwnGoes",
                        "<article><h1>Gout</h1><div><time datetime=2019-05-15>15. Mai 2019, 05:28 Uhr</time></div>"
                        + "<p>" + PROSE + "</p><p>" + MORE + "</p></article>"),
                Arguments.of("galleriesGoEvenWhenTheyOutweighTheArticle",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><div class=photo-gallery><ul>"
                        + ("<li><h3>A photo</h3><p>" + PROSE + "</p></li>").repeat(4) + "</ul></div><p>" + MORE
                        + "</p></article>"),
                Arguments.of("mediaPlayersAndNumberedPromoNamesGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><div class=video-player><span>Quality Auto HD"
                        + " Closed Captions Settings</span></div><div class=vc_cta3><p>Book our seminar on joints"
                        + " today.</p></div><p>" + MORE + "</p></article>"),
                Arguments.of("teaserCardsWithAKickerBeforeTheLinkedHeadlineGo",
                        "<main><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p><div class=group>"
                        + ("<div class=s><h4><strong>Editorial</strong> <a href=/s>Another story about joints</a>"
                        + "</h4><p>A short teaser.</p></div>")
                        + ("<div class=s><h4><strong>Opinion</strong> <a href=/t>Yet another story</a></h4>"
                        + "<p>A short teaser.</p></div>").repeat(2) + "</div></main>"),
                Arguments.of("aRelatedPostInsideTheStoryGoesThoughItsNameEndsInPost",
                        "<article class=post><h1>Gout</h1><div class=entry-content><p>" + PROSE + "</p>"
                        + "<div class=promote-related-post><h3>Doubts about the war creep in</h3><p>Inside the"
                        + " White House, officials begin to question the war and what it costs.</p></div><p>" + MORE
                        + "</p></div></article>"),
                Arguments.of("captionsThatSayClickToEnlargeGoWithTheirViewerButALensToEnlargeTextStays",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><figure><img src=a.png><figcaption>The firms"
                        + " behind the letters. Zum Vergr\u00f6\u00dfern auf das Bild klicken. CC-BY-SA 2.0"
                        + "</figcaption></figure><div><a href=/big.png>Vergr\u00f6\u00dfern</a></div>"
                        + "<p>Joints, in close-up (click to enlarge)</p><p>" + MORE + "</p></article>"),
                Arguments.of("newsletterAndAppPromotionsInTheStoryGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p>Then sign up for our email newsletter to get"
                        + " the latest updates.</p><p>Get the latest news straight to your phone with the Health"
                        + " Site app.</p><p>Abonnieren Sie unseren Newsletter.</p><p>" + MORE + "</p></article>"),
                Arguments.of("spanishAndPortugueseRelatedLinkCaptionsGoWithTheirLinks",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><h3>MIRA: <a href=/m>Madre se acerca y termina"
                        + " detenida</a></h3><p>Lee tambi\u00e9n: <a href=/l>La gota en invierno</a></p><p>Veja"
                        + " tamb\u00e9m \u00bb <a href=/v>Gota e dieta</a></p><p>" + MORE + "</p></article>"),
                Arguments.of("metadataLineWithTwoLabelsGoes",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p>News date : 04/21/2022 Category : Press"
                        + " Releases</p><p>" + MORE + "</p></article>"),
                Arguments.of("blogThemesPostedAndFiledUnderLinesGoEvenWhenLong",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p><p>This entry was posted on"
                        + " Tuesday, May 6th, 2014 at 11:30 pm and is filed under Health, Joints, Diet, Tutorials."
                        + " You can follow any responses to this entry through the RSS 2.0 feed. Both comments and"
                        + " pings are currently closed.</p><p>Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt"
                        + " unter Gesundheit, Gelenke, Tutorials. Kommentare zu diesen Eintrag im RSS 2.0 Feed."
                        + " Kommentare und Pings sind derzeit nicht erlaubt.</p></article>"),
                Arguments.of("serverErrorsPrintedBetweenLineBreaksOfTheArticleGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "<br><b>Strict Standards</b>: Only variables should"
                        + " be passed by reference in <b>/www/htdocs/wp-includes/post.php</b> on line <b>19</b><br>"
                        + MORE + "</p></article>"),
                Arguments.of("germanActionButtonsGo",
                        "<article><h1>Gout</h1><p>" + PROSE + "</p><div><span>Tipp favorisieren</span></div>"
                        + "<div><span>Tipp melden</span></div><p>Artikel teilen</p><p>" + MORE + "</p></article>"),
                Arguments.of("elementWithTheIdSidebarGoesEvenWhenItOutweighsThePost",
                        "<div id=wrap><div class=post><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p></div>"
                        + "<div id=sidebar><h3>Disclaimer</h3>" + ("<p>" + PROSE + "</p>").repeat(3)
                        + "</div></div>"));
    }

    @Test
    void readMoreAboutInASentenceIsNotACaptionedLinkLine() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p><p>Read more about"
                + " <a href=/t>gout treatment</a>.</p></article>");

        assertEquals(PROSE + "\n\n" + MORE + "\n\nRead more about gout treatment.", text(a));
    }

    @Test
    void enlargingInASentenceIsNoViewerHint() throws Exception {
        String line = "Vergr\u00f6\u00dfern Sie die Schrift, oder nehmen Sie eine Lupe zum Vergr\u00f6\u00dfern.";
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><p>" + line + "</p></article>");

        assertEquals(PROSE + "\n\n" + line, text(a));
    }

    @Test
    void keepReadingAndAllerPlusLoinCaptionTheirTeasersAndTheStoryGoesOn() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><h2>Keep Reading</h2><div role=heading"
                + " aria-level=5>The latest on <a href=/ai>arthritis</a>, from diets to drugs</div><p>" + MORE
                + "</p><h2>Aller plus loin</h2><p><a href=/e>Enqu\u00eates sur la goutte</a>, Congr\u00e8s 2009.</p>"
                + "</article>");

        assertEquals(List.of("Gout"), headings(a));
        assertEquals(PROSE + "\n\n" + MORE, text(a));
    }

    @Test
    void howToCommentCaptionTakesItsInstructionsUpToTheNextSection() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><h2>So k\u00f6nnen Sie kommentieren:</h2>"
                + "<p>Bitte registrieren Sie sich und halten Sie sich an unsere Regeln.</p><p>Haben Sie Probleme"
                + " beim Kommentieren oder Registrieren? Dann mailen Sie uns bitte an kommune@example.org, wir"
                + " helfen Ihnen gern weiter und antworten schnell.</p><h2>Outlook</h2><p>" + MORE + "</p>"
                + "</article>");

        assertEquals(List.of("Gout", "Outlook"), headings(a));
        assertEquals(PROSE + "\n\n" + MORE, text(a));
    }

    @Test
    void pageWrapperOfMenusWithTwoSkipLinksIsNoTableOfContents() throws Exception {
        StringBuilder menu = new StringBuilder("<ul>");
        for (int i = 0; i < 60; i++) {
            menu.append("<li><a href=/topic").append(i).append(">Health topic number ").append(i).append("</a></li>");
        }
        menu.append("</ul>");
        Article a = page("<div id=wrapper>Springe direkt zu: <a href=#content>Inhalt</a> <a href=#menu>Men\u00fc</a>"
                + menu + "<div id=content><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p></div></div>");

        assertEquals(PROSE + "\n\n" + MORE, text(a));
    }

    @Test
    void nextArticleAndMoreFromTheMagazineCaptionOtherContent() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><h2>Vorschau auf den n\u00e4chsten Artikel</h2>"
                + "<p>" + MORE + "</p><h2>Weitere Beitr\u00e4ge aus dem Gesundheitsmagazin</h2><ul><li><a href=/a>"
                + "Rheuma bei Kindern</a></li><li><a href=/b>Gicht und Bier</a></li></ul></article>");

        assertEquals(List.of("Gout"), headings(a));
        assertEquals(PROSE + "\n\n" + MORE, text(a));
    }

    @Test
    void leadBesideTheBodyAfterTheHeadlineOpensTheArticleButAPictureBoxDoesNot() throws Exception {
        String lead = "Gout flares up more often in winter, a new study of ten thousand patients finds.";
        String body = ("<p>" + PROSE + "</p><p>" + MORE + "</p>").repeat(3);
        Article a = page("<div class=news><div class=header><h1>Gout</h1></div><div class=teaser-text>" + lead
                + "</div><div class=image><img src=a.jpg><p>A swollen big toe, seen from above in a clinic.</p></div>"
                + "<div class=news-text>" + body + "</div></div>");

        assertEquals(lead + "\n\n" + PROSE, text(a).substring(0, lead.length() + 2 + PROSE.length()));
        assertFalse(text(a).contains("swollen big toe"), text(a));
    }

    @Test
    void explainNamesTheLeadItMovedIntoTheArticle(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String lead = "Gout flares up more often in winter, a new study of ten thousand patients finds.";
        java.nio.file.Path file = dir.resolve("gout.html");
        java.nio.file.Files.writeString(file, "<html><body><div class=news><div class=header><h1>Gout</h1></div>"
                + "<div class=teaser-text>" + lead + "</div><div class=news-text>"
                + ("<p>" + PROSE + "</p><p>" + MORE + "</p>").repeat(3) + "</div></div></body></html>");
        Explainer explainer = new Explainer();
        extractor.extract(dir, file, explainer);

        assertTrue(explainer.entries().stream().anyMatch(e -> e.kept() && e.stage().equals("article block")
                        && e.text().startsWith("Gout flares up") && e.reason().contains("lead")),
                explainer.entries().toString());
    }

    @Test
    void leadOneBoxBelowTheHeadlinesBoxAlsoOpensTheArticle() throws Exception {
        String lead = "Gout flares up more often in winter, a new study of ten thousand patients finds.";
        String body = ("<p>" + PROSE + "</p><p>" + MORE + "</p>").repeat(3);
        Article a = page("<div class=top><h1>Gout</h1></div><div class=main><p class=intro>" + lead + "</p>"
                + "<div class=text>" + body + "</div></div>");

        assertEquals(lead + "\n\n" + PROSE, text(a).substring(0, lead.length() + 2 + PROSE.length()));
    }

    @Test
    void dateInsideASentenceStays() throws Exception {
        Article a = page("<article><h1>Gout</h1><p>" + PROSE + "</p><p>" + MORE + "</p><p>On <time>May 5,"
                + " 2019</time> the study ended.</p></article>");

        assertEquals(PROSE + "\n\n" + MORE + "\n\nOn May 5, 2019 the study ended.", text(a));
    }

    @Test
    void pageHeaderThatHoldsTheArticleStaysAndALogoHeaderGoes() throws Exception {
        String prose = ("<p>" + PROSE + "</p><p>" + MORE + "</p>").repeat(4);
        Article a = page("<header><a href=/>Health Site</a><p>Your guide to health</p></header>"
                + "<header><h1>Gout</h1>" + prose + "</header>");

        assertEquals(PROSE, a.sections().get(0).text().substring(0, PROSE.length()));
        assertFalse(text(a).contains("Your guide to health"), text(a));
    }

    @Test
    void articleRenderedByScriptIsReadFromItsNoscriptWhenTheBlockFoundIsTiny() throws Exception {
        Article a = page("<div><h1>Security Blog</h1><p>News from the team.</p><noscript><div><p>" + PROSE
                + "</p><p>" + MORE + "</p></div></noscript></div>");

        assertEquals(PROSE + "\n\n" + MORE, text(a).substring(text(a).indexOf(PROSE)));
    }

    @Test
    void jsonLdHeadlineIsTheTitleWhenThereIsNoH1() throws Exception {
        String html = "<html><head><title>Gout: causes - Health Site</title><meta property=og:title content=\"Gout"
                + " | Health Site\"><script type=application/ld+json>{\"@context\":\"https://schema.org\","
                + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Health Site\"},{\"@type\":\"Article\","
                + "\"headline\":\"Gout: what causes it\"}]}</script></head><body><div><p>" + PROSE
                + "</p></div></body></html>";
        Article a = extractor.extractHtml("t/gout", html.getBytes(StandardCharsets.UTF_8), "utf-8",
                "https://health.example/gout");

        assertEquals("Gout: what causes it", a.title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesLeavingTheProse")
    void furnitureGoesAndTheArticleStaysWhole(String rule, String body) throws Exception {
        assertEquals(PROSE + "\n\n" + MORE, text(page(body)));
    }

    private Article page(String body) throws SkippedFileException {
        String html = "<html><head><title>Gout | Health Site</title></head><body><nav><a href=/>Home</a></nav>"
                + body + "<footer><p>Copyright Health Site</p></footer></body></html>";
        return extractor.extractHtml("t/gout", html.getBytes(StandardCharsets.UTF_8), "utf-8",
                "https://health.example/gout");
    }

    /** The page's text as {@code clean --json} gives it: every section's own text, outline order. */
    private static String text(Article a) {
        StringBuilder sb = new StringBuilder();
        for (Section s : a.units()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(s.text());
        }
        return sb.toString();
    }

    private static List<String> headings(Article a) {
        return a.sections().stream().map(Section::heading).toList();
    }
}
