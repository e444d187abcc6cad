package org.medsearch.search;

/**
 * Every ranking knob in one place, with the value chosen by measurement on the dev questions.
 *
 * @param titleBoost   weight of a match in the article title
 * @param aliasBoost   weight of a match in the article's other names
 * @param headingBoost weight of a match in the section heading
 * @param tieBreaker   share of the non-best fields added to a word's score (DisjunctionMax tie breaker)
 */
public record RankingConfig(float titleBoost, float aliasBoost, float headingBoost, float tieBreaker) {

    /** The defaults used by the API, the page, the CLI and eval. */
    public static RankingConfig defaults() {
        return new RankingConfig(3f, 3f, 1.5f, 0.3f);
    }
}
