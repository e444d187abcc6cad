package org.medsearch.search;

import org.medsearch.search.query.QueryWeights;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every ranking knob in one place, with the value chosen by measurement on the 39 LiveQA dev questions
 * ({@code ./medsearch eval}); the comment on each default says what it was measured to do.
 *
 * @param titleBoost   weight of a match in the article title
 * @param aliasBoost   weight of a match in the article's other names
 * @param headingBoost weight of a match in the section heading
 * @param tieBreaker   share of the non-best fields added to a word's score (DisjunctionMax tie breaker)
 * @param k1           BM25 term-frequency saturation
 * @param b            BM25 length normalisation
 * @param spelling     correct words the index does not know
 * @param focusBoost   score added to sections of an article whose title or alias the query names
 * @param kindBoost    score added to sections of the kind the question asks for
 * @param synonymBoost weight of the other names of a medical term (curated list) against the words typed
 * @param denseK       nearest sections by vector that join the BM25 candidates (0: rescore BM25's only)
 * @param lexicalWeight share of the normalised BM25 score added to the cosine similarity
 * @param headingWeight weight of the cosine similarity of the question with the section's heading (and title)
 * @param denseHeadingK nearest sections by heading vector that join the candidates (0: none)
 * @param condensedWeight share of the condensed question's vector (subject and asking sentences) in the query vector
 * @param rrfK          0: blend scores linearly; above 0: reciprocal rank fusion of the signals with this k
 * @param commonWordShare a word of the query in more than this share of the documents adds to the score of sections
 *                      that match a rarer one, never matches on its own (0: every word matches on its own)
 * @param commonWordDocs ... when it is also in at least this many documents (a small corpus keeps every word)
 * @param commonWordDepth the sections, best by the rest of the query, that the common words' scores are added to
 *                      after the pass (0: every match is scored with them in the pass)
 */
public record RankingConfig(float titleBoost, float aliasBoost, float headingBoost, float tieBreaker,
                            float k1, float b, boolean spelling,
                            float focusBoost, float kindBoost, float synonymBoost,
                            float denseK, float lexicalWeight, float headingWeight, float denseHeadingK,
                            float condensedWeight, float rrfK, float commonWordShare,
                            float commonWordDocs, float commonWordDepth) {

    /** The defaults used by the API, the page, the CLI and eval. */
    public static RankingConfig defaults() {
        return new RankingConfig(
                2f,    // title 1..5 measured: 2 best (3: -0.02 nDCG@10 sections, 5: -0.04)
                2f,    // aliases: like the title
                1.5f,  // heading 1..3: flat within noise
                0.3f,  // DisjunctionMax tie: 0 and 1 both worse (-0.01..-0.06)
                1.2f,  // k1 1.2 vs 1.6: flat
                0.9f,  // b 0.4..1.0: 0.9 best on sections (+0.02 over 0.75); sections vary a lot in length
                true,  // spelling: +0.023 nDCG@10 sections, +0.043 articles (questions as written)
                4f,    // focus 0/1/2/4/6/8: 4 best, +0.06 nDCG@10 sections, +0.05 articles over 0
                2f,    // kind 0/0.5/1/2/3 (with focus 4): 2 best, +0.007 sections, +0.013 articles
                0.3f,  // synonyms 0/0.3/0.5/1: 0.3: +0.011 sections as written, -0.012 summarised (a wash on dev; kept for lay/clinical vocabulary)
                100f,  // denseK 0/100/200: 100 = 200; dense-only candidates add ~0.01
                0.8f,  // lexical weight 0.1/0.2/0.4/0.6/0.8/1.2: 0.6-0.8 best; 0.8: +0.03 nDCG@10 sections over 0.2
                0f,    // heading vectors (reindex with -Dmedsearch.embedding.headings=true) 0.3/0.6/1: written sections +0.004/+0.008/0, summarised -0.008/-0.017/-0.027
                0f,    // denseHeadingK 100 with headingWeight 0.6 (bge-small): no change at all
                0.2f,  // condensed question 0.2/0.3/0.5/0.7/1: written sections +0.001/-0.001/-0.007/-0.004/-0.010, articles +0.007/+0.007/+0.002/+0.003/-0.011 (0.2: articles 4 questions up, 2 down); summaries are never condensed
                0f,    // reciprocal rank fusion k 60: -0.018 sections, -0.024 articles written; -0.048 sections summarised
                0.1f,  // commonWordShare 0.01/0.05/0.08/0.1/0.15/0.2: 0.1 summarised articles +0.005, the rest within 0.001 (lexical index: +0.010..+0.013 on all four); 0.08-0.15 flat, 0.05 -0.008 sections, 0.01 -0.029 (README: Issue 14, sixth round)
                1000f, // commonWordDocs: MedQuAD's common words are in 2,400+ documents (unchanged); the shipped 44-article corpus keeps every word
                1000f); // commonWordDepth: x50 LiveQA cpu 48-49 -> 34 ms; nDCG@10 unchanged (depth 1, every question split: +0.002 written sections); 1 of 674 bench answers differ
    }

    /** The knobs that weigh the parts of a built query. */
    public QueryWeights queryWeights() {
        return new QueryWeights(titleBoost, aliasBoost, headingBoost, tieBreaker, focusBoost, kindBoost, synonymBoost,
                commonWordShare, commonWordDocs);
    }

    /**
     * This config with some knobs changed, from {@code name=value,name=value} (for experiments with
     * {@code eval --ranking}); an unknown name is an error.
     */
    public RankingConfig with(String overrides) {
        if (overrides == null || overrides.isBlank()) {
            return this;
        }
        RecordComponent[] components = RankingConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(this);
            }
            for (String pair : overrides.split(",")) {
                String[] kv = pair.split("=", 2);
                int i = indexOf(components, kv[0].trim());
                if (kv.length != 2 || i < 0) {
                    throw new IllegalArgumentException("unknown ranking override '" + pair + "'; knobs: "
                            + Arrays.stream(components).map(RecordComponent::getName).toList());
                }
                values[i] = components[i].getType() == boolean.class ? (Object) Boolean.parseBoolean(kv[1].trim())
                        : (Object) Float.parseFloat(kv[1].trim());
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return RankingConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
