package org.medsearch.search;

import java.util.List;

/**
 * One page of results: articles, each with its best-matching sections.
 *
 * @param query  the query as typed
 * @param total  number of matching articles
 * @param tookMs time spent searching
 * @param page   the page served
 * @param size   the page size
 * @param understood how the query was read
 * @param hits   the articles on this page, best first
 */
public record SearchResults(String query, long total, long tookMs, int page, int size,
                            Understanding understood, List<ArticleHit> hits) {

    /** A matching article. */
    public record ArticleHit(String id, String title, String url, String source, float score,
                             List<SectionHit> sections) {
    }

    /** A matching section of an article, with its deep link and highlighted snippet. */
    public record SectionHit(String heading, String kind, String anchor, String link, String snippet) {
    }
}
