package org.medsearch.search.query;

/**
 * The weights a built query carries, taken from the search's ranking knobs ({@code RankingConfig}),
 * so that query understanding does not reach back into the package that ranks.
 *
 * @param titleBoost   weight of a match in the article title
 * @param aliasBoost   weight of a match in the article's other names
 * @param headingBoost weight of a match in the section heading
 * @param tieBreaker   share of the non-best fields added to a word's score (DisjunctionMax tie breaker)
 * @param focusBoost   score added to sections of an article whose title or alias the query names
 * @param kindBoost    score added to sections of the kind the question asks for
 * @param synonymBoost weight of the other names of a medical term against the words typed
 * @param commonWordShare a plain word in more than this share of the documents only adds to the score of sections that
 *                        match a rarer word of the query (0: every word matches on its own)
 * @param commonWordDocs  ... and in at least this many documents
 */
public record QueryWeights(float titleBoost, float aliasBoost, float headingBoost, float tieBreaker,
                           float focusBoost, float kindBoost, float synonymBoost, float commonWordShare,
                           float commonWordDocs) {
}
