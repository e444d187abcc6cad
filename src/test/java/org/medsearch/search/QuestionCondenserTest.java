package org.medsearch.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionCondenserTest {

    @Test
    void aLongMessageComesDownToItsSubjectLineAndTheSentencesThatAsk() {
        String message = "Knee pain. I have been running for ten years and never had trouble before this spring. "
                + "Last week my left knee swelled up after a long run in the hills. "
                + "What could cause swelling without an injury? My sister says it is arthritis.";
        assertEquals("Knee pain. What could cause swelling without an injury?", QuestionCondenser.condense(message));
    }

    @Test
    void sentencesOpeningWithAQuestionWordAskEvenWithoutAQuestionMark() {
        String message = "I was told my blood pressure is high at every visit for two years now and I take no pills. "
                + "Should I start taking something for it. The nurse said to ask a doctor.";
        assertEquals("Should I start taking something for it.", QuestionCondenser.condense(message));
    }

    @Test
    void shortQuestionsAndMessagesThatAskNothingStayAsTheyAre() {
        assertEquals("Is shingles contagious?", QuestionCondenser.condense("Is shingles contagious?"));
        String story = "Back pain. I lifted a heavy box at work last Monday and have had pain in my lower back since then. "
                + "It gets worse when I sit for a long time at my desk.";
        assertEquals(story, QuestionCondenser.condense(story));
    }
}
