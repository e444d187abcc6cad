package org.medsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The one-pass literal scanner finds exactly the literals {@code String.contains} finds. */
class LiteralScannerTest {
    @Test
    void findsOverlappingAndNestedLiterals() {
        LiteralScanner scanner = new LiteralScanner(List.of("he", "she", "hers", "his", " on line ", "\u00a9", "vergr"));

        assertEquals(bits(0, 1, 2), scanner.in("ushers"));
        assertEquals(bits(3), scanner.in("this"));
        assertEquals(bits(4, 5), scanner.in("\u00a9 2020 warning: x on line 32"));
        assertEquals(bits(6), scanner.in("zum vergr\u00f6\u00dfern"));
        assertEquals(bits(), scanner.in(""));
    }

    @Test
    void agreesWithContainsOnRandomTexts() {
        List<String> literals = List.of("ab", "abab", "ba", "b a", "aab", "a", ":", " by", "bb\u00e9");
        LiteralScanner scanner = new LiteralScanner(literals);
        Random random = new Random(42);
        String alphabet = "ab :\u00e9y";
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            BitSet expected = new BitSet();
            for (int i = 0; i < literals.size(); i++) {
                if (text.toString().contains(literals.get(i))) {
                    expected.set(i);
                }
            }
            assertEquals(expected, scanner.in(text), "'" + text + "'");
        }
    }

    private static BitSet bits(int... indexes) {
        BitSet b = new BitSet();
        for (int i : indexes) {
            b.set(i);
        }
        return b;
    }
}
