package org.medsearch.ingest;

import java.util.List;

/**
 * A cleaned article: what the ingester extracts from one page and what the indexer writes.
 *
 * @param id       path under the corpus root without extension, '/'-separated (stable across reindexes)
 * @param title    the title as a reader sees it
 * @param url      canonical URL of the page (or its file path when the page names none)
 * @param source   the site the article comes from
 * @param aliases  other names of the subject ('Also called: A; B')
 * @param sections the article's sections in page order
 */
public record Article(String id, String title, String url, String source,
                      List<String> aliases, List<Section> sections) {
    public Article {
        aliases = List.copyOf(aliases);
        sections = List.copyOf(sections);
    }
}
