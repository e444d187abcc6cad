package org.medsearch.search.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsearch.ingest.SectionKind;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserQueryParserTest {

    @Test
    void plainWordsPhrasesExclusionsAndScopes() {
        List<UserQuery.Clause> c = UserQueryParser.parse("leg \"night cramps\" -fever causes:calcium treatment:\"warm bath\"").clauses();
        assertEquals(new UserQuery.Clause("leg", false, false, null), c.get(0));
        assertEquals(new UserQuery.Clause("night cramps", true, false, null), c.get(1));
        assertEquals(new UserQuery.Clause("fever", false, true, null), c.get(2));
        assertEquals(new UserQuery.Clause("calcium", false, false, SectionKind.CAUSES), c.get(3));
        assertEquals(new UserQuery.Clause("warm bath", true, false, SectionKind.TREATMENT), c.get(4));
    }

    @Test
    void singularKindNameIsAccepted() {
        assertEquals(SectionKind.CAUSES, UserQueryParser.parse("cause:calcium").clauses().get(0).kind());
    }

    @Test
    void misspelledFieldIsPlainText() {
        UserQuery.Clause c = UserQueryParser.parse("casues:calcium").clauses().get(0);
        assertEquals("casues:calcium", c.text());
        assertFalse(c.scoped());
    }

    @Test
    void unbalancedQuoteFallsBackToWords() {
        List<UserQuery.Clause> c = UserQueryParser.parse("\"leg cramps").clauses();
        assertEquals(List.of("leg", "cramps"), c.stream().map(UserQuery.Clause::text).toList());
        assertFalse(c.get(0).phrase());
    }

    @Test
    void onlyExclusionsIsEmpty() {
        assertTrue(UserQueryParser.parse("-fever -cough").isEmpty());
        assertTrue(UserQueryParser.parse("   ").isEmpty());
    }

    /** Input that is mostly syntax, and what is left of it: every character not taken as syntax stays a word. */
    static Stream<Arguments> syntaxOnlyInput() {
        return Stream.of(
                Arguments.of("\"", List.of()),
                Arguments.of("\"\"", List.of()),
                Arguments.of("-", List.of("-")),
                Arguments.of("--", List.of("--")),
                Arguments.of(":", List.of(":")),
                Arguments.of("causes:", List.of("causes:")),
                Arguments.of("((((", List.of("((((")),
                Arguments.of("a:b:c", List.of("a:b:c")),
                Arguments.of("\\", List.of("\\")),
                Arguments.of("*?~^", List.of("*?~^")),
                Arguments.of("-\"", List.of()),
                Arguments.of("x\"y\"z", List.of("x", "\"y\"", "z")),
                Arguments.of("-causes:\"warm bath\"", List.of("-causes:\"warm bath\"")),
                Arguments.of("\u0000\u0001", List.of("\u0000\u0001")));
    }

    @ParameterizedTest
    @MethodSource("syntaxOnlyInput")
    void syntaxOnlyInputKeepsWhateverIsNotSyntaxAsWords(String text, List<String> expected) {
        assertEquals(expected, UserQueryParser.parse(text).clauses().stream().map(UserQueryParserTest::written).toList());
    }

    /** A clause as it would be typed: {@code -} when excluded, {@code kind:} when scoped, quotes when a phrase. */
    private static String written(UserQuery.Clause c) {
        String text = c.phrase() ? "\"" + c.text() + "\"" : c.text();
        return (c.excluded() ? "-" : "") + (c.scoped() ? c.kind().id() + ":" : "") + text;
    }
}
