package org.medsearch.index.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Expected pieces were produced by the reference HuggingFace tokenizer (Rust) on the same tokenizer.json. */
class WordPieceTokenizerTest {

    private static final String TOKENIZER_JSON = "/all-minilm-l6-v2-q-tokenizer.json";
    private static WordPieceTokenizer tokenizer;
    private static Map<Integer, String> pieceById;

    @BeforeAll
    static void loadBundledVocabulary() throws IOException {
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(TOKENIZER_JSON)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
        }
        pieceById = new HashMap<>();
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(TOKENIZER_JSON)) {
            new ObjectMapper().readTree(in).path("model").path("vocab").properties()
                    .forEach(e -> pieceById.put(e.getValue().asInt(), e.getKey()));
        }
    }

    private static String pieces(String text, int maxTokens) {
        return Arrays.stream(tokenizer.encode(text, maxTokens)).mapToObj(pieceById::get).collect(Collectors.joining(" "));
    }

    private static String pieces(String text) {
        return pieces(text, 512);
    }

    /** Text and the pieces the reference tokenizer makes of it. */
    static Stream<Arguments> texts() {
        return Stream.of(
                argumentSet("splits unknown words into longest vocabulary pieces", "Signs of myocardial infarction?",
                        "[CLS] signs of my ##oca ##rdial in ##far ##ction ? [SEP]"),
                argumentSet("lower cases and strips accents", "Café NAÏVE résumé",
                        "[CLS] cafe naive resume [SEP]"),
                argumentSet("makes every punctuation mark its own token", "heart-attack (MI): 5mg/day",
                        "[CLS] heart - attack ( mi ) : 5 ##mg / day [SEP]"),
                argumentSet("treats tabs and no break spaces as spaces and drops control characters", "tab\there\u00a0nbsp\u0007bell",
                        "[CLS] tab here n ##bs ##p ##bell [SEP]"),
                argumentSet("turns overlong words into one unknown token", "x".repeat(101) + " end",
                        "[CLS] [UNK] end [SEP]"),
                argumentSet("splits Chinese characters apart", "東京 clinic",
                        "[CLS] 東 京 clinic [SEP]"),
                argumentSet("encodes empty text as the markers alone", "  \n ",
                        "[CLS] [SEP]"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void encodesTextAsTheReferenceTokenizerDoes(String text, String expected) {
        assertEquals(expected, pieces(text));
    }

    @Test
    void cutsLongTextsAtTheTokenLimitKeepingTheMarkers() {
        assertEquals("[CLS] signs of my ##oca [SEP]", pieces("Signs of myocardial infarction?", 6));
    }

    @Test
    void rejectsALimitWithoutRoomForTheMarkers() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("text", 1));
    }
}
