package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QrelsTest {

    @Test
    void readsGradesSeparatedByTabsOrRunsOfSpaces() {
        Qrels qrels = HandExample.qrels();

        assertEquals(List.of("q1", "q2", "q4"), List.copyOf(qrels.queryIds()));
        assertEquals(Map.of("a", 3, "b", 2, "c", 0, "d", 1, "e", 2, "g", 2), qrels.grades("q1"));
        assertEquals(Map.of("x", 1, "y", 0), qrels.grades("q2"));
    }

    @Test
    void knowsWhichQueriesAreJudged() {
        Qrels qrels = HandExample.qrels();

        assertFalse(qrels.hasJudgments("q3"));
        assertEquals(Map.of(), qrels.grades("q3"));
    }

    @Test
    void keepsSectionAnchorsAfterTheHashInDocIds() {
        Qrels qrels = Qrels.parse(List.of("1 0 ADAM/ADAM_0002818#Sec1 2", "# a comment line"), "qrels");

        assertEquals(Map.of("ADAM/ADAM_0002818#Sec1", 2), qrels.grades("1"));
    }

    static Stream<Arguments> badQrels() {
        return Stream.of(
                argumentSet("a line without four fields", List.of("1 0 a 2", "", "1 0 b"),
                        "qrels.txt:3: expected 4 fields 'qid iter docid grade', found 3"),
                argumentSet("a grade that is not an integer", List.of("1 0 a 2", "1 0 b high"),
                        "qrels.txt:2: grade is not an integer: high"),
                argumentSet("a doc judged twice for one query", List.of("1 0 a 2", "2 0 a 1", "1 0 a 0"),
                        "qrels.txt:3: doc a judged twice for query 1"));
    }

    @ParameterizedTest
    @MethodSource("badQrels")
    void rejectsBadInputNamingItsLine(List<String> lines, String message) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Qrels.parse(lines, "qrels.txt"));

        assertEquals(message, e.getMessage());
    }
}
