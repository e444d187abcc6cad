package org.medsearch.ingest;

/** Text measurements of one block element, gathered in the furniture pass and used to find the article. */
final class BlockStats {
    /** Visible characters (whitespace excluded). */
    int chars;
    /** Visible characters inside links. */
    int linkChars;
    /** Visible characters of prose: text outside links, in blocks that are not mostly links; h1 excluded. */
    int weight;
    /** Visible characters inside h2-h6 headings. */
    int headingChars;
    /** Number of h2-h6 headings with text. */
    int headings;
    /** The highest heading level inside (2 for h2), or 7 when there is no heading. */
    int topLevel = 7;
    int links;
    /** Links to a section ({@code href="#x"} or {@code "page#x"}), the mark of a table of contents. */
    int fragmentLinks;
    /** Headings whose text is all one link: the headline of a teaser card. */
    int linkedHeadings;
    /** Place in the page: the measured elements numbered as they open; {@code end} is the last number inside. */
    int order;
    int end;

    /** Whether this element ends before {@code other} starts: before it in the page, and neither inside the other. */
    boolean endsBefore(BlockStats other) {
        return end < other.order;
    }

    void add(BlockStats child) {
        chars += child.chars;
        linkChars += child.linkChars;
        weight += child.weight;
        headingChars += child.headingChars;
        headings += child.headings;
        topLevel = Math.min(topLevel, child.topLevel);
        links += child.links;
        fragmentLinks += child.fragmentLinks;
        linkedHeadings += child.linkedHeadings;
    }

    /** Takes out a removed descendant's measurements ({@code weight}: the prose it added here). */
    void subtract(BlockStats child, int childWeight) {
        chars -= child.chars;
        linkChars -= child.linkChars;
        weight = Math.max(0, weight - childWeight);
        headingChars -= child.headingChars;
        headings -= child.headings;
        links -= child.links;
        fragmentLinks -= child.fragmentLinks;
        linkedHeadings -= child.linkedHeadings;
    }

    boolean linkDense() {
        return links > 0 && linkChars * 10 >= chars * 7;
    }

    /** Has prose besides its headings (a sidebar widget has headings over links only). */
    boolean hasProseBesideHeadings() {
        return weight > headingChars;
    }
}
