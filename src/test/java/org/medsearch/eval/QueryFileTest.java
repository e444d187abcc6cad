package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryFileTest {

    @Test
    void readsIdAndTextSplitAtTheFirstTabSkippingBlankLines() {
        List<Query> queries = QueryFile.parse(List.of(
                "\uFEFF1\tNoonan syndrome. What are the references?", "", "   ", "5\thow much glucagon\tin a kit"), "q.tsv");

        assertEquals(List.of(new Query("1", "Noonan syndrome. What are the references?"),
                new Query("5", "how much glucagon\tin a kit")), queries);
    }

    static Stream<Arguments> badQueryFiles() {
        return Stream.of(
                argumentSet("a line without a tab", List.of("1\tfirst", "", "2 second"),
                        "q.tsv:3: expected 'qid<TAB>text', found no tab"),
                argumentSet("a repeated query id", List.of("1\tfirst", "1\tagain"), "q.tsv:2: duplicate query id 1"),
                argumentSet("an empty query", List.of("1\t  "), "q.tsv:1: query 1 has no text"));
    }

    @ParameterizedTest
    @MethodSource("badQueryFiles")
    void rejectsBadInputNamingItsLine(List<String> lines, String message) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> QueryFile.parse(lines, "q.tsv"));

        assertEquals(message, e.getMessage());
    }
}
