package org.medsearch.search.query;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhraseScannerTest {
    private final PhraseScanner scanner = new PhraseScanner(Set.of("heart", "heart attack", "attack", "deep vein thrombosi"));

    @Test
    void theLongestPhraseWinsAndFoundPhrasesDoNotOverlap() {
        assertEquals(List.of("heart attack"), scanner.scan(List.of("heart", "attack")));
        assertEquals(List.of("heart", "deep vein thrombosi", "attack"),
                scanner.scan(List.of("heart", "after", "deep", "vein", "thrombosi", "attack")));
    }

    @Test
    void aPartOfALongerPhraseIsNotFoundAlone() {
        assertEquals(List.of(), scanner.scan(List.of("deep", "vein")));
        assertEquals(List.of(), new PhraseScanner(Set.of()).scan(List.of("heart")));
    }
}
