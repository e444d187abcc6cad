package org.medsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFileTest {

    @Test
    void readsIdAndTextSplitAtTheFirstTabSkippingBlankLines() {
        List<Query> queries = QueryFile.parse(List.of(
                "\uFEFF1\tNoonan syndrome. What are the references?", "", "   ", "5\thow much glucagon\tin a kit"), "q.tsv");

        assertEquals(List.of(new Query("1", "Noonan syndrome. What are the references?"),
                new Query("5", "how much glucagon\tin a kit")), queries);
    }

    @Test
    void rejectsALineWithoutATabNamingItsLine() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> QueryFile.parse(List.of("1\tfirst", "", "2 second"), "q.tsv"));

        assertEquals("q.tsv:3: expected 'qid<TAB>text', found no tab", e.getMessage());
    }

    @Test
    void rejectsARepeatedQueryIdOrAnEmptyQuery() {
        InputFormatException repeated = assertThrows(InputFormatException.class,
                () -> QueryFile.parse(List.of("1\tfirst", "1\tagain"), "q.tsv"));
        assertEquals("q.tsv:2: duplicate query id 1", repeated.getMessage());

        InputFormatException empty = assertThrows(InputFormatException.class,
                () -> QueryFile.parse(List.of("1\t  "), "q.tsv"));
        assertEquals("q.tsv:1: query 1 has no text", empty.getMessage());
    }
}
