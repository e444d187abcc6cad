package org.medsearch.ingest;

import java.util.List;

/**
 * One section of an article's outline, addressable on its page as {@code url#anchor}.
 *
 * @param heading     the heading as written on the page
 * @param anchor      the fragment that deep-links to the section
 * @param kind        the canonical kind of section (causes, treatment, ...)
 * @param text        the section's own cleaned text up to its first sub-section, paragraphs separated by
 *                    blank lines
 * @param subsections the sections under its sub-headings, in page order (same shape, nested)
 */
public record Section(String heading, String anchor, SectionKind kind, String text, List<Section> subsections) {
    public Section {
        subsections = subsections == null ? List.of() : List.copyOf(subsections);
    }

    /** A section without sub-sections. */
    public Section(String heading, String anchor, SectionKind kind, String text) {
        this(heading, anchor, kind, text, List.of());
    }

    /**
     * The section's own text followed by each sub-section's heading and text, in page order, as one text:
     * what a reader sees under this heading down to the next heading of the same or a higher level.
     */
    public String fullText() {
        if (subsections.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        appendSubsections(sb);
        return sb.toString();
    }

    private void appendSubsections(StringBuilder sb) {
        for (Section s : subsections) {
            append(sb, s.heading);
            append(sb, s.text);
            s.appendSubsections(sb);
        }
    }

    private static void append(StringBuilder sb, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append("\n\n");
        }
        sb.append(part);
    }
}
