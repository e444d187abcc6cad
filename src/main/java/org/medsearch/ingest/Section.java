package org.medsearch.ingest;

/**
 * One section of an article, addressable on its page as {@code url#anchor}.
 *
 * @param heading the heading as written on the page
 * @param anchor  the fragment that deep-links to the section
 * @param kind    the canonical kind of section (causes, treatment, ...)
 * @param text    the cleaned text, paragraphs separated by blank lines
 */
public record Section(String heading, String anchor, SectionKind kind, String text) {
}
