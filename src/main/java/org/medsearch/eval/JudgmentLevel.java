package org.medsearch.eval;

/** The unit the qrels judge, and how a search hit is named at that unit. */
public enum JudgmentLevel {
    /** Sections are judged; a doc id is {@code <articleId>#<anchor>}. */
    SECTIONS,
    /** Whole articles are judged; a doc id is the article id. */
    ARTICLES;

    /** The doc id of a hit on {@code anchor} of {@code articleId} at this level. */
    public String docId(String articleId, String anchor) {
        return this == SECTIONS ? articleId + "#" + anchor : articleId;
    }
}
