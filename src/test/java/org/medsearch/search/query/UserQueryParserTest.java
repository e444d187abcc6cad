package org.medsearch.search.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsearch.ingest.SectionKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"", "-", "--", ":", "causes:", "((((", "a:b:c", "\\", "*?~^", "-\"", "x\"y\"z", "\u0000\u0001"})
    void anyInputParses(String text) {
        assertNotNull(UserQueryParser.parse(text));
    }
}
