package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The must-pass acceptance on MedQuAD: every page's title, aliases and exactly its sections (anchors,
 * headings, full text, in page order), no furniture anywhere, 17,841 sections in all.
 *
 * <p>The expected sections come from an oracle that knows the four layouts' markup (the cleaner does not):
 * semantic {@code section#SecN}, legacy {@code a[name=SecN] + h3}, blog {@code h2#SecN}, and the
 * question/answer accordion {@code div.qa#SecN}.
 */
class MedQuadAcceptanceIT {
    private static final int PAGES = 6154;
    private static final int SECTIONS = 17_841;

    /** Stock strings of the four layouts' furniture; none of them occurs in the articles' own text. */
    private static final List<String> FURNITURE = List.of("Back to top", "Was this page helpful",
            "Was this article helpful", "Print this page", "E-mail this page", "Share on Facebook", "Tweet",
            "Pin it", "Sign up to get", "This site uses cookies", "Review Date", "Posted in", "On this page",
            "Skip to main content", "not intended to constitute medical advice",
            "should not be used as a substitute for professional medical care", "Reviewed by the editorial board",
            "Page last updated", "Popular Articles", "Related Health Topics", "See also", "Quick Links",
            "Newsletter", "Also called:", "Contact Us", "Privacy", "High contrast", "Accessibility", "FOIA",
            "Health Topics Drugs", "Medical Encyclopedia");

    private record Expected(String anchor, String heading, String text) {
    }

    @Test
    void extractsEveryPageWithExactlyItsOwnSectionsAndNoFurniture() throws IOException {
        Path corpus = SharedData.require(SharedData.MEDQUAD);
        List<Path> files = CorpusScanner.list(corpus, skip -> {
            throw new AssertionError("unexpected skip " + skip);
        });
        assertEquals(PAGES, files.size());

        ArticleExtractor extractor = new ArticleExtractor();
        List<String> problems = new ArrayList<>();
        int sections = 0;
        long cleanNanos = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            Article article;
            try {
                article = extractor.extract(corpus, file);
            } catch (SkippedFileException e) {
                problems.add(file + ": skipped: " + e.getMessage());
                continue;
            } finally {
                cleanNanos += System.nanoTime() - t0;
            }
            sections += article.units().size();
            Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
            compare(article, expectedTitle(page), expectedSections(page), problems);
            List<String> aliases = expectedAliases(page);
            if (!article.aliases().equals(aliases)) {
                problems.add(article.id() + ": aliases " + article.aliases() + " != " + aliases);
            }
        }
        System.out.printf(Locale.ROOT, "MedQuAD: %d pages, %d sections, cleaned at %.0f pages/s (1 thread, cold)%n",
                files.size(), sections, files.size() / (cleanNanos / 1e9));
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + String.join("\n",
                problems.subList(0, Math.min(15, problems.size()))));
        assertEquals(SECTIONS, sections);
    }

    private static void compare(Article a, String title, List<Expected> expected, List<String> problems) {
        String where = a.id() + ": ";
        if (!a.title().equals(title)) {
            problems.add(where + "title '" + a.title() + "' != '" + title + "'");
        }
        // The search units are what the index stores; on MedQuAD they are the outline's sections themselves.
        List<Section> units = a.units();
        if (units.size() != expected.size() || a.sections().size() != expected.size()) {
            problems.add(where + units.size() + " units, " + a.sections().size() + " sections, expected "
                    + expected.size() + ": " + units.stream().map(Section::anchor).toList());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            Section got = units.get(i);
            Expected want = expected.get(i);
            if (!got.anchor().equals(want.anchor()) || !got.heading().equals(want.heading())) {
                problems.add(where + "section " + i + " is #" + got.anchor() + " '" + got.heading()
                        + "', expected #" + want.anchor() + " '" + want.heading() + "'");
            }
            String text = flat(got.text());
            if (!text.equals(want.text())) {
                problems.add(where + "#" + want.anchor() + " text differs:\n  got:  " + clip(text, want.text())
                        + "\n  want: " + clip(want.text(), text));
            }
            for (String f : FURNITURE) {
                // Some stock phrases also occur in an article's own text ('See also'); only new ones count.
                if ((got.text().contains(f) && !want.text().contains(f)) || got.heading().contains(f)) {
                    problems.add(where + "#" + want.anchor() + " contains furniture '" + f + "'");
                }
            }
        }
        for (String f : FURNITURE) {
            if (a.title().contains(f) || String.join(" ", a.aliases()).contains(f)) {
                problems.add(where + "title or aliases contain furniture '" + f + "'");
            }
        }
    }

    private static String expectedTitle(Document page) {
        Element h1 = page.selectFirst("h1");
        return h1 != null ? h1.text() : page.selectFirst("span.pagetitle").text();
    }

    /** The names of the page's 'Also called:' line, in order. */
    private static List<String> expectedAliases(Document page) {
        Element line = page.selectFirst("p.also-called");
        if (line == null) {
            return List.of();
        }
        String names = line.text().substring("Also called:".length());
        return Arrays.stream(names.split(";")).map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
    }

    /** The sections as the layout's markup delimits them (test-only knowledge of the four layouts). */
    private static List<Expected> expectedSections(Document page) {
        List<Expected> out = new ArrayList<>();
        for (Element section : page.select("section[id^=Sec]")) {
            Element h2 = section.selectFirst("h2");
            out.add(new Expected(section.id(), h2.text(), textOf(section.children().stream()
                    .filter(e -> e != h2).toList())));
        }
        for (Element qa : page.select("div.qa[id^=Sec]")) {
            List<Element> answer = qa.selectFirst("div.answer").children().stream()
                    .filter(e -> !e.hasClass("top")).toList();
            out.add(new Expected(qa.id(), qa.selectFirst("h2").text(), textOf(answer)));
        }
        for (Element h2 : page.select("div.entry-content > h2[id^=Sec]")) {
            out.add(new Expected(h2.id(), h2.text(), textOf(until(h2.nextElementSibling(), "h2"))));
        }
        for (Element a : page.select("a[name^=Sec]")) {
            Element h3 = a.nextElementSibling();
            out.add(new Expected(a.attr("name"), h3.text(), textOf(until(h3.nextElementSibling(), "a"))));
        }
        return out;
    }

    /** Siblings from {@code from} up to the next {@code stopTag} or the legacy layout's fine print. */
    private static List<Element> until(Element from, String stopTag) {
        List<Element> out = new ArrayList<>();
        for (Element e = from; e != null && !e.normalName().equals(stopTag)
                && e.selectFirst("font[size=1]") == null; e = e.nextElementSibling()) {
            out.add(e);
        }
        return out;
    }

    private static String textOf(List<Element> elements) {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            sb.append(' ').append(e.text());
        }
        return flat(sb.toString());
    }

    private static String flat(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").trim();
    }

    /** The region where two texts first differ, for a readable failure. */
    private static String clip(String s, String other) {
        int i = 0;
        while (i < s.length() && i < other.length() && s.charAt(i) == other.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 40);
        return (from > 0 ? "..." : "") + s.substring(from, Math.min(s.length(), i + 60));
    }
}
