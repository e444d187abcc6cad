package org.medsearch.index.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void splitsUnknownWordsIntoLongestVocabularyPieces() {
        assertEquals("[CLS] signs of my ##oca ##rdial in ##far ##ction ? [SEP]", pieces("Signs of myocardial infarction?"));
    }

    @Test
    void lowerCasesAndStripsAccents() {
        assertEquals("[CLS] cafe naive resume [SEP]", pieces("Café NAÏVE résumé"));
    }

    @Test
    void makesEveryPunctuationMarkItsOwnToken() {
        assertEquals("[CLS] heart - attack ( mi ) : 5 ##mg / day [SEP]", pieces("heart-attack (MI): 5mg/day"));
    }

    @Test
    void treatsTabsAndNoBreakSpacesAsSpacesAndDropsControlCharacters() {
        assertEquals("[CLS] tab here n ##bs ##p ##bell [SEP]", pieces("tab\there\u00a0nbsp\u0007bell"));
    }

    @Test
    void turnsOverlongWordsIntoOneUnknownToken() {
        assertEquals("[CLS] [UNK] end [SEP]", pieces("x".repeat(101) + " end"));
    }

    @Test
    void splitsChineseCharactersApart() {
        assertEquals("[CLS] 東 京 clinic [SEP]", pieces("東京 clinic"));
    }

    @Test
    void cutsLongTextsAtTheTokenLimitKeepingTheMarkers() {
        assertEquals("[CLS] signs of my ##oca [SEP]", pieces("Signs of myocardial infarction?", 6));
    }

    @Test
    void encodesEmptyTextAsTheMarkersAlone() {
        assertEquals("[CLS] [SEP]", pieces("  \n "));
    }

    @Test
    void rejectsALimitWithoutRoomForTheMarkers() {
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("text", 1));
    }
}
