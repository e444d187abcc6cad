package org.medsearch.search;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceIteratorTest {
    private static final String[] PIECES = {"Leg cramps are common.", "Dr. Smith says so!", "Is it inherited?",
            "e.g. at night", "5 mg", "\u00e9t\u00e9", "  ", "\n\n", "U.S. data.", "(see below)", "Ends here.\u2029", "x",
            "\"Quoted.\"", "- a list item.", "3.5 cm"};

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = SentenceBreaks.next(text, start);
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    @Test
    void endsASentenceWhereAReaderWould() {
        assertEquals(List.of("Leg cramps are common. ", "They pass."), sentences("Leg cramps are common. They pass."));
        assertEquals(List.of("Is it inherited? ", "yes, often."), sentences("Is it inherited? yes, often."));
        assertEquals(List.of("Take it at night, e.g. after dinner."), sentences("Take it at night, e.g. after dinner."));
        assertEquals(List.of("About P.A.D. from the NHLBI."), sentences("About P.A.D. from the NHLBI."));
        assertEquals(List.of("A 3.5 cm cyst."), sentences("A 3.5 cm cyst."));
        assertEquals(List.of("He said \"stop.\" ", "Then left."), sentences("He said \"stop.\" Then left."));
        assertEquals(List.of("Age 65.\n\n", "have a history of fractures."), sentences("Age 65.\n\nhave a history of fractures."));
        assertEquals(List.of("Causes. ", "- Stress.\n", "- Diet."), sentences("Causes. - Stress.\n- Diet."));
        assertEquals(List.of("No full stop at all"), sentences("No full stop at all"));
        assertEquals(List.of("One\u2029", "Two"), sentences("One\u2029Two"));
    }

    /** Texts made of pieces the rules treat in different ways, reproducibly. */
    private static List<String> texts() {
        Random random = new Random(14);
        List<String> texts = new ArrayList<>(List.of("", "One.", "No full stop at all"));
        for (int t = 0; t < 200; t++) {
            StringBuilder s = new StringBuilder();
            for (int p = random.nextInt(12); p >= 0; p--) {
                s.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
            }
            texts.add(s.toString());
        }
        return texts;
    }

    private static List<Integer> bounds(String text) {
        List<Integer> out = new ArrayList<>(List.of(0));
        for (String s : sentences(text)) {
            out.add(out.getLast() + s.length());
        }
        return out;
    }

    private static BreakIterator over(String text) {
        BreakIterator it = new SentenceIterator();
        it.setText(text);
        return it;
    }

    @Test
    void answersPrecedingAndFollowingAtEveryOffsetInAnyOrder() {
        Random random = new Random(7);
        for (String text : texts()) {
            List<Integer> bounds = bounds(text);
            BreakIterator it = over(text);
            List<Integer> offsets = new ArrayList<>();
            for (int o = 0; o <= text.length(); o++) {
                offsets.add(o);
            }
            java.util.Collections.shuffle(offsets, random);
            for (int offset : offsets) {
                int after = bounds.stream().filter(b -> b > offset).findFirst().orElse(BreakIterator.DONE);
                int before = bounds.reversed().stream().filter(b -> b < offset).findFirst().orElse(BreakIterator.DONE);
                assertEquals(after, it.following(offset), "following " + offset + " in '" + text + "'");
                assertEquals(before, it.preceding(offset), "preceding " + offset + " in '" + text + "'");
                assertEquals(bounds.contains(offset), it.isBoundary(offset), "isBoundary " + offset);
            }
        }
    }

    @Test
    void walksForwardAndBack() {
        for (String text : texts()) {
            List<Integer> bounds = bounds(text);
            BreakIterator it = over(text);
            List<Integer> walked = new ArrayList<>(List.of(it.first()));
            for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
                walked.add(b);
            }
            assertEquals(bounds, walked, text);
            assertEquals(bounds.getLast(), it.last());
            List<Integer> back = new ArrayList<>(List.of(it.current()));
            for (int b = it.previous(); b != BreakIterator.DONE; b = it.previous()) {
                back.add(0, b);
            }
            assertEquals(bounds, back, text);
        }
    }

    @Test
    void aNewTextForgetsTheOldBoundaries() {
        BreakIterator it = over("First one. Second one.");
        assertEquals(11, it.following(3));
        it.setText("Short.");
        assertEquals(0, it.current());
        assertEquals(BreakIterator.DONE, it.following(6));
        assertEquals(6, it.last());
    }
}
