package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Plain-text articles: title line, headings spotted by shape and words, sub-headings kept in sections. */
class TextArticleParserTest {
    private final TextArticleParser parser = new TextArticleParser();

    @Test
    void findsTitleAliasesAndHeadingsOfAnUnseenTextArticle() throws Exception {
        String text = """
                Migraine

                Also known as: sick headache; hemicrania

                A migraine is a moderate or severe headache felt as a throbbing pain
                on one side of the head.

                Symptoms

                The main symptom is an intense headache. Other symptoms include:
                - feeling sick
                - sensitivity to light

                How Is It Treated?

                Painkillers such as paracetamol can help.

                Living With Migraine

                Keep a diary to find out what triggers your attacks.

                Was this page helpful?
                """;

        Article a = parser.parse("txt/migraine", text, "migraine.txt", "txt");

        assertEquals("Migraine", a.title());
        assertEquals(List.of("sick headache", "hemicrania"), a.aliases());
        assertEquals(List.of("Overview", "Symptoms", "How Is It Treated?", "Living With Migraine"),
                a.units().stream().map(Section::heading).toList());
        assertEquals(List.of(SectionKind.OVERVIEW, SectionKind.SYMPTOMS, SectionKind.TREATMENT, SectionKind.TREATMENT),
                a.sections().stream().map(Section::kind).toList());
        assertEquals(List.of("overview", "symptoms", "how-is-it-treated", "living-with-migraine"),
                a.sections().stream().map(Section::anchor).toList());
        assertEquals("A migraine is a moderate or severe headache felt as a throbbing pain on one side of the head.",
                a.sections().get(0).text(), "hard-wrapped lines joined");
        assertEquals("The main symptom is an intense headache. Other symptoms include:\n- feeling sick\n"
                + "- sensitivity to light", a.sections().get(1).text(), "list lines kept one per line");
        assertEquals("Keep a diary to find out what triggers your attacks.", a.sections().get(3).text());
    }

    @Test
    void titleishLinesBeforeTheFirstKnownHeadingAreOverviewText() throws Exception {
        String text = "Gout\n\nA Painful Joint Condition\n\nGout causes sudden pain.\n\nCauses\n\nUric acid.\n";

        Article a = parser.parse("gout", text, "gout.txt", "");

        assertEquals(List.of("Overview", "Causes"), a.units().stream().map(Section::heading).toList());
        assertEquals("A Painful Joint Condition\n\nGout causes sudden pain.", a.sections().get(0).text());
    }
}
