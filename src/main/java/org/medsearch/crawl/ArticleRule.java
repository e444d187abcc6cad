package org.medsearch.crawl;

import org.medsearch.ingest.Article;
import org.medsearch.ingest.Section;

/**
 * Whether a fetched page is an article worth saving, or an index/listing page that is only followed.
 *
 * <p>Length alone cannot tell them apart: a listing is often long, and real articles can be one short answer
 * (in MedQuAD, 11% of the articles have neither two sections of 20 words nor 150 words in all, and the shortest
 * is one sentence of 9 words). What a listing page has is links instead of prose, so the rule is: the cleaner
 * found a section with at least a sentence of text, on a page whose reading text is mostly not link text.
 */
final class ArticleRule {
    /** A section counts as text from this many words on: a sentence, not a heading or a 'Page not found'. */
    static final int MIN_SECTION_WORDS = 8;
    /** Above this share of link text in the page's reading text, the page is a list of links. */
    static final double MAX_LINK_SHARE = 0.5;

    private ArticleRule() {
    }

    /** True when the article has a section with real text and the page is not mostly links. */
    static boolean isArticle(Article article, double linkTextShare) {
        if (linkTextShare > MAX_LINK_SHARE) {
            return false;
        }
        for (Section s : article.units()) {
            if (words(s.text()) >= MIN_SECTION_WORDS) {
                return true;
            }
        }
        return false;
    }

    private static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
