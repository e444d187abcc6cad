package org.medsearch.index.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbedderTest {

    private static Embedder embedder;

    @BeforeAll
    static void loadBundledModel() {
        embedder = Embedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double norm(float[] v) {
        return Math.sqrt(Vectors.dot(v, v));
    }

    @Test
    void vectorsHaveTheModelDimensionAndUnitLength() {
        float[] query = embedder.embedQuery("leg cramps in children");
        assertEquals(384, embedder.dimension());
        assertEquals(384, query.length);
        assertEquals(1.0, norm(query), 1e-5);
        for (float[] passage : embedder.embedPassages(List.of("Night cramps are common.", "", "A".repeat(5000)))) {
            assertEquals(384, passage.length);
            assertEquals(1.0, norm(passage), 1e-5);
        }
    }

    @Test
    void aSentenceIsCloserToItsParaphraseThanToAnUnrelatedSentence() {
        float[] heartAttack = embedder.embedQuery("heart attack symptoms");
        float[] paraphrase = embedder.embedQuery("signs of myocardial infarction");
        float[] unrelated = embedder.embedQuery("how to treat head lice");
        double near = Vectors.dot(heartAttack, paraphrase);
        double far = Vectors.dot(heartAttack, unrelated);
        assertTrue(near > far + 0.2, "paraphrase " + near + " vs unrelated " + far);
    }

    @Test
    void passagesGetTheSameVectorsTogetherAsAloneInTheOrderGiven() {
        List<String> texts = List.of(
                "Leg cramps in children\nSymptoms\nA cramp is a sudden, painful tightening of a muscle.",
                "How to treat head lice",
                "Aspirin may lower the risk of a second heart attack.",
                "Diabetes\nPrevention\n" + "Regular exercise and a healthy weight lower the risk. ".repeat(40),
                "Signs of myocardial infarction",
                "Head lice are tiny insects that live on the scalp.");
        List<float[]> passages = embedder.embedPassages(texts);
        assertEquals(texts.size(), passages.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(embedder.embedPassages(List.of(texts.get(i))).getFirst(), passages.get(i), 1e-5f, "text " + i);
        }
    }

    @Test
    void textPastTheTokenLimitDoesNotChangeTheVector() {
        String start = "Asthma\nTreatment\n" + "Inhaled corticosteroids reduce swelling in the airways. ".repeat(20);
        assertArrayEquals(embedder.embedQuery(start), embedder.embedQuery(start + " Unrelated words about head lice."));
    }

    @Test
    void anEmptyListGivesNoVectors() {
        assertEquals(List.of(), embedder.embedPassages(List.of()));
    }

    @Test
    void modelNameIncludesTheModelAndThePassageCut() {
        assertEquals(EmbeddingModel.configured().name() + "@128", embedder.modelName());
    }

    @Test
    void everyKnownModelLoadsByTheNameAnIndexRecordsAndAnswersQuestions() {
        for (EmbeddingModel model : EmbeddingModel.KNOWN) {
            try (Embedder e = Embedder.forRecordedName(model.name() + "@128")) {
                assertEquals(model.name() + "@128", e.modelName());
                List<float[]> passages = e.embedPassages(List.of(
                        "Asthma. Treatment. Inhaled corticosteroids reduce swelling in the airways.",
                        "Head lice. Treatment. Lice shampoos kill the insects and a fine comb removes the eggs."));
                float[] question = e.embedQuery("how do you get rid of lice?");
                assertTrue(Vectors.dot(question, passages.get(1)) > Vectors.dot(question, passages.get(0)), model.name());
            }
        }
    }

    @Test
    void aRecordedNameThisBuildDoesNotKnowLoadsNothing() {
        assertEquals(null, Embedder.forRecordedName("some-other-model@128"));
        assertEquals(null, Embedder.forRecordedName("all-minilm-l6-v2-q"));
    }
}
