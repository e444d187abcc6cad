package org.medsearch.search;

/** An article like another one: enough to show and link it. */
public record RelatedArticle(String id, String title, String url, String source) {
}
