package org.medsearch.index.embed;

import org.medsearch.ingest.Article;
import org.medsearch.ingest.Section;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The text embedded for a section, also the key of its {@link EmbeddingCache} entry. */
public final class PassageText {

    private PassageText() {
    }

    /**
     * Article title, section heading, then the section text, one per line. Title and heading come first because the
     * embedder reads only the first 128 word pieces, and a section's text often never names its subject.
     */
    public static String of(Article article, Section section) {
        return Stream.of(article.title(), section.heading(), section.text())
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n"));
    }
}
