package org.medsearch.search;

import org.medsearch.search.query.Understanding;

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
 * @param suggestion    the query with its misspellings corrected ('did you mean'), or null
 * @param correctedFrom when the query as typed found nothing and these are the suggestion's results:
 *                      the query as typed (and {@code query} is the suggestion); otherwise null
 * @param facets        matching articles counted by section kind and by source
 * @param partial       true when the search ran out of time and these are the matches found until then
 */
public record SearchResults(String query, long total, long tookMs, int page, int size,
                            Understanding understood, List<ArticleHit> hits,
                            String suggestion, String correctedFrom, Facets facets, boolean partial) {

    /** Results without spelling suggestion or facet counts. */
    public SearchResults(String query, long total, long tookMs, int page, int size,
                         Understanding understood, List<ArticleHit> hits) {
        this(query, total, tookMs, page, size, understood, hits, null, null, Facets.EMPTY, false);
    }

    /** These results with a spelling suggestion, correction and facet counts added. */
    public SearchResults with(String suggestion, String correctedFrom, Facets facets, long tookMs) {
        return new SearchResults(query, total, tookMs, page, size, understood, hits, suggestion, correctedFrom, facets, partial);
    }

    /** These results, marked partial when the search ran out of time. */
    public SearchResults withPartial(boolean cut) {
        return new SearchResults(query, total, tookMs, page, size, understood, hits, suggestion, correctedFrom, facets, cut);
    }

    /** These results with notes added to how the query was understood. */
    public SearchResults withNotes(List<String> notes) {
        return notes.isEmpty() ? this : new SearchResults(query, total, tookMs, page, size, understood.withNotes(notes),
                hits, suggestion, correctedFrom, facets, partial);
    }

    /** A matching article. */
    public record ArticleHit(String id, String title, String url, String source, float score,
                             List<SectionHit> sections) {
    }

    /** A matching section of an article, with its deep link and highlighted snippet. */
    public record SectionHit(String heading, String kind, String anchor, String link, String snippet) {
    }
}
