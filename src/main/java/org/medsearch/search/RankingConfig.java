package org.medsearch.search;

import java.util.Locale;

/**
 * Every ranking knob in one place, with the value chosen by measurement on the 39 LiveQA dev questions
 * ({@code ./medsearch eval}); the comment on each says what it was measured to do.
 *
 * @param titleBoost   weight of a match in the article title
 * @param aliasBoost   weight of a match in the article's other names
 * @param headingBoost weight of a match in the section heading
 * @param tieBreaker   share of the non-best fields added to a word's score (DisjunctionMax tie breaker)
 * @param k1           BM25 term-frequency saturation
 * @param b            BM25 length normalisation
 */
public record RankingConfig(float titleBoost, float aliasBoost, float headingBoost, float tieBreaker,
                            float k1, float b) {

    /** The defaults used by the API, the page, the CLI and eval. */
    public static RankingConfig defaults() {
        return new RankingConfig(
                2f,    // title 1..5 measured: 2 best (3: -0.02 nDCG@10 sections, 5: -0.04)
                2f,    // aliases: like the title
                1.5f,  // heading 1..3: flat within noise
                0.3f,  // DisjunctionMax tie: 0 and 1 both worse (-0.01..-0.06)
                1.2f,  // k1 1.2 vs 1.6: flat
                0.9f); // b 0.4..1.0: 0.9 best on sections (+0.02 over 0.75); sections vary a lot in length
    }

    /**
     * This config with some knobs changed, from {@code name=value,name=value} (for experiments with
     * {@code eval --ranking}); an unknown name is an error.
     */
    public RankingConfig with(String overrides) {
        RankingConfig c = this;
        if (overrides == null || overrides.isBlank()) {
            return c;
        }
        for (String pair : overrides.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("ranking override must be name=value, not '" + pair + "'");
            }
            float v = Float.parseFloat(kv[1].trim());
            c = switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "titleboost" -> new RankingConfig(v, c.aliasBoost, c.headingBoost, c.tieBreaker, c.k1, c.b);
                case "aliasboost" -> new RankingConfig(c.titleBoost, v, c.headingBoost, c.tieBreaker, c.k1, c.b);
                case "headingboost" -> new RankingConfig(c.titleBoost, c.aliasBoost, v, c.tieBreaker, c.k1, c.b);
                case "tiebreaker" -> new RankingConfig(c.titleBoost, c.aliasBoost, c.headingBoost, v, c.k1, c.b);
                case "k1" -> new RankingConfig(c.titleBoost, c.aliasBoost, c.headingBoost, c.tieBreaker, v, c.b);
                case "b" -> new RankingConfig(c.titleBoost, c.aliasBoost, c.headingBoost, c.tieBreaker, c.k1, v);
                default -> throw new IllegalArgumentException("unknown ranking knob '" + kv[0] + "'");
            };
        }
        return c;
    }
}
