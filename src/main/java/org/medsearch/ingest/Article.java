package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A cleaned article: what the ingester extracts from one page and what the indexer writes.
 *
 * @param id       path under the corpus root without extension, '/'-separated (stable across reindexes)
 * @param title    the title as a reader sees it
 * @param url      canonical URL of the page (or its file path when the page names none)
 * @param source   the site the article comes from
 * @param aliases  other names of the subject ('Also called: A; B')
 * @param sections the article's outline: its top-level sections in page order, each with its sub-sections;
 *                 the text before the first section heading is the overview section, headed by the
 *                 headline when the headline is part of the article, else with an empty heading
 */
public record Article(String id, String title, String url, String source,
                      List<String> aliases, List<Section> sections) {
    /** A top-level section longer than this is searched as its sub-sections, not as one unit. */
    static final int MAX_UNIT_CHARS = 12_000;

    public Article {
        aliases = List.copyOf(aliases);
        sections = List.copyOf(sections);
    }

    /**
     * The search units: what the index stores as one section document and what a result deep-links to.
     *
     * <p>A unit is a top-level section with its whole text ({@link Section#fullText()}: its sub-sections'
     * headings and text included), so a site's sections are the units whatever their sub-headings. A top-level
     * section with two or more sub-sections is split into its own text and its sub-sections' units instead
     * when it is the article's only titled section (an 'Introduction' that wraps every division of the page)
     * or longer than {@link #MAX_UNIT_CHARS}: one unit holding the whole page answers every question at once.
     * Every unit keeps the anchor of its heading on the page; the opening text (untitled, or under the
     * headline) is labelled 'Overview'.
     */
    public List<Section> units() {
        int titled = 0;
        for (Section s : sections) {
            titled += isOpening(s) ? 0 : 1;
        }
        List<Section> units = new ArrayList<>(sections.size());
        for (Section s : sections) {
            if (isOpening(s)) {
                // A result needs a heading to show: the untitled opening text is the overview.
                s = new Section(SectionSplitter.OVERVIEW, s.anchor(), s.kind(), s.text(), s.subsections());
            }
            addUnits(units, s, titled == 1);
        }
        return units;
    }

    /** The text before the first section heading: untitled, or under the headline. */
    private boolean isOpening(Section s) {
        return s == sections.get(0) && s.kind() == SectionKind.OVERVIEW
                && (s.heading().isEmpty() || Texts.key(s.heading()).equals(Texts.key(title)));
    }

    private static void addUnits(List<Section> units, Section s, boolean onlyTitled) {
        if (s.subsections().isEmpty()) {
            units.add(s);
            return;
        }
        String full = s.fullText();
        if (s.subsections().size() < 2 || !(onlyTitled || full.length() > MAX_UNIT_CHARS)) {
            units.add(new Section(s.heading(), s.anchor(), s.kind(), full));
            return;
        }
        if (!s.text().isEmpty()) {
            units.add(new Section(s.heading(), s.anchor(), s.kind(), s.text()));
        }
        for (Section sub : s.subsections()) {
            addUnits(units, sub, false);
        }
    }
}
